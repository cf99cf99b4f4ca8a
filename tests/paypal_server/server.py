"""The loopback PayPal test server: real HTTP on 127.0.0.1, PayPal's REST endpoints and approval page.

Every API request body is checked against PayPal's OpenAPI schema (a
violation answers 400 and is recorded in `violations`, which the pytest fixture
turns into a failure), and every JSON answer the server gives is checked
against the documented response schema too. The behaviour itself (orders,
captures, refunds, idempotency, faults) lives in state.FakePayPal.
"""

import base64
import json
import re
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.paypal_server.pages import approval_page, approval_submit
from tests.paypal_server.replies import Reply, debug_id, invalid_request, unauthorized
from tests.paypal_server.schemas import schema_book

ID = r"(?P<id>[^/]+)"
ROUTES = [  # method, path pattern, operation, (spec, spec path template)
    ("POST", re.compile(r"/v1/oauth2/token"), "token", None),
    ("POST", re.compile(r"/v2/checkout/orders"), "create", ("orders", "/v2/checkout/orders")),
    ("GET", re.compile(rf"/v2/checkout/orders/{ID}"), "show", ("orders", "/v2/checkout/orders/{id}")),
    (
        "POST",
        re.compile(rf"/v2/checkout/orders/{ID}/capture"),
        "capture",
        ("orders", "/v2/checkout/orders/{id}/capture"),
    ),
    (
        "GET",
        re.compile(rf"/v2/payments/captures/{ID}"),
        "show_capture",
        ("payments", "/v2/payments/captures/{capture_id}"),
    ),
    (
        "POST",
        re.compile(rf"/v2/payments/captures/{ID}/refund"),
        "refund",
        ("payments", "/v2/payments/captures/{capture_id}/refund"),
    ),
    (
        "POST",
        re.compile(r"/v1/notifications/verify-webhook-signature"),
        "verify",
        ("webhooks", "/v1/notifications/verify-webhook-signature"),
    ),
]


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it."""

    method: str
    path: str
    query: str
    headers: dict
    body: bytes
    operation: str  # token, create, show, capture, show_capture, refund, verify, page, unknown

    @property
    def json(self):
        return json.loads(self.body) if self.body else None

    def header(self, name, default=None):
        """A header by case-insensitive name."""
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), default)


@dataclass(frozen=True)
class Violation:
    """A request (or, for a server bug, a response) that does not match PayPal's OpenAPI spec."""

    kind: str  # "request" or "response"
    method: str
    path: str
    errors: tuple
    body: object

    def __str__(self):
        lines = "\n    ".join(self.errors)
        return f"{self.kind} {self.method} {self.path}:\n    {lines}\n  body: {json.dumps(self.body)[:2000]}"


def route(method, path):
    """(operation, match, spec) for a request, or (None, None, None)."""
    for route_method, pattern, operation, spec in ROUTES:
        match = pattern.fullmatch(path)
        if match and route_method == method:
            return operation, match, spec
    return None, None, None


class ApiGlue:
    """From an HTTP request to a Reply: authentication, JSON parsing, schema checks, then FakePayPal."""

    def __init__(self, server):
        self.server = server  # the PayPalTestServer handle

    def answer(self, method, path, headers, body):
        operation, match, spec = route(method, path)
        if operation is None:
            return Reply(404, {"name": "RESOURCE_NOT_FOUND", "message": "The specified resource does not exist."})
        if operation == "token":
            return self._token(headers, body)
        if not self._has_valid_bearer(headers):
            return unauthorized()
        payload, problem = self._payload(method, body)
        if problem:
            self.server.record_violation("request", method, path, [problem], body.decode("utf-8", "replace"))
            return invalid_request([problem], issue="MALFORMED_REQUEST_JSON")
        if payload is not None:
            errors = schema_book().request_errors(spec[0], method, spec[1], payload)
            if errors:
                self.server.record_violation("request", method, path, errors, payload)
                return invalid_request(errors)
        reply = self.server.state.handle(
            operation,
            resource_id=match.groupdict().get("id"),
            body=payload,
            request_id=headers.get("PayPal-Request-Id"),
            prefer=headers.get("Prefer", ""),
        )
        self._check_reply(method, path, spec, reply)
        return reply

    def _token(self, headers, body):
        """POST /v1/oauth2/token: Basic auth with the configured client id and secret, client_credentials grant."""
        expected = base64.b64encode(f"{self.server.client_id}:{self.server.client_secret}".encode()).decode()
        if headers.get("Authorization", "") != f"Basic {expected}":
            return Reply(401, {"error": "invalid_client", "error_description": "Client Authentication failed"})
        grant = parse_qs(body.decode("utf-8", "replace")).get("grant_type")
        if grant != ["client_credentials"]:
            return Reply(400, {"error": "unsupported_grant_type", "error_description": "Grant Type is NULL"})
        return self.server.state.handle("token")

    def _has_valid_bearer(self, headers):
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        return scheme == "Bearer" and self.server.state.is_valid_token(token)

    @staticmethod
    def _payload(method, body):
        """(parsed JSON body or None, problem text or None)."""
        if method != "POST":
            return None, None
        if not body.strip():
            return {}, None
        try:
            return json.loads(body), None
        except ValueError as exc:
            return None, f"body is not JSON: {exc}"

    def _check_reply(self, method, path, spec, reply):
        if reply.body is None:
            return
        errors = schema_book().response_errors(spec[0], method, spec[1], reply.status, reply.body)
        if errors:
            self.server.record_violation("response", method, path, errors, reply.body)


class Handler(BaseHTTPRequestHandler):
    """HTTP/1.0 (one request per connection): nothing lingers between tests."""

    server_version = "PayPalTestServer/1.0"
    timeout = 30  # a client that never sends its request does not keep a thread forever

    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")

    def _serve(self, method):
        handle = self.server.paypal
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = dict(self.headers.items())
        operation = route(method, parts.path)[0] or ("page" if parts.path == "/checkoutnow" else "unknown")
        handle.record_request(RecordedRequest(method, parts.path, parts.query, headers, body, operation))
        if parts.path == "/checkoutnow":
            status, extra, content = (approval_page if method == "GET" else approval_submit)(
                handle.state, parts.query if method == "GET" else body
            )
            return self._write(status, extra, content)
        reply = handle.glue.answer(method, parts.path, self.headers, body)
        if reply.delay:
            time.sleep(reply.delay)
        content = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
        debug = (reply.body or {}).get("debug_id") or debug_id()
        self._write(reply.status, {"Content-Type": "application/json", "PayPal-Debug-Id": debug}, content)

    def _write(self, status, headers, content):
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to tell it


class LoopbackHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # bursts of parallel checkouts must not overflow the accept queue

    def handle_error(self, request, client_address):
        """Dropped connections are expected (clients time out); anything else is reported as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


def start_http(handle, host):
    """Bind to a free port on `host`, serve in a daemon thread; returns (httpd, thread, url)."""
    httpd = LoopbackHTTPServer((host, 0), Handler)
    httpd.paypal = handle
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return httpd, thread, f"http://{host}:{httpd.server_port}"
