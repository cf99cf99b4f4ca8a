"""Webhook verification through PayPal's verify-webhook-signature API on the loopback server."""

import json
import time

import pytest

from checkout.exceptions import GatewayUnavailable
from checkout.paypal.client import get_client
from tests.paypal.helpers import order_request
from tests.paypal_server.fixtures import paypal_server  # noqa: F401


@pytest.fixture
def captured_event(paypal_server):
    """A PAYMENT.CAPTURE.COMPLETED event for a real capture on the server."""
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    paypal_server.approve(created.id)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")
    return paypal_server.capture_event(capture.id)


def test_a_signed_delivery_verifies(paypal_server, captured_event):
    headers = paypal_server.sign_event(captured_event)
    assert get_client().verify_webhook_signature(headers, captured_event) is True
    [request] = paypal_server.requests_for("verify")
    body = request.json
    assert body["webhook_id"] == paypal_server.webhook_id
    assert body["transmission_id"] == headers["PAYPAL-TRANSMISSION-ID"]
    assert body["webhook_event"] == captured_event
    assert captured_event["resource"]["supplementary_data"]["related_ids"]["order_id"]


def test_the_raw_body_is_sent_verbatim(paypal_server, captured_event):
    raw = json.dumps(captured_event, indent=2, ensure_ascii=False).encode("utf-8")
    headers = paypal_server.sign_event(captured_event)
    assert get_client().verify_webhook_signature(headers, raw) is True
    assert raw.decode("utf-8") in paypal_server.requests_for("verify")[0].body.decode("utf-8")


def test_django_style_headers_are_understood(paypal_server, captured_event):
    meta = {"HTTP_" + name.replace("-", "_"): value for name, value in paypal_server.sign_event(captured_event).items()}
    assert get_client().verify_webhook_signature(meta, captured_event) is True


def test_a_bad_signature_is_reported_as_failure(paypal_server, captured_event):
    headers = paypal_server.sign_event(captured_event, valid=False)
    assert get_client().verify_webhook_signature(headers, captured_event) is False


def test_a_tampered_event_fails(paypal_server, captured_event):
    headers = paypal_server.sign_event(captured_event)
    captured_event["resource"]["amount"]["value"] = "0.01"
    assert get_client().verify_webhook_signature(headers, captured_event) is False


def test_another_webhook_id_fails(paypal_server, captured_event, settings):
    headers = paypal_server.sign_event(captured_event)
    settings.PAYPAL_WEBHOOK_ID = "9OTHERWEBHOOK"
    assert get_client().verify_webhook_signature(headers, captured_event) is False


def test_the_failure_fault_makes_a_good_signature_fail(paypal_server, captured_event):
    paypal_server.inject("webhook_failure")
    headers = paypal_server.sign_event(captured_event)
    assert get_client().verify_webhook_signature(headers, captured_event) is False
    assert get_client().verify_webhook_signature(headers, captured_event) is True


@pytest.mark.parametrize("missing", ["PAYPAL-TRANSMISSION-SIG", "PAYPAL-CERT-URL"])
def test_missing_headers_fail_without_asking_paypal(paypal_server, captured_event, missing):
    headers = paypal_server.sign_event(captured_event)
    del headers[missing]
    assert get_client().verify_webhook_signature(headers, captured_event) is False
    assert paypal_server.requests_for("verify") == []


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"\xff\xfe"])
def test_a_body_that_is_not_an_event_fails(paypal_server, captured_event, body):
    headers = paypal_server.sign_event(captured_event)
    assert get_client().verify_webhook_signature(headers, body) is False


def test_without_a_webhook_id_nothing_verifies(paypal_server, captured_event, settings):
    settings.PAYPAL_WEBHOOK_ID = ""
    assert get_client().verify_webhook_signature(paypal_server.sign_event(captured_event), captured_event) is False


def test_paypal_unreachable_during_verification_is_gateway_unavailable(paypal_server, captured_event, settings):
    settings.PAYPAL_TIMEOUT = 0.5
    paypal_server.inject("timeout", on="verify")
    started = time.monotonic()
    with pytest.raises(GatewayUnavailable):
        get_client().verify_webhook_signature(paypal_server.sign_event(captured_event), captured_event)
    assert time.monotonic() - started < 1.3


def test_refund_events_carry_the_refund(paypal_server):
    client = get_client()
    created = client.create_order(order_request(), request_id="order-V-1001-create")
    paypal_server.approve(created.id)
    capture = client.capture_order(created.id, request_id="order-V-1001-capture")
    refund = client.refund_capture(capture.id, request_id="order-V-1001-refund")
    event = paypal_server.refund_event(refund.id)
    assert (event["event_type"], event["resource_type"], event["resource"]["id"]) == (
        "PAYMENT.CAPTURE.REFUNDED",
        "refund",
        refund.id,
    )
    assert client.verify_webhook_signature(paypal_server.sign_event(event), event) is True
