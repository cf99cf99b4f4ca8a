"""Paying orders with PayPal over real HTTP to the loopback PayPal server."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from checkout.cart import add_to_cart
from checkout.exceptions import AmountMismatch, GatewayUnavailable, PaymentDeclined
from checkout.models import Cart, CheckoutSettings, Order, OrderStatus, Payment, PaymentStatus
from checkout.orders import transition
from checkout.paypal.services import OrderNotPayable, capture_payment, reconcile_pending_payments, start_payment
from checkout.placing import CheckoutError, place_order
from products.models import StockRecord
from tests.checkout.paypal_helpers import URLS, approved_payment, checkout_details, make_order, paid_events
from tests.factories import ProductPageFactory, ProductVariantFactory, ShippingMethodFactory
from tests.paypal_server.fixtures import paypal_server  # noqa: F401


@pytest.fixture
def order(home, shop):
    return make_order(home, shop)


def test_start_sends_the_whole_order_and_a_repeat_finds_the_same_paypal_order(order, paypal_server):
    first = start_payment(order, **URLS)
    second = start_payment(order, **URLS)

    assert first == second
    assert paypal_server.count("create") == 1
    payment = Payment.objects.get(order=order)
    assert (payment.amount, payment.currency, payment.status) == (order.total, "EUR", PaymentStatus.CREATED)
    body = paypal_server.requests_for("create")[0].json
    unit = body["purchase_units"][0]
    assert unit["reference_id"] == order.number
    assert unit["amount"]["value"] == str(order.total)
    assert [item["sku"] for item in unit["items"]] == [order.lines.get().sku]


def test_capture_marks_the_order_paid_once_even_if_the_return_page_is_opened_twice(order, paypal_server):
    payment = approved_payment(order, paypal_server)

    capture_payment(order, payment.paypal_order_id)
    capture_payment(order, payment.paypal_order_id)

    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    assert payment.status == PaymentStatus.CAPTURED and payment.paypal_capture_id
    assert payment.raw_response["id"] == payment.paypal_order_id  # the capture answer, kept whole
    assert paypal_server.count("capture") == 1
    assert paid_events(order) == 1


def test_a_declined_payment_leaves_the_order_pending_for_another_try(order, paypal_server):
    payment = approved_payment(order, paypal_server)
    paypal_server.inject("instrument_declined")

    with pytest.raises(PaymentDeclined):
        capture_payment(order, payment.paypal_order_id)

    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    capture_payment(order, payment.paypal_order_id)  # the buyer picked another card at PayPal
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID


def test_a_capture_whose_answer_is_lost_is_finished_by_reconciliation(order, paypal_server, settings):
    settings.PAYPAL_TIMEOUT = 0.3
    payment = approved_payment(order, paypal_server)
    paypal_server.inject("capture_after_timeout")

    with pytest.raises(GatewayUnavailable):
        capture_payment(order, payment.paypal_order_id)
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING_PAYMENT

    assert reconcile_pending_payments() == 1
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID
    assert paypal_server.count("capture") == 1


def test_an_approved_order_the_customer_never_came_back_from_is_captured_by_reconciliation(order, paypal_server):
    approved_payment(order, paypal_server)

    assert reconcile_pending_payments() == 1
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID


def test_a_capture_of_another_amount_is_recorded_but_never_marks_the_order_paid(order, paypal_server):
    payment = approved_payment(order, paypal_server)
    paypal_server.inject("amount_mismatch")

    with pytest.raises(AmountMismatch):
        capture_payment(order, payment.paypal_order_id)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.FAILED
    assert payment.raw_response  # kept for staff
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING_PAYMENT


def test_an_order_whose_reservation_expired_is_not_charged(order, paypal_server):
    payment = approved_payment(order, paypal_server)
    transition(order, OrderStatus.CANCELLED, note="Reservation expired before payment.")

    with pytest.raises(OrderNotPayable):
        capture_payment(order, payment.paypal_order_id)
    with pytest.raises(OrderNotPayable):
        start_payment(order, **URLS)
    assert paypal_server.count("capture") == 0


def test_paypal_down_when_starting_is_a_clear_error_and_the_order_stays(order, paypal_server):
    paypal_server.inject("http_500", on="create")
    with pytest.raises(GatewayUnavailable):
        start_payment(order, **URLS)
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING_PAYMENT
    assert start_payment(order, **URLS)  # works once PayPal is back


@pytest.mark.django_db(transaction=True)
def test_two_captures_of_the_same_order_at_once_take_the_money_once(postgres_only, home, shop, paypal_server):
    order = make_order(home, shop)
    payment = approved_payment(order, paypal_server)
    start = threading.Barrier(2)
    errors = []

    def customer_returns():
        try:
            start.wait()
            capture_payment(Order.objects.get(pk=order.pk), payment.paypal_order_id)
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=customer_returns) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert paypal_server.count("capture") == 1
    assert Payment.objects.filter(order=order, status=PaymentStatus.CAPTURED).count() == 1
    assert paid_events(Order.objects.get(pk=order.pk)) == 1


def test_the_reconcile_command_reports_what_it_finished(order, paypal_server):
    approved_payment(order, paypal_server)
    output = StringIO()
    call_command("reconcile_paypal", stdout=output)
    assert output.getvalue().strip() == "Reconciled 1 PayPal payment(s)."
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_paying_for_the_last_three_units_end_with_three_paid(postgres_only, home, shop, paypal_server):
    product = ProductPageFactory(parent=shop, variants=[ProductVariantFactory.build(sku="ULTIMO")], stock=3)
    carrier = ShippingMethodFactory()
    store = CheckoutSettings.for_site(home.get_site())
    carts = []
    for _ in range(20):
        cart = Cart.objects.create()
        add_to_cart(cart, "ULTIMO", 1, product_id=product.pk)
        carts.append(cart)
    start = threading.Barrier(20)
    outcomes = []

    def buyer(cart):
        try:
            start.wait()
            order = place_order(cart, checkout_details(carrier), store=store)
            payment = approved_payment(order, paypal_server)
            capture_payment(order, payment.paypal_order_id)
            outcomes.append("paid")
        except CheckoutError:
            outcomes.append("sold out")
        finally:
            connection.close()

    threads = [threading.Thread(target=buyer, args=(cart,)) for cart in carts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["paid"] * 3 + ["sold out"] * 17
    assert Order.objects.filter(status=OrderStatus.PAID).count() == 3
    assert paypal_server.count("capture") == 3
    assert StockRecord.objects.get(sku="ULTIMO").quantity == 0
