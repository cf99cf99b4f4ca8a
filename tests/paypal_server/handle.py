"""PayPalTestServer: start/stop the loopback PayPal and drive it from a test.

server = PayPalTestServer().start()
server.url                      # http://127.0.0.1:PORT, for PAYPAL_API_BASE_URL
server.inject("timeout", times=1, on="capture")   # see faults.py for the list
server.approve(paypal_order_id) # the buyer approves at PayPal
server.orders / .captures / .refunds / .requests / .violations
server.count("capture")         # how many captures were really made
headers = server.sign_event(event)  # PAYPAL-* headers that verify SUCCESS
server.stop()
"""

import threading

from tests.paypal_server.schemas import schema_book
from tests.paypal_server.server import ApiGlue, Violation, start_http
from tests.paypal_server.state import FakePayPal
from tests.paypal_server.webhooks import delivery_headers, make_event

DEFAULT_CLIENT_ID = "vitrina-test-client-id"
DEFAULT_CLIENT_SECRET = "vitrina-test-client-secret"
DEFAULT_WEBHOOK_ID = "1VITRINA0TEST0WEBHOOK"  # PayPal's spec: letters and digits only


class PayPalTestServer:
    """A running loopback PayPal and everything a test needs to steer and inspect it."""

    def __init__(
        self,
        *,
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        webhook_id=DEFAULT_WEBHOOK_ID,
        token_lifetime=32400,
        fault_delay=lambda: 3.0,
        host="127.0.0.1",
    ):
        self.client_id = client_id
        self.client_secret = client_secret
        self.webhook_id = webhook_id
        self.token_lifetime = token_lifetime
        self.fault_delay = fault_delay
        self.host = host
        self.glue = ApiGlue(self)
        self.state = None
        self.url = ""
        self._httpd = self._thread = None
        self._log_lock = threading.Lock()
        self._requests, self._violations = [], []

    # -- lifecycle -------------------------------------------------------------

    def start(self):
        schema_book()  # load the specs now: a missing spec file fails here, not mid-request
        self._httpd, self._thread, self.url = start_http(self, self.host)
        self.state = FakePayPal(self.url, webhook_id=self.webhook_id, token_lifetime=self.token_lifetime)
        self.state.faults.default_delay = self.fault_delay
        return self

    def stop(self):
        """Stop serving; requests still sleeping in a fault finish on their own (daemon threads)."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # -- steering --------------------------------------------------------------

    def inject(self, fault, times=1, **options):
        """Make the next `times` matching calls fail with `fault` (names and options: tests/paypal_server/faults.py)."""
        return self.state.faults.inject(fault, times, **options)

    def approve(self, paypal_order_id):
        """The buyer approves the order at PayPal (what the approval page's button does)."""
        return self.state.approve(paypal_order_id)

    def revoke_tokens(self):
        """Invalidate every access token, as PayPal does when one expires early."""
        self.state.revoke_tokens()

    # -- inspecting ------------------------------------------------------------

    @property
    def orders(self):
        """PayPal order id -> state.FakeOrder (status, request body, payer_id, capture_ids)."""
        with self.state.lock:
            return dict(self.state.orders)

    @property
    def captures(self):
        with self.state.lock:
            return dict(self.state.captures)

    @property
    def refunds(self):
        with self.state.lock:
            return dict(self.state.refunds)

    def count(self, operation):
        """How many times `operation` (token, create, capture, refund, verify) really did its work."""
        with self.state.lock:
            return self.state.work[operation]

    @property
    def requests(self):
        """Every request received, oldest first (server.RecordedRequest: method, path, headers, body, .json)."""
        with self._log_lock:
            return list(self._requests)

    def requests_for(self, operation):
        return [request for request in self.requests if request.operation == operation]

    def record_request(self, request):
        with self._log_lock:
            self._requests.append(request)

    @property
    def violations(self):
        with self._log_lock:
            return list(self._violations)

    def record_violation(self, kind, method, path, errors, body):
        with self._log_lock:
            self._violations.append(Violation(kind, method, path, tuple(errors), body))

    def clear_violations(self):
        """Forget recorded violations (after a test that sends a bad body on purpose)."""
        with self._log_lock:
            self._violations.clear()

    def assert_no_violations(self):
        """Fail with every recorded schema violation, if any."""
        violations = self.violations
        if violations:
            details = "\n".join(str(violation) for violation in violations)
            raise AssertionError(f"{len(violations)} request(s)/response(s) broke PayPal's OpenAPI spec:\n{details}")

    # -- webhooks --------------------------------------------------------------

    def sign_event(self, event, *, valid=True):
        """The PAYPAL-* delivery headers for `event`; valid=False gives a signature PayPal reports as FAILURE."""
        return delivery_headers(self.state.webhook_secret, self.state.cert_url, self.webhook_id, event, valid=valid)

    def make_event(self, event_type, resource):
        """A webhook event dict of `event_type` carrying `resource`."""
        return make_event(event_type, resource)

    def capture_event(self, capture_id, event_type="PAYMENT.CAPTURE.COMPLETED"):
        """A PAYMENT.CAPTURE.* event whose resource is the capture as it is now (with its order id)."""
        with self.state.lock:
            resource = self.state.capture_json(self.state.captures[capture_id], standalone=True)
        return make_event(event_type, resource)

    def refund_event(self, refund_id, event_type="PAYMENT.CAPTURE.REFUNDED"):
        """A PAYMENT.CAPTURE.REFUNDED event whose resource is the refund."""
        with self.state.lock:
            resource = self.state.refund_json(self.state.refunds[refund_id])
        return make_event(event_type, resource)
