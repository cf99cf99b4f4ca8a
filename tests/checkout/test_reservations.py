"""Unpaid orders hold their stock for a while, then give it back."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from checkout.models import Order, OrderLine, OrderStatus, PaymentMethod
from checkout.orders import record_placed
from checkout.reservations import (
    release_expired_reservations,
    release_expired_reservations_task,
    release_order_stock,
    reservation_deadline,
)
from products.models import StockRecord
from products.stock import reserve_stock, set_stock

pytestmark = pytest.mark.django_db


def placed_order(sku="SKU-1", quantity=2, minutes_left=30, method=PaymentMethod.PAYPAL, number="R1"):
    with transaction.atomic():
        reserve_stock({sku: quantity})
        order = Order.objects.create(
            number=number, email="ana@example.com", name="Ana", payment_method=method, currency="EUR",
            subtotal=Decimal("20.00"), tax_rate=Decimal("21.00"), tax_total=Decimal("3.47"), total=Decimal("20.00"),
            stock_reserved_until=timezone.now() + timedelta(minutes=minutes_left),
        )
        OrderLine.objects.create(order=order, sku=sku, product_title="Taza", unit_price=Decimal("10.00"),
                                 quantity=quantity, line_total=Decimal("20.00"))
        record_placed(order)
    return order


def stock(sku="SKU-1"):
    return StockRecord.objects.get(sku=sku).quantity


def test_an_expired_unpaid_order_is_cancelled_and_its_units_return():
    set_stock("SKU-1", 5)
    order = placed_order(minutes_left=-1)
    assert stock() == 3

    assert release_expired_reservations() == 1

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert order.stock_released
    assert stock() == 5
    assert order.events.last().note == "Reservation expired before payment."
    assert release_expired_reservations() == 0  # nothing is released twice
    assert stock() == 5


def test_orders_still_within_their_time_or_paid_keep_their_units():
    set_stock("SKU-1", 5)
    placed_order(minutes_left=10, number="R1")
    paid = placed_order(minutes_left=-10, number="R2")
    Order.objects.filter(pk=paid.pk).update(status=OrderStatus.PAID)

    assert release_expired_reservations() == 0
    assert stock() == 1


def test_the_command_and_the_task_release_expired_orders():
    set_stock("SKU-1", 4)
    placed_order(minutes_left=-1, number="R1")
    output = StringIO()
    call_command("release_expired_reservations", stdout=output)
    assert "Released the stock of 1 expired order(s)." in output.getvalue()

    placed_order(minutes_left=-1, number="R2")
    result = release_expired_reservations_task.enqueue()
    assert result.return_value == 1
    assert stock() == 4


def test_releasing_an_order_twice_gives_its_units_back_once():
    set_stock("SKU-1", 2)
    order = placed_order(minutes_left=30)
    assert release_order_stock(order) is True
    assert release_order_stock(order) is False
    assert stock() == 2


def test_reservation_time_depends_on_the_payment_method(settings):
    settings.VITRINA_RESERVATION_MINUTES = 30
    settings.VITRINA_BANK_TRANSFER_RESERVATION_DAYS = 7
    now = timezone.now()
    assert reservation_deadline(PaymentMethod.PAYPAL, now) == now + timedelta(minutes=30)
    assert reservation_deadline(PaymentMethod.BANK_TRANSFER, now) == now + timedelta(days=7)
    assert reservation_deadline(PaymentMethod.CASH_ON_DELIVERY, now) is None
