"""Ways an order can reach the customer, managed by staff in the admin."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class ShippingMethod(models.Model):
    """A carrier service or local pickup: price, free-shipping threshold, countries served."""

    name = models.CharField(_("name (Spanish)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    delivery_promise = models.CharField(
        _("delivery promise (Spanish)"), max_length=120, blank=True,
        help_text=_("Shown to the customer, for example “entrega en 2-4 días laborables”."),
    )
    delivery_promise_en = models.CharField(_("delivery promise (English)"), max_length=120, blank=True)
    price = models.DecimalField(
        _("price"), max_digits=12, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Including tax."),
    )
    free_above = models.DecimalField(
        _("free from"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Orders whose subtotal after discounts reaches this amount ship free. Empty: never free."),
    )
    countries = CountryField(_("countries served"), multiple=True, blank=True)
    is_pickup = models.BooleanField(
        _("local pickup"), default=False, help_text=_("The customer collects the order: no shipping address needed."),
    )
    is_active = models.BooleanField(_("offered at checkout"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("shipping method")
        verbose_name_plural = _("shipping methods")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gte=0), name="shipping_price_not_negative"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def display_promise(self):
        if translation.get_language() == "en" and self.delivery_promise_en:
            return self.delivery_promise_en
        return self.delivery_promise

    def serves(self, country_code):
        return self.is_pickup or country_code in {country.code for country in self.countries}
