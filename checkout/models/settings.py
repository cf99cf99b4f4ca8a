"""Store settings for selling: tax, bank transfer details, terms, returns, reviews and quotes."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="tag")
class CheckoutSettings(BaseSiteSetting):
    """How the shop charges tax and takes offline payments."""

    tax_rate = models.DecimalField(
        _("tax rate (%)"), max_digits=5, decimal_places=2, default=Decimal("21.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("Prices include this tax; orders show how much of the total it is."),
    )
    tax_name = models.CharField(_("tax name"), max_length=20, default="IVA")
    bank_transfer_instructions = models.TextField(
        _("bank transfer instructions (Spanish)"), blank=True,
        help_text=_("Account holder, IBAN and what to write as reference (the order number is added)."),
    )
    bank_transfer_instructions_en = models.TextField(_("bank transfer instructions (English)"), blank=True)
    offers_bank_transfer = models.BooleanField(_("offer bank transfer"), default=True)
    offers_cash_on_delivery = models.BooleanField(_("offer cash on delivery"), default=True)
    offers_paypal = models.BooleanField(_("offer PayPal"), default=True)
    terms_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("terms and conditions page"),
    )
    max_quantity_per_line = models.PositiveIntegerField(
        _("maximum units per cart line"), default=20, validators=[MinValueValidator(1)],
    )
    return_window_days = models.PositiveIntegerField(
        _("return window (days)"), default=30, validators=[MaxValueValidator(365)],
        help_text=_("Days after delivery (or after shipping, if delivery was never recorded) during which "
                    "customers can ask to return products. At least 14 in the EU."),
    )
    review_invitation_delay_days = models.PositiveIntegerField(
        _("invite to review after (days)"), default=7, validators=[MaxValueValidator(365)],
        help_text=_("Days after delivery before the customer is emailed an invitation to review what they bought. "
                    "0 turns the invitations off."),
    )
    quotes_on_every_product = models.BooleanField(
        _("quote requests on every product"), default=False,
        help_text=_("Quote-only products always offer a quote request; tick this to offer it beside the "
                    "“Add to cart” button of every product too (for business buyers of large quantities)."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("tax_rate"), FieldPanel("tax_name")], heading=_("Tax")),
        MultiFieldPanel(
            [FieldPanel("offers_paypal"), FieldPanel("offers_bank_transfer"), FieldPanel("offers_cash_on_delivery"),
             FieldPanel("bank_transfer_instructions"), FieldPanel("bank_transfer_instructions_en")],
            heading=_("Payment methods"),
        ),
        FieldPanel("terms_page"),
        FieldPanel("max_quantity_per_line"),
        MultiFieldPanel(
            [FieldPanel("return_window_days"), FieldPanel("review_invitation_delay_days"),
             FieldPanel("quotes_on_every_product")],
            heading=_("After the sale"),
        ),
    ]

    class Meta:
        verbose_name = _("checkout settings")
