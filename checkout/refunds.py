"""Refunds of a payment, whole or in part: through PayPal for PayPal payments, recorded for offline ones.

`refund_payment(payment, amount, user=, reason=, key=, offline=)` is idempotent through
Refund.idempotency_key: the admin form posts a key made when the form was
shown, so a double submit finds the first refund instead of making a second;
the same key is PayPal's PayPal-Request-Id, so a retry after a lost answer gets
PayPal's first answer replayed. The amount is reserved under a row lock on the
payment (a pending Refund row), then the lock is released before the HTTP call
to PayPal, and the answer is recorded afterwards. `offline=True` records the
refund of a PayPal payment whose money went back another way (a bank transfer
to the customer), without calling PayPal.
"""

import logging
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .exceptions import GatewayUnavailable, PaymentError
from .models import Order, OrderStatus, Payment, PaymentMethod, PaymentStatus, Refund
from .orders import InvalidTransition, can_transition, transition
from .paypal.client import get_client

logger = logging.getLogger(__name__)

REFUNDABLE = (PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED)
PENDING = "PENDING"
FAILED = "FAILED"
COMPLETED = "COMPLETED"
CENT = Decimal("0.01")


class RefundError(Exception):
    """A refund that cannot be made; `message` is safe to show to staff."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


def refunded_amount(payment):
    """What has been refunded (or is being refunded) of `payment`."""
    amounts = payment.refunds.exclude(status=FAILED).values_list("amount", flat=True)
    return sum(amounts, Decimal("0.00"))


def refundable_amount(payment):
    if payment.status not in REFUNDABLE:
        return Decimal("0.00")
    return max(payment.amount - refunded_amount(payment), Decimal("0.00"))


def refundable_payments(order):
    """Payments with money left to refund, or a refund to finish (left pending by an unreachable PayPal)."""
    return [
        payment for payment in order.payments.filter(status__in=REFUNDABLE)
        if refundable_amount(payment) > 0 or payment.refunds.filter(status=PENDING).exists()
    ]


def _amount(value):
    try:
        amount = Decimal(value).quantize(CENT)
    except (InvalidOperation, TypeError, ValueError):
        raise RefundError(_("Enter the amount to refund as a number.")) from None
    if amount <= 0:
        raise RefundError(_("The amount to refund must be more than zero."))
    return amount


def refund_payment(payment, amount, *, user=None, reason="", key=None, offline=False):
    """Refund `amount` of `payment` (all that is left when None); returns the Refund.

    Raises RefundError (bad amount, nothing left, PayPal refused or unreachable) or
    InvalidTransition (the order cannot be refunded in its current status).
    A refund left pending by an unreachable PayPal is retried (same key) by the
    next call for the same payment, before any new amount is considered; an
    offline refund is refused while one is pending, as it would settle it unpaid.
    """
    key = f"vitrina-refund-{payment.pk}-{key}" if key else None
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)
        if key:
            existing = Refund.objects.filter(idempotency_key=key).first()
            if existing is not None and existing.status == FAILED:
                raise RefundError(_("This refund was refused earlier. Reload the order to try again."))
            if existing is not None and existing.status != PENDING:
                return existing  # the same form posted twice: already done
        else:
            existing = None
        if existing is None:
            # A refund whose PayPal answer never came (timeout, 5xx) is finished first, with its own key:
            # PayPal replays it if it was made, or makes it now.
            existing = payment.refunds.filter(status=PENDING).first()
            if existing is not None and offline and payment.method == PaymentMethod.PAYPAL:
                raise RefundError(_("A PayPal refund of this payment is waiting for PayPal's answer. "
                                    "Finish it before recording a refund made another way."))
        if existing is None:
            remaining = refundable_amount(payment)
            if remaining <= 0:
                raise RefundError(_("Nothing is left to refund of this payment."))
            amount = remaining if amount is None else _amount(amount)
            if amount > remaining:
                raise RefundError(
                    _("At most %(remaining)s %(currency)s can still be refunded of this payment.")
                    % {"remaining": remaining, "currency": payment.currency}
                )
            target = _order_target(payment, amount)
            order = payment.order
            if order.status != OrderStatus.CANCELLED and order.status != target and not can_transition(order, target):
                raise InvalidTransition(order, target)
            if key is None:
                sequence = payment.refunds.count() + 1
                while Refund.objects.filter(idempotency_key=f"vitrina-refund-{payment.pk}-{sequence}").exists():
                    sequence += 1
                key = f"vitrina-refund-{payment.pk}-{sequence}"
            existing = Refund.objects.create(
                payment=payment, amount=amount, idempotency_key=key, status=PENDING, reason=reason[:200],
                created_by=user,
            )
    refund = existing
    if payment.method == PaymentMethod.PAYPAL and not offline:
        _refund_at_paypal(payment, refund)
    else:
        Refund.objects.filter(pk=refund.pk).update(status=COMPLETED)
        refund.status = COMPLETED
    _settle(payment, refund, user)
    return refund


def _refund_at_paypal(payment, refund):
    """The HTTP call, with no lock held; records PayPal's answer on the Refund."""
    if not payment.paypal_capture_id:
        Refund.objects.filter(pk=refund.pk).update(status=FAILED)
        raise RefundError(_("This PayPal payment has no capture to refund."))
    try:
        answer = get_client().refund_capture(
            payment.paypal_capture_id, request_id=refund.idempotency_key, amount=refund.amount,
            currency=payment.currency, invoice_id="", note=refund.reason[:255],
        )
    except GatewayUnavailable as error:
        # Unknown outcome: the Refund stays pending; posting the same form again retries with the same key.
        logger.warning("PayPal refund %s: %s", refund.idempotency_key, error.detail)
        raise RefundError(_("PayPal is not responding. Nothing was recorded; try the refund again later.")) from error
    except PaymentError as error:
        Refund.objects.filter(pk=refund.pk).update(status=FAILED, raw_response=error.raw or {})
        raise RefundError(
            _("PayPal refused the refund: %(issue)s") % {"issue": error.issue or error.detail}
        ) from error
    with transaction.atomic():
        webhook_copy = Refund.objects.filter(paypal_refund_id=answer.id).exclude(pk=refund.pk).first()
        if webhook_copy is not None:  # the webhook recorded it first: keep one row, ours
            webhook_copy.delete()
        try:
            Refund.objects.filter(pk=refund.pk).update(
                paypal_refund_id=answer.id, status=answer.status or COMPLETED, raw_response=answer.raw,
            )
        except IntegrityError:  # pragma: no cover - the webhook raced us again
            logger.warning("PayPal refund %s recorded twice", answer.id)
    refund.refresh_from_db()


def _order_target(payment, amount):
    others = refunded_amount(payment) + amount
    return OrderStatus.REFUNDED if others >= payment.amount else OrderStatus.PARTIALLY_REFUNDED


def _settle(payment, refund, user):
    """Payment and order status after a refund."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        fully = refunded_amount(payment) >= payment.amount
        payment.status = PaymentStatus.REFUNDED if fully else PaymentStatus.PARTIALLY_REFUNDED
        payment.save(update_fields=["status", "updated_at"])
    order = Order.objects.get(pk=payment.order_id)
    payments_left = any(refundable_amount(p) > 0 for p in order.payments.filter(status__in=REFUNDABLE))
    target = OrderStatus.PARTIALLY_REFUNDED if payments_left or not fully else OrderStatus.REFUNDED
    note = _("Refund of %(amount)s %(currency)s") % {"amount": refund.amount, "currency": payment.currency}
    if refund.reason:
        note = f"{note}: {refund.reason}"
    if order.status != OrderStatus.CANCELLED and can_transition(order, target):
        transition(order, target, user=user, note=str(note))
