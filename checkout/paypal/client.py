"""The one module that talks HTTP to PayPal (Orders v2, Payments v2, webhook verification).

Every call has an explicit (connect, read) timeout; the client never resends a
request on its own (the only second attempt is after a 401, when PayPal did
nothing); each create/capture/refund carries the caller's PayPal-Request-Id, so
a retry by the caller gets PayPal's first answer replayed instead of a second
charge; every failure becomes one of checkout.exceptions; results are small
dataclasses (checkout.paypal.results) that keep PayPal's JSON in `raw`.

Why `requests` and not PayPal's paypal-server-sdk 2.x: the SDK sends
PayPal-Request-Id and takes a timeout, but it turns a malformed 2xx body into a
plain string `body` without raising, raises an ErrorException whose str() itself
fails on a non-JSON 5xx, lets requests' exceptions through unwrapped, decodes
PayPal's answers with jsonpickle (which builds Python objects named in the
JSON), and its OAuth token cache has no lock (8 threads -> 8 token requests)
and swallows a rejected-credentials answer. Wrapping all that would be more code
than these calls, plus seven more packages to pin.

Override point: `get_client()` builds a PayPalClient from settings; tests point
PAYPAL_API_BASE_URL at the loopback server in tests/paypal_server/.
"""

import json
import logging
import threading
import time

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from requests.adapters import HTTPAdapter

from checkout.exceptions import AlreadyCaptured, GatewayUnavailable, PaymentDeclined, PaymentError
from checkout.paypal.payloads import build_order_body, build_refund_body
from checkout.paypal.results import (
    parse_capture,
    parse_created_order,
    parse_order,
    parse_order_capture,
    parse_refund,
)

logger = logging.getLogger(__name__)

BASE_URLS = {"sandbox": "https://api-m.sandbox.paypal.com", "live": "https://api-m.paypal.com"}
TOKEN_REFRESH_MARGIN = 300.0  # seconds before expiry a token is renewed (tokens last about 9 hours)

# 422 issues that mean "this funding source was refused": the buyer can pick another one.
DECLINE_ISSUES = frozenset(
    {
        "INSTRUMENT_DECLINED",
        "PAYER_CANNOT_PAY",
        "PAYER_ACCOUNT_RESTRICTED",
        "PAYER_ACCOUNT_LOCKED_OR_CLOSED",
        "TRANSACTION_REFUSED",
        "TRANSACTION_LIMIT_EXCEEDED",
        "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED",
        "REDIRECT_PAYER_FOR_ALTERNATE_FUNDING",
    }
)
RETRYABLE_STATUSES = frozenset({408, 429})  # plus every 5xx

# verify-webhook-signature field -> the delivery header PayPal sends it in.
WEBHOOK_HEADERS = {
    "auth_algo": "paypal-auth-algo",
    "cert_url": "paypal-cert-url",
    "transmission_id": "paypal-transmission-id",
    "transmission_sig": "paypal-transmission-sig",
    "transmission_time": "paypal-transmission-time",
}


