"""The PayPal client against the loopback server over real HTTP: token, create, approve, capture, refund."""

import threading
import time
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from checkout.exceptions import AlreadyCaptured, AmountMismatch, PaymentError
from checkout.paypal.client import get_client
from tests.paypal.helpers import TOTAL, click_approve, order_request
from tests.paypal_server.fixtures import paypal_server  # noqa: F401


def created_and_approved(server, reference="V-1001", **kwargs):
    client = get_client()
    created = client.create_order(order_request(reference, **kwargs), request_id=f"order-{reference}-create")
    server.approve(created.id)
    return client, created


def test_token_is_fetched_once_and_reused(paypal_server):
    client = get_client()
    assert get_client() is client
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    client.show_order(created.id)
    client.show_order(created.id)
    assert paypal_server.count("token") == 1
    token_request = paypal_server.requests_for("token")[0]
    assert token_request.header("Authorization").startswith("Basic ")
    assert token_request.body == b"grant_type=client_credentials"


def test_concurrent_first_calls_share_one_token(paypal_server):
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    paypal_server.revoke_tokens()
    client._token = ""  # as if the process had just started
    threads = [threading.Thread(target=client.show_order, args=(created.id,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert paypal_server.count("token") == 2


def test_token_is_renewed_before_it_expires(paypal_server):
    paypal_server.state.token_lifetime = 1
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    time.sleep(1.0)
    client.show_order(created.id)
    assert paypal_server.count("token") == 2


def test_a_refused_token_is_replaced_and_the_call_repeated_once(paypal_server):
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    paypal_server.revoke_tokens()
    assert client.show_order(created.id).id == created.id
    assert paypal_server.count("token") == 2


def test_wrong_credentials_are_a_payment_error(paypal_server, settings):
    settings.PAYPAL_CLIENT_SECRET = "not-the-secret"
    with pytest.raises(PaymentError) as raised:
        get_client().create_order(order_request(), request_id="order-V-1001-create")
    assert raised.value.status_code == 401
    assert paypal_server.count("create") == 0


def test_create_order_returns_the_approval_link_and_sends_the_breakdown(paypal_server):
    created = get_client().create_order(order_request(discount="5.00"), request_id="order-V-1001-create")

    assert created.status == "PAYER_ACTION_REQUIRED"
    assert created.approval_url == f"{paypal_server.url}/checkoutnow?token={created.id}"
    assert created.raw["id"] == created.id
    [request] = paypal_server.requests_for("create")
    assert request.header("PayPal-Request-Id") == "order-V-1001-create"
    assert request.header("Prefer") == "return=representation"
    body = request.json
    unit = body["purchase_units"][0]
    assert body["intent"] == "CAPTURE"
    assert unit["reference_id"] == unit["custom_id"] == unit["invoice_id"] == "V-1001"
    assert unit["amount"] == {
        "currency_code": "EUR",
        "value": "48.25",  # 2 x 19.90 + 8.50 + 4.95 shipping - 5.00 discount
        "breakdown": {
            "item_total": {"currency_code": "EUR", "value": "48.30"},
            "shipping": {"currency_code": "EUR", "value": "4.95"},
            "discount": {"currency_code": "EUR", "value": "5.00"},
        },
    }
    assert "tax_total" not in unit["amount"]["breakdown"]  # prices include tax: nothing is added on top
    assert unit["items"][0] == {
        "name": "Camiseta de algodón",
        "sku": "TS-RED-M",
        "quantity": "2",
        "unit_amount": {"currency_code": "EUR", "value": "19.90"},
        "category": "PHYSICAL_GOODS",
    }
    assert unit["shipping"]["address"]["postal_code"] == "28014"
    context = body["payment_source"]["paypal"]["experience_context"]
    assert context["shipping_preference"] == "SET_PROVIDED_ADDRESS"
    assert context["user_action"] == "PAY_NOW"
    assert context["locale"] == "es-ES"
    paypal_server.assert_no_violations()


def test_creating_again_with_the_same_request_id_returns_the_same_paypal_order(paypal_server):
    client = get_client()
    first = client.create_order(order_request(), request_id="order-V-1001-create")
    again = client.create_order(order_request(), request_id="order-V-1001-create")
    other = client.create_order(order_request(), request_id="order-V-1001-create-2")
    assert again.id == first.id != other.id
    assert again.approval_url == first.approval_url
    assert paypal_server.count("create") == 2


def test_pickup_orders_ask_paypal_for_no_address(paypal_server):
    get_client().create_order(order_request(pickup=True, shipping="0", locale="en"), request_id="order-V-1001-create")
    body = paypal_server.requests_for("create")[0].json
    assert "shipping" not in body["purchase_units"][0]
    assert "shipping" not in body["purchase_units"][0]["amount"]["breakdown"]
    context = body["payment_source"]["paypal"]["experience_context"]
    assert context["shipping_preference"] == "NO_SHIPPING"
    assert context["locale"] == "en-US"


def test_buyer_approves_on_the_page_then_capture_completes(paypal_server):
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")

    response = click_approve(created)

    assert response.status_code == 303
    location = urlsplit(response.headers["Location"])
    query = parse_qs(location.query)
    assert location.path == "/es/checkout/paypal/return/"
    assert query["order"] == ["V-1001"] and query["token"] == [created.id] and query["PayerID"][0]
    assert paypal_server.orders[created.id].status == "APPROVED"

    capture = client.capture_order(created.id, request_id="order-V-1001-capture")

    assert capture.status == "COMPLETED" and capture.is_completed
    assert (capture.amount, capture.currency) == (TOTAL, "EUR")
    assert capture.order_id == created.id and capture.order_status == "COMPLETED"
    assert capture.raw["purchase_units"][0]["payments"]["captures"][0]["id"] == capture.id
    capture.check_amount(TOTAL, "EUR")
    assert paypal_server.requests_for("capture")[0].header("PayPal-Request-Id") == "order-V-1001-capture"


def test_cancel_on_the_page_goes_back_to_the_cancel_url(paypal_server):
    created = get_client().create_order(order_request(), request_id="order-V-1001-create")
    response = click_approve(created, action="cancel")
    assert response.status_code == 303
    assert response.headers["Location"] == f"http://localhost/es/checkout/paypal/cancel/?token={created.id}"
    assert paypal_server.orders[created.id].status == "PAYER_ACTION_REQUIRED"


def test_capture_before_approval_is_refused(paypal_server):
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    with pytest.raises(PaymentError) as raised:
        client.capture_order(created.id, request_id="order-V-1001-capture")
    assert raised.value.issue == "ORDER_NOT_APPROVED"
    assert not isinstance(raised.value, AlreadyCaptured)


def test_same_request_id_twice_captures_once(paypal_server):
    client, created = created_and_approved(paypal_server)
    first = client.capture_order(created.id, request_id="order-V-1001-capture")
    second = client.capture_order(created.id, request_id="order-V-1001-capture")
    assert second.id == first.id
    assert second.raw == first.raw
    assert paypal_server.count("capture") == 1
    assert len(paypal_server.captures) == 1


def test_capture_twice_with_different_request_ids_is_already_captured(paypal_server):
    client, created = created_and_approved(paypal_server)
    client.capture_order(created.id, request_id="order-V-1001-capture")
    with pytest.raises(AlreadyCaptured) as raised:
        client.capture_order(created.id, request_id="order-V-1001-capture-2")
    assert raised.value.issue == "ORDER_ALREADY_CAPTURED"
    assert raised.value.debug_id
    assert paypal_server.count("capture") == 1


@pytest.mark.parametrize("same_request_id", [True, False])
def test_parallel_captures_of_one_order_take_the_money_once(paypal_server, same_request_id):
    client, created = created_and_approved(paypal_server)
    results, errors = [], []

    def capture(index):
        request_id = "order-V-1001-capture" if same_request_id else f"order-V-1001-capture-{index}"
        try:
            results.append(client.capture_order(created.id, request_id=request_id).id)
        except AlreadyCaptured as error:
            errors.append(error)

    threads = [threading.Thread(target=capture, args=(index,)) for index in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert paypal_server.count("capture") == 1
    assert len(set(results)) == 1
    assert len(results) == (6 if same_request_id else 1)
    assert len(errors) == (0 if same_request_id else 5)


def test_show_order_and_show_capture_for_reconciliation(paypal_server):
    client, created = created_and_approved(paypal_server)
    assert client.show_order(created.id).status == "APPROVED"
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")

    order = client.show_order(created.id)
    assert (order.status, order.reference, order.payer_id) == (
        "COMPLETED",
        "V-1001",
        paypal_server.orders[created.id].payer_id,
    )
    assert [c.id for c in order.captures] == [capture.id]
    shown = client.show_capture(capture.id)
    assert (shown.id, shown.status, shown.amount, shown.order_id) == (capture.id, "COMPLETED", TOTAL, created.id)


def test_unknown_order_is_a_payment_error(paypal_server):
    with pytest.raises(PaymentError) as raised:
        get_client().show_order("5O190127TN364715T")
    assert raised.value.status_code == 404


def test_ids_from_the_browser_are_checked_before_use(paypal_server):
    with pytest.raises(PaymentError):
        get_client().show_order("../../v1/oauth2/token")
    assert paypal_server.requests_for("show") == []


def test_amount_check_refuses_another_amount_or_currency(paypal_server):
    client, created = created_and_approved(paypal_server)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")
    with pytest.raises(AmountMismatch) as raised:
        capture.check_amount(TOTAL + Decimal("0.01"), "EUR")
    assert raised.value.actual_amount == TOTAL
    with pytest.raises(AmountMismatch):
        capture.check_amount(TOTAL, "USD")


def test_partial_then_full_refund(paypal_server):
    client, created = created_and_approved(paypal_server)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")

    partial = client.refund_capture(
        capture.id, request_id="order-V-1001-refund-1", amount=Decimal("10.00"), currency="EUR"
    )
    assert (partial.status, partial.amount, partial.currency) == ("COMPLETED", Decimal("10.00"), "EUR")
    assert client.show_capture(capture.id).status == "PARTIALLY_REFUNDED"

    rest = client.refund_capture(capture.id, request_id="order-V-1001-refund-2", invoice_id="V-1001", note="Devolución")
    assert rest.amount == TOTAL - Decimal("10.00")
    assert rest.raw["seller_payable_breakdown"]["total_refunded_amount"]["value"] == str(TOTAL)
    assert client.show_capture(capture.id).status == "REFUNDED"
    headers = [request.header("PayPal-Request-Id") for request in paypal_server.requests_for("refund")]
    assert headers == ["order-V-1001-refund-1", "order-V-1001-refund-2"]


def test_refund_replayed_with_the_same_request_id_refunds_once(paypal_server):
    client, created = created_and_approved(paypal_server)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")
    first = client.refund_capture(capture.id, request_id="order-V-1001-refund-1", amount=Decimal("5"), currency="EUR")
    again = client.refund_capture(capture.id, request_id="order-V-1001-refund-1", amount=Decimal("5"), currency="EUR")
    assert again.id == first.id
    assert paypal_server.count("refund") == 1


def test_refund_more_than_captured_is_refused(paypal_server):
    client, created = created_and_approved(paypal_server)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")
    with pytest.raises(PaymentError) as raised:
        client.refund_capture(
            capture.id, request_id="order-V-1001-refund-1", amount=TOTAL + Decimal("0.01"), currency="EUR"
        )
    assert raised.value.issue == "REFUND_AMOUNT_EXCEEDED"
    client.refund_capture(capture.id, request_id="order-V-1001-refund-2")
    with pytest.raises(PaymentError) as raised:
        client.refund_capture(capture.id, request_id="order-V-1001-refund-3", amount=Decimal("1.00"), currency="EUR")
    assert raised.value.issue == "CAPTURE_FULLY_REFUNDED"


def test_every_create_capture_and_refund_needs_a_request_id(paypal_server):
    client = get_client()
    with pytest.raises(TypeError):
        client.create_order(order_request())  # request_id is keyword-only and required
    with pytest.raises(ValueError, match="PayPal-Request-Id"):
        client._call("POST", "/v2/checkout/orders", "create order", dict, body={})
