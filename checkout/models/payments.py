"""Payments, refunds and PayPal webhook deliveries, each recorded once.

Unique constraints on PayPal ids and on our own idempotency keys make a
repeated capture, refund or webhook an IntegrityError ("already done"),
never a second record.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .orders import Order, PaymentMethod


class PaymentStatus(models.TextChoices):
    CREATED = "created", _("Created")
    CAPTURED = "captured", _("Captured")
    DECLINED = "declined", _("Declined")
    FAILED = "failed", _("Failed")
    REFUNDED = "refunded", _("Refunded")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")


class Payment(models.Model):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="payments", verbose_name=_("order"))
    method = models.CharField(_("method"), max_length=24, choices=PaymentMethod.choices)
    status = models.CharField(_("status"), max_length=24, choices=PaymentStatus.choices, default=PaymentStatus.CREATED)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    paypal_order_id = models.CharField(_("PayPal order"), max_length=64, null=True, blank=True, unique=True)
    paypal_capture_id = models.CharField(_("PayPal capture"), max_length=64, null=True, blank=True, unique=True)
    raw_response = models.JSONField(_("PayPal response"), default=dict, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order} {self.get_method_display()} {self.amount} {self.currency}"


class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds", verbose_name=_("payment"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    idempotency_key = models.CharField(_("idempotency key"), max_length=80, unique=True)
    paypal_refund_id = models.CharField(_("PayPal refund"), max_length=64, null=True, blank=True, unique=True)
    status = models.CharField(_("status"), max_length=24, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    raw_response = models.JSONField(_("PayPal response"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive")]

    def __str__(self):
        return f"{self.payment.order} −{self.amount}"


class WebhookEvent(models.Model):
    """A PayPal webhook delivery, stored once per PayPal event id."""

    event_id = models.CharField(_("event id"), max_length=80, unique=True)
    event_type = models.CharField(_("type"), max_length=80)
    resource_id = models.CharField(_("resource id"), max_length=80, blank=True)
    payload = models.JSONField(_("payload"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)

    class Meta:
        verbose_name = _("PayPal webhook event")
        verbose_name_plural = _("PayPal webhook events")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.event_type} {self.event_id}"
