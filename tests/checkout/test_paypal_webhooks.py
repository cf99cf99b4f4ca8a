"""PayPal webhooks: verified, recorded once, and in step with the customer's return."""

import json

import pytest

from checkout.exceptions import GatewayUnavailable, WebhookVerificationFailed
from checkout.models import Order, OrderStatus, Payment, PaymentStatus, Refund, WebhookEvent
from checkout.paypal.client import get_client
from checkout.paypal.services import capture_payment, start_payment
from checkout.paypal.webhooks import receive_webhook
from tests.checkout.paypal_helpers import URLS, make_order, paid_events
from tests.paypal_server.fixtures import paypal_server  # noqa: F401


@pytest.fixture
def order(home, shop):
    return make_order(home, shop)


def captured_at_paypal(order, paypal_server):
    """The buyer approved and PayPal captured, but our shop has not heard yet."""
    start_payment(order, **URLS)
    payment = order.payments.get()
    paypal_server.approve(payment.paypal_order_id)
    capture = get_client().capture_order(payment.paypal_order_id, request_id="test-side-capture")
    return payment, capture


def deliver(paypal_server, event, valid=True):
    body = json.dumps(event).encode()
    return receive_webhook(paypal_server.sign_event(event, valid=valid), body)


def test_a_capture_event_marks_the_order_paid(order, paypal_server):
    payment, capture = captured_at_paypal(order, paypal_server)

    deliver(paypal_server, paypal_server.capture_event(capture.id))

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CAPTURED and payment.paypal_capture_id == capture.id
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID


def test_a_repeated_delivery_is_recorded_and_applied_once(order, paypal_server):
    _payment, capture = captured_at_paypal(order, paypal_server)
    event = paypal_server.capture_event(capture.id)

    first = deliver(paypal_server, event)
    second = deliver(paypal_server, event)

    assert first.pk == second.pk
    assert WebhookEvent.objects.count() == 1
    assert paid_events(Order.objects.get(pk=order.pk)) == 1


def test_the_webhook_and_the_customers_return_in_either_order_pay_once(order, paypal_server):
    start_payment(order, **URLS)
    payment = order.payments.get()
    paypal_server.approve(payment.paypal_order_id)
    capture_payment(order, payment.paypal_order_id)  # the customer came back first
    capture_id = Payment.objects.get(pk=payment.pk).paypal_capture_id

    deliver(paypal_server, paypal_server.capture_event(capture_id))

    assert paid_events(Order.objects.get(pk=order.pk)) == 1
    assert paypal_server.count("capture") == 1


def test_a_delivery_with_a_bad_signature_changes_nothing(order, paypal_server):
    _payment, capture = captured_at_paypal(order, paypal_server)

    with pytest.raises(WebhookVerificationFailed):
        deliver(paypal_server, paypal_server.capture_event(capture.id), valid=False)

    assert WebhookEvent.objects.count() == 0
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING_PAYMENT


def test_a_body_that_is_not_an_event_is_refused_without_asking_paypal(paypal_server, db):
    with pytest.raises(WebhookVerificationFailed):
        receive_webhook({}, b"not json")
    assert paypal_server.count("verify") == 0


def test_paypal_unreachable_while_verifying_lets_paypal_deliver_again(order, paypal_server):
    _payment, capture = captured_at_paypal(order, paypal_server)
    event = paypal_server.capture_event(capture.id)
    paypal_server.inject("http_500", on="verify")

    with pytest.raises(GatewayUnavailable):
        deliver(paypal_server, event)
    assert WebhookEvent.objects.count() == 0

    deliver(paypal_server, event)  # PayPal's next attempt
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID


def test_a_refund_made_at_paypal_is_recorded_once_and_moves_the_order(order, paypal_server):
    start_payment(order, **URLS)
    payment = order.payments.get()
    paypal_server.approve(payment.paypal_order_id)
    capture_payment(order, payment.paypal_order_id)
    payment.refresh_from_db()
    refund = get_client().refund_capture(payment.paypal_capture_id, request_id="dashboard-refund",
                                         amount=payment.amount, currency=payment.currency)

    event = paypal_server.refund_event(refund.id)
    deliver(paypal_server, event)
    deliver(paypal_server, paypal_server.make_event("PAYMENT.CAPTURE.REFUNDED", event["resource"]))

    assert Refund.objects.filter(payment=payment).count() == 1
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.REFUNDED
    assert Order.objects.get(pk=order.pk).status == OrderStatus.REFUNDED