class PayPalClient:
    """PayPal REST calls for one set of credentials; thread-safe, one OAuth token shared by all threads."""

    def __init__(self, *, base_url, client_id, client_secret, webhook_id="", timeout=15.0):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.webhook_id = webhook_id
        self.timeout = float(timeout)
        self._token = ""
        self._token_expires_at = 0.0
        self._token_lock = threading.Lock()
        self._local = threading.local()

    # -- Orders v2 ---------------------------------------------------------

    def create_order(self, order, *, request_id):
        """Create the PayPal order for `order` (a payloads.OrderRequest); returns a CreatedOrder."""
        body = build_order_body(order)
        return self._call(
            "POST", "/v2/checkout/orders", "create order", parse_created_order, body=body, request_id=request_id
        )

    def show_order(self, paypal_order_id):
        """The PayPal order as it is now (status, captures): used on return and by reconciliation."""
        return self._call("GET", f"/v2/checkout/orders/{_segment(paypal_order_id)}", "show order", parse_order)

    def capture_order(self, paypal_order_id, *, request_id):
        """Capture an approved order; returns the Capture (check its amount with `check_amount`).

        A capture answered with status DECLINED or FAILED raises PaymentDeclined.
        """
        path = f"/v2/checkout/orders/{_segment(paypal_order_id)}/capture"
        capture = self._call("POST", path, "capture order", parse_order_capture, body={}, request_id=request_id)
        if capture.status in ("DECLINED", "FAILED"):
            detail = f"capture {capture.id} {capture.status}"
            raise PaymentDeclined(issue=f"CAPTURE_{capture.status}", detail=detail, raw=capture.raw)
        return capture

    # -- Payments v2 -------------------------------------------------------

    def show_capture(self, capture_id):
        """One capture by id (its status shows refunds), for reconciliation."""
        return self._call("GET", f"/v2/payments/captures/{_segment(capture_id)}", "show capture", parse_capture)

    def refund_capture(self, capture_id, *, request_id, amount=None, currency=None, invoice_id="", note=""):
        """Refund `amount` (Decimal, with its `currency`) of a capture, or all that is left when amount is None."""
        body = build_refund_body(amount=amount, currency=currency, invoice_id=invoice_id, note=note)
        path = f"/v2/payments/captures/{_segment(capture_id)}/refund"
        return self._call("POST", path, "refund capture", parse_refund, body=body, request_id=request_id)

    # -- Webhooks ----------------------------------------------------------

    def verify_webhook_signature(self, headers, event):
        """Ask PayPal whether a webhook delivery is genuine; True only for verification_status SUCCESS.

        `headers`: the delivery's headers (Django's request.headers, a dict, or
        request.META); `event`: the raw body (bytes/str, sent on verbatim so no
        re-serialisation can change what PayPal checks) or the parsed event.
        Missing headers, an unparsable body or a 4xx answer give False;
        PayPal being unreachable raises GatewayUnavailable (answer the delivery
        with a 5xx so PayPal sends it again later).
        """
        if not self.webhook_id:
            logger.error("PAYPAL_WEBHOOK_ID is not set: PayPal webhook events cannot be verified")
            return False
        fields = _webhook_fields(headers)
        event_json = _event_json(event)
        if fields is None or event_json is None:
            return False
        head = json.dumps({**fields, "webhook_id": self.webhook_id})
        data = f'{head[:-1]}, "webhook_event": {event_json}}}'
        try:
            path = "/v1/notifications/verify-webhook-signature"
            return self._call("POST", path, "verify webhook", _is_success, data=data)
        except GatewayUnavailable:
            raise
        except PaymentError:
            return False

    # -- Plumbing ----------------------------------------------------------

    def _call(self, method, path, operation, parse, *, body=None, data=None, request_id=None):
        """One authorised API call: JSON in, `parse(answer)` out, PayPal errors as checkout exceptions."""
        if method == "POST" and request_id is None and operation != "verify webhook":
            raise ValueError(f"PayPal {operation} needs a PayPal-Request-Id")
        headers = {"Content-Type": "application/json", "Accept": "application/json", "Prefer": "return=representation"}
        if request_id is not None:
            headers["PayPal-Request-Id"] = str(request_id)
        payload = data if data is not None else (json.dumps(body) if body is not None else None)
        token = self._access_token()
        response = self._send(method, path, operation, headers={**headers, **_bearer(token)}, data=payload)
        if response.status_code == 401:  # token revoked or expired early: PayPal did nothing, so one retry is safe
            token = self._access_token(stale=token)
            response = self._send(method, path, operation, headers={**headers, **_bearer(token)}, data=payload)
        answer = _json_or_raise(response, operation)
        try:
            return parse(answer)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            logger.error("PayPal %s: unexpected answer (%s): %.2000s", operation, exc, response.text)
            raise GatewayUnavailable(detail=f"PayPal {operation}: unexpected answer: {exc}", raw=answer) from exc

    def _send(self, method, path, operation, **kwargs):
        """One HTTP request with the explicit timeout; network trouble becomes GatewayUnavailable."""
        try:
            timeout = (self.timeout, self.timeout)
            return self._session().request(method, self.base_url + path, timeout=timeout, **kwargs)
        except requests.Timeout as exc:
            logger.warning("PayPal %s timed out after %ss", operation, self.timeout)
            raise GatewayUnavailable(detail=f"PayPal {operation} timed out after {self.timeout}s") from exc
        except requests.RequestException as exc:
            logger.warning("PayPal %s failed: %s", operation, exc)
            raise GatewayUnavailable(detail=f"PayPal {operation} failed: {exc}") from exc

    def _session(self):
        """A requests session per thread; its adapter never resends a request (no hidden retries)."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = HTTPAdapter(max_retries=0)
            session.mount("https://", adapter)
            session.mount("http://", adapter)
            self._local.session = session
        return session

    def _access_token(self, stale=None):
        """A valid OAuth token, fetched once and shared until shortly before it expires.

        `stale` is a token PayPal just refused: it is dropped unless another
        thread already replaced it. The lock makes concurrent first calls wait
        for one token request instead of each asking for its own.
        """
        with self._token_lock:
            if stale is not None and self._token == stale:
                self._token = ""
            if self._token and time.monotonic() < self._token_expires_at:
                return self._token
            token, lifetime = self._fetch_token()
            self._token = token
            self._token_expires_at = time.monotonic() + lifetime - min(TOKEN_REFRESH_MARGIN, lifetime / 10)
            return token

    def _fetch_token(self):
        if not (self.client_id and self.client_secret):
            logger.error("PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET are not set")
            raise PaymentError(detail="PayPal credentials are not configured")
        response = self._send(
            "POST",
            "/v1/oauth2/token",
            "get token",
            auth=(self.client_id, self.client_secret),
            data={"grant_type": "client_credentials"},
            headers={"Accept": "application/json"},
        )
        answer = _json_or_raise(response, "get token")
        token, lifetime = answer.get("access_token"), answer.get("expires_in")
        if not isinstance(token, str) or not token or not isinstance(lifetime, int | float):
            raise GatewayUnavailable(detail="PayPal token answer without access_token/expires_in")
        return token, float(lifetime)


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def _json_or_raise(response, operation):
    """The JSON object of a 2xx answer; any other answer raised as the matching checkout exception."""
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if 200 <= response.status_code < 300:
        if not isinstance(answer, dict):
            status = response.status_code
            logger.error("PayPal %s: HTTP %s with malformed JSON: %.500s", operation, status, response.text)
            raise GatewayUnavailable(detail=f"PayPal {operation}: malformed JSON", status_code=response.status_code)
        return answer
    raise _error(response, answer if isinstance(answer, dict) else {}, operation)


def _error(response, answer, operation):
    """Map a non-2xx answer to an exception; logs PayPal's debug_id for support requests."""
    status = response.status_code
    details = answer.get("details")
    first = details[0] if isinstance(details, list) and details and isinstance(details[0], dict) else {}
    issue = first.get("issue") or answer.get("name") or answer.get("error") or ""
    debug_id = answer.get("debug_id") or response.headers.get("PayPal-Debug-Id", "")
    message = answer.get("message") or answer.get("error_description") or ""
    detail = f"PayPal {operation}: HTTP {status} {issue} {message}"
    logger.warning("%s (debug_id %s)", detail.strip(), debug_id or "-")
    kwargs = {"detail": detail.strip(), "issue": issue, "debug_id": debug_id, "status_code": status, "raw": answer}
    if status >= 500 or status in RETRYABLE_STATUSES:
        return GatewayUnavailable(**kwargs)
    if status == 422 and issue == "ORDER_ALREADY_CAPTURED":
        return AlreadyCaptured(**kwargs)
    if status == 422 and issue in DECLINE_ISSUES:
        return PaymentDeclined(**kwargs)
    return PaymentError(**kwargs)


