"""Discount codes customers type at checkout, managed by staff in the admin."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _


class DiscountCode(models.Model):
    """A code with its rules; usage is counted from the orders that used it."""

    class Kind(models.TextChoices):
        PERCENTAGE = "percentage", _("Percentage off the subtotal")
        FIXED = "fixed", _("Fixed amount off the subtotal")
        FREE_SHIPPING = "free_shipping", _("Free shipping")

    code = models.CharField(_("code"), max_length=40, help_text=_("Customers may type it in any case."))
    description = models.CharField(_("internal description"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERCENTAGE)
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Percent for percentage codes, amount for fixed codes, ignored for free shipping."),
    )
    valid_from = models.DateTimeField(_("valid from"), null=True, blank=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    usage_limit = models.PositiveIntegerField(_("total uses allowed"), null=True, blank=True)
    usage_limit_per_customer = models.PositiveIntegerField(_("uses allowed per customer"), null=True, blank=True)
    minimum_subtotal = models.DecimalField(
        _("minimum subtotal"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("discount code")
        verbose_name_plural = _("discount codes")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(Upper("code"), name="discount_code_unique_any_case"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="discount_value_not_negative"),
        ]

    def __str__(self):
        return self.code

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()
        if self.kind == self.Kind.PERCENTAGE and self.value is not None and self.value > 100:
            raise ValidationError({"value": _("A percentage cannot be above 100.")})
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": _("The end must be after the start.")})
        clash = DiscountCode.objects.filter(code__iexact=self.code).exclude(pk=self.pk)
        if self.code and clash.exists():
            raise ValidationError({"code": _("There is already a code %(code)s.") % {"code": self.code}})
