"""Quote requests from business buyers, followed up by the sales team."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

MAX_QUANTITY = 100_000
REFERENCE_OFFSET = 10_000


class QuoteStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("quote request status", "New")
    CONTACTED = "contacted", pgettext_lazy("quote request status", "Contacted")
    QUOTED = "quoted", pgettext_lazy("quote request status", "Quoted")
    WON = "won", pgettext_lazy("quote request status", "Won")
    LOST = "lost", pgettext_lazy("quote request status", "Lost")


class QuoteRequest(models.Model):
    """A customer's request for a price on a quantity of one product, and how sales follows it up.

    What the customer sent (contact, quantity, delivery place, message, and a
    snapshot of the product's title and SKU, so deleting or renaming the
    product never changes the request) is never edited by staff; staff only
    move the status, choose an owner and keep internal notes.
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)
    product = models.ForeignKey(
        "products.ProductPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("product"),
    )
    product_title = models.CharField(_("product title"), max_length=255)
    sku = models.CharField(_("SKU"), max_length=64, blank=True)
    option_label = models.CharField(_("option"), max_length=130, blank=True)

    company = models.CharField(_("company"), max_length=150)
    contact_name = models.CharField(_("contact name"), max_length=150)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    quantity = models.PositiveIntegerField(
        _("quantity"), validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)],
    )
    city = models.CharField(_("delivery city"), max_length=100)
    region = models.CharField(_("delivery province or state"), max_length=100, blank=True)
    country = CountryField(_("delivery country"))
    message = models.TextField(_("message"), max_length=3000, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="es")

    status = models.CharField(_("status"), max_length=20, choices=QuoteStatus.choices, default=QuoteStatus.NEW)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("owner"), help_text=_("The salesperson following this request up."),
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only staff see these notes; the customer never does."),
    )

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("quote request")
        verbose_name_plural = _("quote requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1) & models.Q(quantity__lte=MAX_QUANTITY),
                name="quote_quantity_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.reference or '—'} · {self.company}"

    @property
    def delivery_place(self):
        parts = [self.city, self.region, self.country.name if self.country else ""]
        return ", ".join(part for part in parts if part)


def reference_for(pk):
    """The customer-facing reference of the request with primary key `pk` (e.g. Q-10023)."""
    return f"Q-{REFERENCE_OFFSET + pk}"