def _is_success(answer):
    status = answer["verification_status"]
    if status not in ("SUCCESS", "FAILURE"):
        raise ValueError(f"unknown verification_status {status!r}")
    return status == "SUCCESS"


def _webhook_fields(headers):
    """The five PayPal-* delivery headers as verify fields, or None if any is missing."""
    normalised = {}
    for name, value in headers.items():
        key = name.lower().replace("_", "-")
        normalised[key.removeprefix("http-")] = value
    fields = {field: normalised.get(header, "") for field, header in WEBHOOK_HEADERS.items()}
    return fields if all(fields.values()) else None


def _event_json(event):
    """The event as a JSON text, verbatim when given raw; None unless it is a JSON object."""
    if isinstance(event, dict):
        return json.dumps(event)
    try:
        text = event.decode("utf-8") if isinstance(event, bytes | bytearray) else str(event)
        return text.strip() if isinstance(json.loads(text), dict) else None
    except (UnicodeDecodeError, ValueError):
        return None


def _segment(identifier):
    """A PayPal id as a URL path segment; ids come back from browsers, so anything but letters/digits is refused."""
    identifier = str(identifier)
    if not identifier.replace("-", "").isascii() or not identifier.replace("-", "").isalnum() or len(identifier) > 64:
        raise PaymentError(detail=f"not a PayPal id: {identifier[:80]!r}")
    return identifier


def api_base_url():
    """PAYPAL_API_BASE_URL if set, else the sandbox or live API for PAYPAL_MODE."""
    if settings.PAYPAL_API_BASE_URL:
        return settings.PAYPAL_API_BASE_URL
    try:
        return BASE_URLS[settings.PAYPAL_MODE]
    except KeyError:
        raise ImproperlyConfigured(f"PAYPAL_MODE must be 'sandbox' or 'live', not {settings.PAYPAL_MODE!r}") from None


_clients = {}
_clients_lock = threading.Lock()


def get_client():
    """The PayPalClient for the current settings, reused so its OAuth token is shared between requests."""
    key = (
        api_base_url(),
        settings.PAYPAL_CLIENT_ID,
        settings.PAYPAL_CLIENT_SECRET,
        settings.PAYPAL_WEBHOOK_ID,
        float(settings.PAYPAL_TIMEOUT),
    )
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            if len(_clients) >= 16:  # settings only change in tests; keep the cache small there
                _clients.clear()
            base_url, client_id, client_secret, webhook_id, timeout = key
            client = _clients[key] = PayPalClient(
                base_url=base_url,
                client_id=client_id,
                client_secret=client_secret,
                webhook_id=webhook_id,
                timeout=timeout,
            )
        return client
