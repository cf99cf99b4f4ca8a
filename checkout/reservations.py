"""Stock held by orders waiting for payment, and its release when they expire.

Placing an order takes its units out of stock at once (no one else can buy
them), for a limited time: VITRINA_RESERVATION_MINUTES for online payment,
VITRINA_BANK_TRANSFER_RESERVATION_DAYS for bank transfers. An order still
unpaid after that is cancelled and its units go back, by
`release_expired_reservations()`, which runs as a task and as the
`release_expired_reservations` management command (for cron).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from products.stock import release_stock

from .models import Order, OrderStatus, PaymentMethod
from .notifications import notify_customer
from .orders import transition


def reservation_deadline(payment_method, now=None):
    """When an order placed now stops holding its stock, or None if it never expires."""
    now = now or timezone.now()
    if payment_method == PaymentMethod.CASH_ON_DELIVERY:
        return None  # goes straight to packing
    if payment_method == PaymentMethod.BANK_TRANSFER:
        return now + timedelta(days=settings.VITRINA_BANK_TRANSFER_RESERVATION_DAYS)
    return now + timedelta(minutes=settings.VITRINA_RESERVATION_MINUTES)


def release_order_stock(order):
    """Give an order's units back to stock, once (a cancelled or expired order)."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.stock_released:
            return False
        quantities = {}
        for sku, quantity in locked.lines.values_list("sku", "quantity"):
            quantities[sku] = quantities.get(sku, 0) + quantity
        release_stock(quantities)
        locked.stock_released = True
        locked.save(update_fields=["stock_released", "updated_at"])
    order.stock_released = True
    return True


def release_expired_reservations(now=None):
    """Cancel unpaid orders whose reservation ran out and put their units back."""
    now = now or timezone.now()
    expired = Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT, stock_released=False, stock_reserved_until__lt=now
    ).order_by("pk")
    released = 0
    for order in expired:
        transition(order, OrderStatus.CANCELLED, note="Reservation expired before payment.")
        notify_customer(order, "cancelled")
        if release_order_stock(order):
            released += 1
    return released


@task()
def release_expired_reservations_task():
    return release_expired_reservations()
