"""The loopback PayPal itself: schema checks, PayPal's business rules, authentication, pages."""

import copy
from decimal import Decimal

import pytest
import requests

from checkout.paypal.client import get_client
from checkout.paypal.payloads import OrderLine, build_order_body
from checkout.paypal.results import parse_created_order
from tests.paypal.helpers import order_request
from tests.paypal_server.fixtures import paypal_server, running_paypal_server  # noqa: F401
from tests.paypal_server.schemas import schema_book


def bearer(server):
    answer = requests.post(
        server.url + "/v1/oauth2/token",
        auth=(server.client_id, server.client_secret),
        data={"grant_type": "client_credentials"},
        timeout=5,
    )
    answer.raise_for_status()
    return {"Authorization": "Bearer " + answer.json()["access_token"]}


def post(server, path, body, **headers):
    headers = {**bearer(server), "PayPal-Request-Id": "test-request", **headers}
    return requests.post(server.url + path, json=body, headers=headers, timeout=5)


def valid_body(**kwargs):
    return build_order_body(order_request(**kwargs))


def test_a_body_that_breaks_the_schema_is_refused_and_recorded(paypal_server):
    body = valid_body()
    body["intent"] = "SELL"
    body["purchase_units"][0]["amount"]["value"] = 48.25  # a number, not PayPal's string

    answer = post(paypal_server, "/v2/checkout/orders", body)

    assert answer.status_code == 400
    assert answer.json()["name"] == "INVALID_REQUEST"
    [violation] = paypal_server.violations
    assert violation.kind == "request" and violation.path == "/v2/checkout/orders"
    assert any(error.startswith("$.intent:") for error in violation.errors)
    assert any("$.purchase_units[0].amount.value" in error for error in violation.errors)
    assert paypal_server.count("create") == 0
    paypal_server.clear_violations()


def test_a_body_that_is_not_json_is_recorded(paypal_server):
    headers = {**bearer(paypal_server), "Content-Type": "application/json", "PayPal-Request-Id": "x"}
    answer = requests.post(paypal_server.url + "/v2/checkout/orders", data=b"{intent:", headers=headers, timeout=5)
    assert answer.status_code == 400
    assert answer.json()["details"][0]["issue"] == "MALFORMED_REQUEST_JSON"
    assert "not JSON" in paypal_server.violations[0].errors[0]
    paypal_server.clear_violations()


def test_the_fixture_fails_a_test_that_broke_the_schema(settings):
    with (
        pytest.raises(AssertionError, match="broke PayPal's OpenAPI spec") as raised,
        running_paypal_server(settings) as server,
    ):
        post(server, "/v2/payments/captures/ABC/refund", {"amount": {"currency_code": "EUR", "value": "-"}})
    assert "$.amount.value" in str(raised.value)


def test_webhook_verification_requests_are_checked_too(paypal_server):
    answer = post(paypal_server, "/v1/notifications/verify-webhook-signature", {"webhook_id": "has spaces"})
    assert answer.status_code == 400
    errors = paypal_server.violations[0].errors
    assert any("'auth_algo' is a required property" in error for error in errors)
    assert any("$.webhook_id" in error for error in errors)
    paypal_server.clear_violations()


@pytest.mark.parametrize(
    "change, issue",
    [
        (lambda unit: unit["amount"]["breakdown"]["item_total"].update(value="48.29"), "ITEM_TOTAL_MISMATCH"),
        (lambda unit: unit["amount"].update(value="50.00"), "AMOUNT_MISMATCH"),
        (lambda unit: unit["items"][0]["unit_amount"].update(value="19.901"), "DECIMAL_PRECISION"),
        (lambda unit: unit["items"][0]["unit_amount"].update(currency_code="USD"), "MULTI_CURRENCY_ORDER"),
        (lambda unit: unit.pop("shipping"), "SHIPPING_ADDRESS_INVALID"),
    ],
)
def test_paypal_business_rules_answer_422(paypal_server, change, issue):
    body = valid_body()
    change(body["purchase_units"][0])
    answer = post(paypal_server, "/v2/checkout/orders", body)
    assert answer.status_code == 422
    assert answer.json()["details"][0]["issue"] == issue


