"""Stock levels, kept apart from page content.

A product page (title, prices, description) has revisions, drafts and
scheduled publishing; its stock does not. Stock lives here, one row per SKU,
so publishing an old revision of a page can never bring back sold units, and
the Spanish and English copies of a product share the same units.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Availability(models.TextChoices):
    IN_STOCK = "in_stock", _("In stock")
    LOW_STOCK = "low_stock", _("Only a few left")
    OUT_OF_STOCK = "out_of_stock", _("Out of stock")
    ON_REQUEST = "on_request", _("On request")


class StockRecord(models.Model):
    """Units on hand for one SKU, whichever product page (and language) sells it."""

    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    quantity = models.PositiveIntegerField(
        _("units in stock"), default=0, validators=[MinValueValidator(0)]
    )
    low_stock_threshold = models.PositiveIntegerField(
        _("low-stock threshold"),
        null=True,
        blank=True,
        help_text=_("At or below this many units the shop shows “only a few left”. Empty: the shop default."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("stock record")
        verbose_name_plural = _("stock")
        ordering = ["sku"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=0), name="stock_quantity_not_negative"),
        ]

    def __str__(self):
        return f"{self.sku}: {self.quantity}"

    @property
    def threshold(self):
        if self.low_stock_threshold is None:
            return settings.VITRINA_LOW_STOCK_THRESHOLD
        return self.low_stock_threshold

    @property
    def availability(self):
        return availability_for(self.quantity, self.threshold)

    def get_availability_display(self):
        return self.availability.label


def availability_for(quantity, threshold):
    if quantity <= 0:
        return Availability.OUT_OF_STOCK
    if quantity <= threshold:
        return Availability.LOW_STOCK
    return Availability.IN_STOCK
