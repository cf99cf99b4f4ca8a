"""PayPal webhook deliveries: verified with PayPal, recorded once, applied in any order.

A delivery is first checked with PayPal's verify-webhook-signature API, then
stored by PayPal's event id (unique), so a repeated delivery does nothing.
Capture events go through the same `record_capture` as the customer's return
from PayPal, so whichever arrives first marks the order paid and the other
finds it done.
"""

import json
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..exceptions import WebhookVerificationFailed
from ..models import OrderStatus, Payment, PaymentStatus, Refund, WebhookEvent
from ..orders import can_transition, transition
from .client import get_client
from .results import parse_capture, parse_refund
from .services import record_capture

logger = logging.getLogger(__name__)


def receive_webhook(headers, body):
    """Verify, record and apply one delivery; returns its WebhookEvent (old or new).

    Raises WebhookVerificationFailed for a delivery PayPal does not vouch for
    (or a body that is not an event), GatewayUnavailable when PayPal cannot be
    asked (answer 5xx: PayPal delivers again later).
    """
    try:
        event = json.loads(body)
        event_id, event_type = str(event["id"]), str(event["event_type"])
    except (ValueError, KeyError, TypeError) as error:
        raise WebhookVerificationFailed(detail="not a PayPal event") from error
    if not get_client().verify_webhook_signature(headers, body):
        raise WebhookVerificationFailed(detail=f"signature of event {event_id} not verified")
    resource = event.get("resource") or {}
    try:
        with transaction.atomic():
            record, _created = WebhookEvent.objects.get_or_create(
                event_id=event_id,
                defaults={"event_type": event_type, "resource_id": str(resource.get("id", "")), "payload": event},
            )
    except IntegrityError:  # the same delivery twice at once
        record = WebhookEvent.objects.get(event_id=event_id)
    if record.processed_at is None:
        apply_event(event_type, resource)
        WebhookEvent.objects.filter(pk=record.pk, processed_at=None).update(processed_at=timezone.now())
    return record


def apply_event(event_type, resource):
    handler = HANDLERS.get(event_type)
    if handler is None:
        logger.info("PayPal event %s ignored", event_type)
        return
    handler(resource)


def capture_completed(resource):
    capture = parse_capture(resource)
    payment = Payment.objects.filter(paypal_order_id=capture.order_id).first() if capture.order_id else None
    if payment is None:
        logger.warning("PayPal capture %s belongs to no order of this shop", capture.id)
        return
    record_capture(payment, capture)


def capture_denied(resource):
    capture = parse_capture(resource)
    Payment.objects.filter(paypal_order_id=capture.order_id, status=PaymentStatus.CREATED).update(
        status=PaymentStatus.DECLINED, raw_response=resource
    )


def capture_refunded(resource):
    """Record a refund made at PayPal (or confirm one made from the admin), once."""
    refund = parse_refund(resource)
    capture_id = _capture_id_of(resource)
    payment = Payment.objects.filter(paypal_capture_id=capture_id).select_related("order").first()
    if payment is None:
        logger.warning("PayPal refund %s is for capture %s, unknown here", refund.id, capture_id)
        return
    Refund.objects.get_or_create(
        paypal_refund_id=refund.id,
        defaults={"payment": payment, "amount": refund.amount, "idempotency_key": f"paypal-refund-{refund.id}",
                  "status": refund.status, "raw_response": resource, "reason": "PayPal"},
    )
    refunded = sum(payment.refunds.values_list("amount", flat=True))
    fully = refunded >= payment.amount
    payment.status = PaymentStatus.REFUNDED if fully else PaymentStatus.PARTIALLY_REFUNDED
    payment.save(update_fields=["status", "updated_at"])
    target = OrderStatus.REFUNDED if fully else OrderStatus.PARTIALLY_REFUNDED
    if payment.order.status != target and can_transition(payment.order, target):
        transition(payment.order, target, note=f"PayPal refund {refund.id}")


def _capture_id_of(refund_resource):
    for link in refund_resource.get("links") or []:
        if link.get("rel") == "up":
            return link.get("href", "").rstrip("/").rsplit("/", 1)[-1]
    return ""


HANDLERS = {
    "PAYMENT.CAPTURE.COMPLETED": capture_completed,
    "PAYMENT.CAPTURE.DENIED": capture_denied,
    "PAYMENT.CAPTURE.REFUNDED": capture_refunded,
}
