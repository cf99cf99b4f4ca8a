"""Each fault the loopback server injects becomes the right exception, within the client's timeout."""

import time
from decimal import Decimal

import pytest

from checkout.exceptions import AlreadyCaptured, AmountMismatch, GatewayUnavailable, PaymentDeclined
from checkout.paypal.client import get_client
from tests.paypal.helpers import TOTAL, order_request
from tests.paypal_server.fixtures import paypal_server  # noqa: F401

TIMEOUT = 0.5


@pytest.fixture
def approved(paypal_server, settings):
    """(client, PayPal order id) of an approved order, with a short client timeout."""
    settings.PAYPAL_TIMEOUT = TIMEOUT
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    paypal_server.approve(created.id)
    return client, created.id


def capture(client, order_id, request_id="order-V-1001-capture"):
    return client.capture_order(order_id, request_id=request_id)


def test_timeout_is_gateway_unavailable_within_the_timeout(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("timeout", on="capture")
    started = time.monotonic()
    with pytest.raises(GatewayUnavailable) as raised:
        capture(client, order_id)
    assert TIMEOUT <= time.monotonic() - started < TIMEOUT + 0.8
    assert raised.value.retryable
    assert paypal_server.count("capture") == 0
    # The fault is used up: the retry with the same request id captures.
    assert capture(client, order_id).status == "COMPLETED"


@pytest.mark.parametrize("status", [500, 503])
def test_server_error_is_gateway_unavailable(paypal_server, approved, status):
    client, order_id = approved
    paypal_server.inject("http_500", on="capture", status=status)
    with pytest.raises(GatewayUnavailable) as raised:
        capture(client, order_id)
    assert raised.value.status_code == status and raised.value.debug_id
    assert paypal_server.count("capture") == 0


def test_malformed_json_is_gateway_unavailable_and_a_retry_replays_the_capture(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("malformed_json", on="capture")
    with pytest.raises(GatewayUnavailable):
        capture(client, order_id)
    assert paypal_server.count("capture") == 1  # the work was done, only the answer was garbled
    assert capture(client, order_id).status == "COMPLETED"
    assert paypal_server.count("capture") == 1


def test_faults_hit_any_call_by_default(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("http_500", times=2)
    for _ in range(2):
        with pytest.raises(GatewayUnavailable):
            client.show_order(order_id)
    assert client.show_order(order_id).status == "APPROVED"


def test_token_faults_are_gateway_unavailable(paypal_server, settings):
    settings.PAYPAL_TIMEOUT = TIMEOUT
    paypal_server.inject("malformed_json", on="token")
    with pytest.raises(GatewayUnavailable):
        get_client().create_order(order_request(), request_id="order-V-1001-create")
    assert paypal_server.count("create") == 0


def test_instrument_declined_is_payment_declined_and_the_order_stays_approved(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("instrument_declined")
    with pytest.raises(PaymentDeclined) as raised:
        capture(client, order_id)
    assert raised.value.issue == "INSTRUMENT_DECLINED"
    assert raised.value.message == PaymentDeclined.default_message
    assert paypal_server.orders[order_id].status == "APPROVED"


def test_order_already_captured_fault_leaves_a_capture_to_reconcile(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("order_already_captured")
    with pytest.raises(AlreadyCaptured):
        capture(client, order_id)
    order = client.show_order(order_id)
    assert order.status == "COMPLETED" and len(order.captures) == 1


def test_amount_mismatch_is_caught_by_the_amount_check(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("amount_mismatch", amount="1.00")
    captured = capture(client, order_id)
    assert captured.amount == Decimal("1.00")
    with pytest.raises(AmountMismatch) as raised:
        captured.check_amount(TOTAL, "EUR")
    assert (raised.value.expected_amount, raised.value.actual_amount) == (TOTAL, Decimal("1.00"))


def test_capture_after_timeout_shows_completed_when_asked_again(paypal_server, approved):
    client, order_id = approved
    paypal_server.inject("capture_after_timeout")
    started = time.monotonic()
    with pytest.raises(GatewayUnavailable):
        capture(client, order_id)
    assert time.monotonic() - started < TIMEOUT + 0.8
    order = client.show_order(order_id)  # reconciliation: PayPal did take the money
    assert order.status == "COMPLETED" and order.captures[0].amount == TOTAL
    assert capture(client, order_id).id == order.captures[0].id  # same request id: replayed, not repeated
    assert paypal_server.count("capture") == 1


def test_unknown_faults_and_options_are_refused(paypal_server):
    with pytest.raises(ValueError, match="unknown fault"):
        paypal_server.inject("slow")
    with pytest.raises(ValueError, match="takes no option"):
        paypal_server.inject("instrument_declined", delay=3)
    with pytest.raises(ValueError, match="cannot hit"):
        paypal_server.inject("timeout", on="approve")
