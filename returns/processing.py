"""Staff steps of a return: approve or reject, mark received (restock or damaged), refund.

Each step locks the return row, checks the return is at the right status,
writes the change and the order's new status in one transaction and emails the
customer once it commits. Refunds go through checkout.refunds.refund_payment
(PayPal or recorded offline) with no lock held during the call to PayPal; the
form's key makes a double submit find the first refund instead of a second.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from checkout.models import OrderStatus, Refund
from checkout.orders import can_transition, transition
from checkout.refunds import refund_payment, refundable_amount, refundable_payments
from products.models import StockRecord
from products.stock import release_stock

from .exceptions import ReturnError
from .models import DamagedStock, LineOutcome, ReturnRequest, ReturnStatus
from .notifications import notify_customer

S = ReturnStatus
REFUSALS = {
    "approve": _("Return %(number)s cannot be approved now (status: %(status)s)."),
    "reject": _("Return %(number)s cannot be rejected now (status: %(status)s)."),
    "receive": _("Return %(number)s cannot be marked received now (status: %(status)s)."),
    "refund": _("Return %(number)s cannot be refunded now (status: %(status)s)."),
}


def _refusal(return_request, step):
    return ReturnError(REFUSALS[step] % {"number": return_request.number,
                                         "status": return_request.get_status_display()})


def _locked(return_request, allowed, step):
    locked = ReturnRequest.objects.select_for_update().select_related("order").get(pk=return_request.pk)
    if locked.status not in allowed:
        raise _refusal(locked, step)
    return locked


def _move_order(order, status, user, note):
    """Follow the return on the order, when the state machine allows it (another step may have moved it)."""
    order.refresh_from_db()
    if order.status != status and can_transition(order, status):
        transition(order, status, user=user, note=note)


def approve_return(return_request, *, user, message=""):
    """Accept the return: the customer may send the units back."""
    with transaction.atomic():
        locked = _locked(return_request, [S.REQUESTED], "approve")
        _decide(locked, S.APPROVED, user, message)
        notify_customer(locked, "approved")
    return_request.refresh_from_db()
    return return_request


def reject_return(return_request, *, user, message):
    """Refuse the return with a reason for the customer; the order goes back to delivered."""
    if not message.strip():
        raise ReturnError(_("Tell the customer why the return is rejected."))
    with transaction.atomic():
        locked = _locked(return_request, [S.REQUESTED, S.APPROVED], "reject")
        _decide(locked, S.REJECTED, user, message)
        if not locked.order.return_requests.exclude(pk=locked.pk).filter(
            status__in=[S.REQUESTED, S.APPROVED]
        ).exists():
            _move_order(locked.order, OrderStatus.DELIVERED, user, f"Return {locked.number} rejected")
        notify_customer(locked, "rejected")
    return_request.refresh_from_db()
    return return_request


def _decide(locked, status, user, message):
    locked.status = status
    locked.staff_message = message.strip()
    locked.decided_at = timezone.now()
    locked.decided_by = user
    locked.save(update_fields=["status", "staff_message", "decided_at", "decided_by"])


def receive_return(return_request, outcomes, *, user, note=""):
    """The parcel arrived: each line's units go back to stock or to the damaged record.

    `outcomes` maps a ReturnLine id to LineOutcome.RESTOCK or DAMAGED; every line needs one.
    """
    with transaction.atomic():
        locked = _locked(return_request, [S.APPROVED], "receive")
        lines = list(locked.lines.select_related("order_line"))
        if {line.pk for line in lines} != set(outcomes) or not set(outcomes.values()) <= set(LineOutcome.values):
            raise ReturnError(_("Choose what happens to the units of every line."))
        restock = {}
        for line in lines:
            line.outcome = outcomes[line.pk]
            line.save(update_fields=["outcome"])
            sku = line.order_line.sku
            if line.outcome == LineOutcome.RESTOCK:
                restock[sku] = restock.get(sku, 0) + line.quantity
            else:
                DamagedStock.objects.create(
                    sku=sku, quantity=line.quantity, return_line=line, order=locked.order,
                    note=note[:255], created_by=user,
                )
        if restock:
            for sku in sorted(restock):  # a SKU whose stock row was removed gets one back, not lost units
                StockRecord.objects.get_or_create(sku=sku)
            release_stock(restock)
        locked.status = S.RECEIVED
        locked.received_at = timezone.now()
        locked.received_by = user
        locked.save(update_fields=["status", "received_at", "received_by"])
        _move_order(locked.order, OrderStatus.RETURN_RECEIVED, user, f"Return {locked.number} received")
        notify_customer(locked, "received")
    return_request.refresh_from_db()
    return return_request


def returned_value(return_request):
    """What the returned units cost the customer: unit price × quantity of each line."""
    return sum((line.value for line in return_request.lines.select_related("order_line")), Decimal("0.00"))


def suggested_refund(return_request, payment):
    """The returned units' value, capped by what is left to refund of `payment`."""
    return min(returned_value(return_request), refundable_amount(payment))


def refund_return(return_request, payment, amount, *, user, key, offline=False, reason=""):
    """Refund a received return from `payment` and record the refund on the return; returns the Refund.

    `offline=True` records money sent back outside PayPal (always so for bank
    transfer and cash payments). Posting the same form twice (same `key`)
    returns the first refund. Raises ReturnError, checkout's RefundError or
    InvalidTransition; when one is raised nothing is recorded on the return.
    """
    current = ReturnRequest.objects.get(pk=return_request.pk)
    full_key = f"vitrina-refund-{payment.pk}-{key}"
    if current.status == S.REFUNDED and Refund.objects.filter(pk=current.refund_id, idempotency_key=full_key).exists():
        return current.refund  # the same form posted twice
    if current.status != S.RECEIVED:
        raise _refusal(current, "refund")
    if payment.order_id != current.order_id or payment not in refundable_payments(current.order):
        raise ReturnError(_("Choose a payment of this order with money left to refund."))
    note = reason.strip() or f"Return {current.number}"
    if offline:
        note = f"{note} (offline)"
    refund = refund_payment(payment, amount, user=user, reason=note, key=key, offline=offline)
    with transaction.atomic():
        locked = ReturnRequest.objects.select_for_update().get(pk=current.pk)
        if locked.refund_id is None:
            locked.refund = refund
            locked.refunded_amount = refund.amount
            locked.refunded_at = timezone.now()
            locked.status = S.REFUNDED
            locked.save(update_fields=["refund", "refunded_amount", "refunded_at", "status"])
            notify_customer(locked, "refunded")
    return_request.refresh_from_db()
    return refund
