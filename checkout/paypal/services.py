"""Paying an order with PayPal: start, capture, reconcile. The shop side of the PayPal flow.

No row lock is held while PayPal is called: the payment row is locked only
to record an answer. A repeated start, capture, return visit or webhook finds
the work done (PayPal-Request-Ids derived from our own ids, unique PayPal ids
in the database) and never charges or marks paid twice. The captured amount
and currency are checked against the order before it is marked paid.
"""

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..exceptions import AlreadyCaptured, AmountMismatch, PaymentError
from ..models import Order, OrderStatus, Payment, PaymentMethod, PaymentStatus
from ..notifications import notify_customer
from ..orders import transition
from .client import get_client
from .payloads import OrderLine, OrderRequest, ShippingAddress

logger = logging.getLogger(__name__)


class OrderNotPayable(PaymentError):
    """The order is no longer waiting for payment (its reservation expired or it was cancelled)."""

    default_message = _("This order can no longer be paid: its reservation expired. Please place it again.")


def start_payment(order, *, return_url, cancel_url, brand_name=""):
    """Create (or find again) the PayPal order for `order`; returns the approval URL."""
    if order.status != OrderStatus.PENDING_PAYMENT:
        raise OrderNotPayable()
    created = get_client().create_order(
        _order_request(order, return_url, cancel_url, brand_name), request_id=f"vitrina-{order.token[:24]}-create"
    )
    Payment.objects.get_or_create(
        paypal_order_id=created.id,
        defaults={"order": order, "method": PaymentMethod.PAYPAL, "amount": order.total,
                  "currency": order.currency, "raw_response": created.raw},
    )
    return created.approval_url


def capture_payment(order, paypal_order_id):
    """Capture the approved PayPal order and mark the shop order paid; safe to call again.

    Raises PaymentError subclasses with a message for the customer: declined,
    PayPal unavailable (the order stays pending; reconciliation finishes it),
    amount mismatch (recorded, never marked paid), order no longer payable.
    """
    payment = Payment.objects.get(order=order, paypal_order_id=paypal_order_id)
    if payment.status == PaymentStatus.CAPTURED:
        return payment
    order.refresh_from_db()
    if order.status != OrderStatus.PENDING_PAYMENT:
        raise OrderNotPayable()
    try:
        capture = get_client().capture_order(paypal_order_id, request_id=f"vitrina-payment-{payment.pk}-capture")
    except AlreadyCaptured:
        # Captured by an earlier attempt whose answer we never saw: ask PayPal.
        return reconcile_payment(payment)
    return record_capture(payment, capture)


def record_capture(payment, capture):
    """Record a completed capture once; mark the order paid if the amount is right.

    A capture of another amount or currency is kept (for staff to refund) and
    raises AmountMismatch after it is saved; the order is never marked paid.
    """
    mismatch = None
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)
        if payment.status in (PaymentStatus.CAPTURED, PaymentStatus.FAILED):
            return payment
        if not capture.is_completed:
            return payment  # PENDING: the webhook or reconciliation finishes it
        payment.raw_response = capture.raw
        payment.paypal_capture_id = capture.id
        try:
            capture.check_amount(payment.order.total, payment.order.currency)
        except AmountMismatch as error:
            mismatch = error
            payment.status = PaymentStatus.FAILED
            payment.save(update_fields=["status", "paypal_capture_id", "raw_response", "updated_at"])
        else:
            payment.status = PaymentStatus.CAPTURED
            payment.save(update_fields=["status", "paypal_capture_id", "raw_response", "updated_at"])
            _mark_paid(payment.order, capture)
    if mismatch is not None:
        logger.error("PayPal capture %s of order %s took %s %s instead of %s %s", capture.id,
                     payment.order.number, capture.amount, capture.currency, payment.order.total,
                     payment.order.currency)
        raise mismatch
    return payment


def _mark_paid(order, capture):
    if order.status == OrderStatus.PENDING_PAYMENT:
        transition(order, OrderStatus.PAID, note=f"PayPal capture {capture.id}")
        notify_customer(order, "paid")
    else:  # e.g. cancelled while the buyer was at PayPal: staff must refund
        logger.error("PayPal captured order %s while it was %s", order.number, order.status)


def reconcile_payment(payment):
    """Ask PayPal where a payment stands and record it (capture if approved, record if captured)."""
    paypal_order = get_client().show_order(payment.paypal_order_id)
    completed = [capture for capture in paypal_order.captures if capture.is_completed]
    if completed:
        return record_capture(payment, completed[0])
    if paypal_order.status == "APPROVED":
        return capture_payment(payment.order, payment.paypal_order_id)
    return payment


def reconcile_pending_payments():
    """For orders still waiting for PayPal: finish the ones the customer paid but never came back from."""
    finished = 0
    pending = Payment.objects.filter(
        method=PaymentMethod.PAYPAL, status=PaymentStatus.CREATED, order__status=OrderStatus.PENDING_PAYMENT,
    ).select_related("order")
    for payment in pending:
        try:
            if reconcile_payment(payment).status == PaymentStatus.CAPTURED:
                finished += 1
        except PaymentError as error:
            logger.warning("Reconciling order %s: %s", payment.order.number, error)
    return finished


def _order_request(order, return_url, cancel_url, brand_name):
    lines = tuple(
        OrderLine(name=f"{line.product_title} {line.variant_label}".strip(), sku=line.sku, quantity=line.quantity,
                  unit_price=line.unit_price)
        for line in order.lines.all()
    )
    address = None
    if order.address_line1:
        address = ShippingAddress(
            full_name=order.name, address_line_1=order.address_line1, address_line_2=order.address_line2,
            city=order.city, postal_code=order.postal_code, country_code=str(order.country), region=order.region,
        )
    return OrderRequest(
        reference=order.number, currency=order.currency, lines=lines, total=order.total,
        shipping=order.shipping_total, discount=order.discount_total, return_url=return_url,
        cancel_url=cancel_url, brand_name=brand_name, locale=order.language, shipping_address=address,
        email=order.email,
    )
