"""The order state machine: allowed steps only, each one logged with who and when."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from checkout.models import Order, OrderEvent, OrderStatus, PaymentMethod
from checkout.orders import InvalidTransition, can_transition, record_placed, transition

pytestmark = pytest.mark.django_db
S = OrderStatus


def make_order(payment_method=PaymentMethod.PAYPAL, **fields):
    order = Order.objects.create(
        number=f"T{Order.objects.count() + 1}", email="ana@example.com", name="Ana", payment_method=payment_method,
        currency="EUR", subtotal=Decimal("10.00"), tax_rate=Decimal("21.00"), tax_total=Decimal("1.74"),
        total=Decimal("10.00"), **fields,
    )
    record_placed(order)
    return order


def test_the_usual_life_of_an_order_is_logged_step_by_step():
    staff = get_user_model().objects.create_user("staff", password="x")
    order = make_order()

    for status in (S.PAID, S.PACKED, S.SHIPPED, S.DELIVERED):
        transition(order, status, user=staff, note=f"to {status}")

    assert order.status == S.DELIVERED
    assert order.paid_at is not None
    history = list(OrderEvent.objects.filter(order=order).values_list("from_status", "to_status", "user__username"))
    assert history == [
        ("", S.PENDING_PAYMENT, None),
        (S.PENDING_PAYMENT, S.PAID, "staff"),
        (S.PAID, S.PACKED, "staff"),
        (S.PACKED, S.SHIPPED, "staff"),
        (S.SHIPPED, S.DELIVERED, "staff"),
    ]


@pytest.mark.parametrize(
    "start, target",
    [
        (S.PENDING_PAYMENT, S.SHIPPED),
        (S.PENDING_PAYMENT, S.DELIVERED),
        (S.CANCELLED, S.PAID),
        (S.REFUNDED, S.PAID),
        (S.SHIPPED, S.PAID),
        (S.DELIVERED, S.PACKED),
    ],
)
def test_steps_outside_the_machine_are_refused_and_leave_no_trace(start, target):
    order = make_order(status=start)

    with pytest.raises(InvalidTransition) as refused:
        transition(order, target)

    assert order.number in str(refused.value.message)
    order.refresh_from_db()
    assert order.status == start
    assert OrderEvent.objects.filter(order=order).count() == 1


def test_only_cash_on_delivery_is_packed_before_payment_and_it_is_paid_on_delivery():
    paypal = make_order()
    assert not can_transition(paypal, S.PACKED)

    cash = make_order(payment_method=PaymentMethod.CASH_ON_DELIVERY)
    for status in (S.PACKED, S.SHIPPED):
        transition(cash, status)
    assert cash.paid_at is None
    transition(cash, S.DELIVERED)
    assert cash.paid_at is not None


def test_a_stale_copy_of_the_order_cannot_skip_the_current_status():
    order = make_order()
    stale = Order.objects.get(pk=order.pk)
    transition(order, S.CANCELLED)

    with pytest.raises(InvalidTransition):
        transition(stale, S.PAID)  # the row is re-read under lock, not trusted
    assert Order.objects.get(pk=order.pk).status == S.CANCELLED
