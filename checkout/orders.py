"""The order state machine: the only way an order's status changes.

pending payment → paid → packed → shipped → delivered; cancelled; refunded or
partially refunded; return requested → received → refunded. Cash-on-delivery
orders go from pending payment straight to packing and are paid on delivery.
Every step is logged in OrderEvent with who and when.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Order, OrderEvent, OrderStatus, PaymentMethod

S = OrderStatus
TRANSITIONS = {
    S.PENDING_PAYMENT: {S.PAID, S.PACKED, S.CANCELLED},
    S.PAID: {S.PACKED, S.CANCELLED, S.PARTIALLY_REFUNDED, S.REFUNDED},
    S.PACKED: {S.SHIPPED, S.CANCELLED, S.PARTIALLY_REFUNDED, S.REFUNDED},
    S.SHIPPED: {S.DELIVERED, S.RETURN_REQUESTED},
    S.DELIVERED: {S.RETURN_REQUESTED, S.PARTIALLY_REFUNDED, S.REFUNDED},
    S.PARTIALLY_REFUNDED: {S.PACKED, S.SHIPPED, S.DELIVERED, S.PARTIALLY_REFUNDED, S.REFUNDED, S.RETURN_REQUESTED},
    S.RETURN_REQUESTED: {S.RETURN_RECEIVED, S.DELIVERED},
    S.RETURN_RECEIVED: {S.PARTIALLY_REFUNDED, S.REFUNDED},
    S.CANCELLED: set(),
    S.REFUNDED: set(),
}


class InvalidTransition(Exception):
    """The order cannot move to that status from where it is."""

    def __init__(self, order, to_status):
        self.order = order
        self.to_status = to_status
        self.message = _("Order %(number)s is “%(current)s” and cannot become “%(target)s”.") % {
            "number": order.number,
            "current": OrderStatus(order.status).label,
            "target": OrderStatus(to_status).label,
        }
        super().__init__(self.message)


def can_transition(order, to_status):
    if order.status == S.PENDING_PAYMENT and to_status == S.PACKED:
        # Only cash on delivery is packed before it is paid.
        return order.payment_method == PaymentMethod.CASH_ON_DELIVERY
    return to_status in TRANSITIONS[OrderStatus(order.status)]


def transition(order, to_status, *, user=None, note=""):
    """Move an order to `to_status`, logging who and when; raises InvalidTransition.

    Locks the order row so two staff members (or a webhook and a customer
    coming back from PayPal) cannot move it at the same time.
    """
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if not can_transition(locked, to_status):
            raise InvalidTransition(locked, to_status)
        from_status = locked.status
        locked.status = to_status
        changed = ["status", "updated_at"]
        if to_status == S.PAID or (to_status == S.DELIVERED and locked.paid_at is None
                                   and locked.payment_method == PaymentMethod.CASH_ON_DELIVERY):
            locked.paid_at = timezone.now()
            changed.append("paid_at")
        locked.save(update_fields=changed)
        OrderEvent.objects.create(
            order=locked, from_status=from_status, to_status=to_status, user=user, note=note
        )
    order.refresh_from_db()
    return order


def record_placed(order, *, user=None, note=""):
    """The first history entry of a new order."""
    return OrderEvent.objects.create(order=order, from_status="", to_status=order.status, user=user, note=note)


def switch_payment_method(order, method, *, offered):
    """Let a customer who left PayPal pay the same order another way (bank transfer, cash).

    Only while the order waits for payment; the stock reservation follows the
    new method's deadline. Returns True if the method changed.
    """
    from .reservations import reservation_deadline

    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.status != S.PENDING_PAYMENT or method not in offered or method == locked.payment_method:
            return False
        previous = PaymentMethod(locked.payment_method).label
        locked.payment_method = method
        locked.stock_reserved_until = reservation_deadline(method)
        locked.save(update_fields=["payment_method", "stock_reserved_until", "updated_at"])
        OrderEvent.objects.create(
            order=locked, from_status=locked.status, to_status=locked.status,
            note=f"Payment method changed from {previous} to {PaymentMethod(method).label} by the customer.",
        )
    order.refresh_from_db()
    return True
