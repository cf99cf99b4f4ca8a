"""Return requests: what a customer sends back from an order, and what staff decided and did about it.

A ReturnRequest holds the customer's side (lines, reason, comment, photo) and
each staff step (decision, receipt, refund) with who and when. Its status only
changes through the services in `returns.requests` and `returns.processing`,
which also move the order through checkout's state machine. Units that come
back unsellable are written to DamagedStock instead of going back to stock.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReturnStatus(models.TextChoices):
    # "Return ..." labels: in Spanish a return (la devolución) agrees in gender, an order does not.
    REQUESTED = "requested", _("Return requested")
    APPROVED = "approved", _("Return approved")
    REJECTED = "rejected", _("Return rejected")
    RECEIVED = "received", _("Return received")
    REFUNDED = "refunded", _("Return refunded")


class ReturnReason(models.TextChoices):
    DAMAGED = "damaged", _("Arrived damaged")
    WRONG_ITEM = "wrong_item", _("Wrong item sent")
    NOT_AS_DESCRIBED = "not_as_described", _("Not as described")
    CHANGED_MIND = "changed_mind", _("Changed my mind")
    OTHER = "other", _("Other")


class LineOutcome(models.TextChoices):
    RESTOCK = "restock", _("Back to stock")
    DAMAGED = "damaged", _("Damaged")


def photo_path(instance, filename):
    """An unguessable name: the photo is customer data, so its address must not be derivable."""
    suffix = Path(filename).suffix.lower()[:6]
    return f"returns/{secrets.token_urlsafe(24)}{suffix}"


class ReturnRequest(models.Model):
    """A customer's request to send units of an order back, and its way through approval, receipt and refund."""

    order = models.ForeignKey(
        "checkout.Order", on_delete=models.PROTECT, related_name="return_requests", verbose_name=_("order"),
    )
    number = models.CharField(_("number"), max_length=32, unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED, db_index=True,
    )
    reason = models.CharField(_("reason"), max_length=24, choices=ReturnReason.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True, max_length=120)
    language = models.CharField(_("language"), max_length=8, default="es")
    staff_message = models.TextField(
        _("message to the customer"), blank=True,
        help_text=_("Sent with the approval or rejection and shown on the order page."),
    )

    created_at = models.DateTimeField(_("requested"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("decided by"),
    )
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("received by"),
    )
    refund = models.ForeignKey(
        "checkout.Refund", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("refund"),
    )
    refunded_amount = models.DecimalField(_("refunded amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded"), null=True, blank=True)

    class Meta:
        verbose_name = _("return request")
        verbose_name_plural = _("return requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.number

    @property
    def is_open(self):
        return self.status in (ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.RECEIVED)


class ReturnLine(models.Model):
    """Units of one order line in a return, and what became of them once received."""

    return_request = models.ForeignKey(
        ReturnRequest, on_delete=models.CASCADE, related_name="lines", verbose_name=_("return request"),
    )
    order_line = models.ForeignKey(
        "checkout.OrderLine", on_delete=models.PROTECT, related_name="return_lines", verbose_name=_("order line"),
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=LineOutcome.choices, blank=True)

    class Meta:
        verbose_name = _("return line")
        verbose_name_plural = _("return lines")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="return_line_quantity_positive"),
            models.UniqueConstraint(fields=["return_request", "order_line"], name="return_line_once_per_request"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.order_line.sku}"

    @property
    def value(self):
        return self.order_line.unit_price * self.quantity


class DamagedStock(models.Model):
    """Units that came back and did not go back on sale: kept as a record for stock and accounting."""

    sku = models.CharField(_("SKU"), max_length=64, db_index=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    return_line = models.ForeignKey(
        ReturnLine, null=True, blank=True, on_delete=models.SET_NULL, related_name="damaged_stock",
        verbose_name=_("return line"),
    )
    order = models.ForeignKey(
        "checkout.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("order"),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("damaged stock")
        verbose_name_plural = _("damaged stock")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="damaged_stock_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.sku}: {self.quantity}"
