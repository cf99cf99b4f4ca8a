"""Webhook deliveries the loopback server can sign and later verify, as PayPal does.

PayPal signs `transmission_id|transmission_time|webhook_id|crc32(event body)`
with a private key and publishes the certificate at `cert_url`; its
verify-webhook-signature API checks that. The test server keeps the same
message but signs it with an HMAC secret of its own, so only deliveries built
by `sign_event()` verify, and any change to the event, the headers or the
webhook id makes the server answer FAILURE. The CRC is taken over a canonical
JSON form of the event, so re-serialising the event does not break it.
"""

import hashlib
import hmac
import json
import secrets
import uuid
import zlib
from datetime import UTC, datetime

AUTH_ALGO = "SHA256withRSA"


def now_iso():
    """PayPal's timestamp format: UTC, seconds, trailing Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def event_crc(event):
    """CRC32 of the event's canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return zlib.crc32(canonical.encode("utf-8"))


def signature(secret, transmission_id, transmission_time, webhook_id, event):
    """The transmission signature for one delivery (hex HMAC-SHA256 of PayPal's signed message)."""
    message = f"{transmission_id}|{transmission_time}|{webhook_id}|{event_crc(event)}"
    return hmac.new(secret, message.encode("utf-8"), hashlib.sha256).hexdigest()


def delivery_headers(secret, cert_url, webhook_id, event, *, valid=True):
    """The PAYPAL-* headers of a delivery of `event`; valid=False gives a signature that will not verify."""
    transmission_id = str(uuid.uuid4())
    transmission_time = now_iso()
    sig = signature(secret, transmission_id, transmission_time, webhook_id, event)
    if not valid:
        sig = signature(b"not-the-secret", transmission_id, transmission_time, webhook_id, event)
    return {
        "PAYPAL-AUTH-ALGO": AUTH_ALGO,
        "PAYPAL-CERT-URL": cert_url,
        "PAYPAL-TRANSMISSION-ID": transmission_id,
        "PAYPAL-TRANSMISSION-SIG": sig,
        "PAYPAL-TRANSMISSION-TIME": transmission_time,
    }


def is_valid(secret, cert_url, webhook_id, body):
    """Whether a verify-webhook-signature request body carries a signature made by `delivery_headers`."""
    if body.get("webhook_id") != webhook_id or body.get("cert_url") != cert_url:
        return False
    if body.get("auth_algo") != AUTH_ALGO:
        return False
    expected = signature(secret, body["transmission_id"], body["transmission_time"], webhook_id, body["webhook_event"])
    return hmac.compare_digest(expected, str(body.get("transmission_sig", "")))


def make_event(event_type, resource, *, summary=""):
    """A webhook event as PayPal delivers it (id, type, resource and links), version 1.0."""
    event_id = "WH-" + "".join(secrets.choice("23456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(17))
    return {
        "id": event_id,
        "event_version": "1.0",
        "create_time": now_iso(),
        "resource_type": _resource_type(event_type),
        "resource_version": "2.0",
        "event_type": event_type,
        "summary": summary or event_type.replace(".", " ").capitalize(),
        "resource": resource,
        "links": [],
    }


def _resource_type(event_type):
    """What PayPal puts in resource_type: refunds and reversals carry a refund, orders an order."""
    if event_type.endswith((".REFUNDED", ".REVERSED")):
        return "refund"
    if event_type.startswith("CHECKOUT.ORDER."):
        return "checkout-order"
    return "capture"