def test_zero_decimal_currencies_take_whole_amounts(paypal_server):
    lines = (OrderLine(name="Té", sku="TEA", quantity=3, unit_price=Decimal("1500")),)
    order = order_request(lines=lines, currency="JPY", shipping="500", pickup=True)
    body = build_order_body(order)
    assert body["purchase_units"][0]["amount"]["value"] == "5000"
    client = get_client()
    created = client.create_order(order, request_id="order-V-1001-create")
    paypal_server.approve(created.id)
    captured = client.capture_order(created.id, request_id="order-V-1001-capture")
    assert (captured.amount, captured.currency) == (Decimal("5000"), "JPY")
    yen = copy.deepcopy(body)
    yen["purchase_units"][0]["amount"]["value"] = "5000.00"
    assert post(paypal_server, "/v2/checkout/orders", yen).json()["details"][0]["issue"] == "DECIMAL_PRECISION"


def test_api_calls_need_a_valid_bearer_token(paypal_server):
    answer = requests.get(paypal_server.url + "/v2/checkout/orders/ABC", timeout=5)
    assert answer.status_code == 401
    assert answer.json()["name"] == "AUTHENTICATION_FAILURE"
    wrong = requests.post(
        paypal_server.url + "/v1/oauth2/token",
        auth=(paypal_server.client_id, "nope"),
        data={"grant_type": "client_credentials"},
        timeout=5,
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"


def test_paypal_answers_minimal_unless_asked_for_the_representation(paypal_server):
    minimal = post(paypal_server, "/v2/checkout/orders", valid_body())
    assert set(minimal.json()) == {"id", "status", "links"}
    full = post(
        paypal_server,
        "/v2/checkout/orders",
        valid_body(),
        **{"PayPal-Request-Id": "another", "Prefer": "return=representation"},
    )
    assert full.json()["purchase_units"][0]["reference_id"] == "V-1001"


def test_without_a_payment_source_the_order_is_created_with_an_approve_link(paypal_server):
    body = valid_body(pickup=True)
    del body["payment_source"]
    created = parse_created_order(post(paypal_server, "/v2/checkout/orders", body).json())
    assert created.status == "CREATED"
    assert created.approval_url.endswith(f"/checkoutnow?token={created.id}")


@pytest.mark.parametrize("locale, approve, cancel", [("es", "Pagar", "Cancelar"), ("en", "Approve", "Cancel")])
def test_the_approval_page_speaks_the_order_language(paypal_server, locale, approve, cancel):
    created = get_client().create_order(order_request(locale=locale), request_id="order-V-1001-create")
    page = requests.get(created.approval_url, timeout=5)
    assert page.status_code == 200
    assert f'id="approve">{approve}</button>' in page.text and f'id="cancel">{cancel}</button>' in page.text
    assert "53.25 EUR" in page.text
    assert requests.get(paypal_server.url + "/checkoutnow?token=NOPE", timeout=5).status_code == 404


def test_the_server_checks_its_own_answers_against_the_response_schemas(paypal_server):
    book = schema_book()
    assert book.response_errors("orders", "GET", "/v2/checkout/orders/{id}", 200, {"id": 1, "status": "SOLD"})
    assert book.response_errors("payments", "POST", "/v2/payments/captures/{capture_id}/refund", 422, {"name": "X"})
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    paypal_server.approve(created.id)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")
    client.refund_capture(capture.id, request_id="order-V-1001-refund", amount=Decimal("1.00"), currency="EUR")
    client.show_capture(capture.id)
    post(paypal_server, "/v2/checkout/orders/NOPE/capture", {})  # a 404 answer is checked as well
    assert paypal_server.violations == []


def test_requests_are_logged_with_headers_and_bodies(paypal_server):
    get_client().create_order(order_request(), request_id="order-V-1001-create")
    operations = [request.operation for request in paypal_server.requests]
    assert operations == ["token", "create"]
    create = paypal_server.requests[1]
    assert create.method == "POST" and create.path == "/v2/checkout/orders"
    assert create.header("paypal-request-id") == "order-V-1001-create"
    assert create.json["purchase_units"][0]["reference_id"] == "V-1001"
