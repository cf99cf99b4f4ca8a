"""Faults the loopback server can inject, each for the next N matching calls.

- timeout: no answer before `delay` seconds; the work is NOT done.
- http_500: HTTP 500 (or `status=503`); the work is not done.
- malformed_json: the work is done, then the body is cut short (invalid JSON).
- instrument_declined (capture): 422 INSTRUMENT_DECLINED; the order stays APPROVED.
- order_already_captured (capture): captures the order if it is approved
  (`capture=False`: does not), then answers 422 ORDER_ALREADY_CAPTURED.
- amount_mismatch (capture): captures `amount`/`currency` instead of the order's
  (default: the order total + 1).
- capture_after_timeout (capture): the capture is done, the answer held back
  `delay` seconds (the order shows COMPLETED when asked again).
- webhook_failure (verify): verification_status FAILURE.

The first three hit any API call but the token request, unless narrowed with
`on="capture"` (or a list of: token, create, show, capture, show_capture,
refund, verify). `delay` defaults to the server's fault delay (the fixture
makes it PAYPAL_TIMEOUT + 1 s, read when the fault is injected).
"""

import threading
from dataclasses import dataclass, field

from tests.paypal_server.replies import Reply, error_body

API_OPERATIONS = frozenset({"create", "show", "capture", "show_capture", "refund", "verify"})
GENERIC = API_OPERATIONS | {"token"}
FAULTS = {
    "timeout": (API_OPERATIONS, {"on", "delay"}),
    "http_500": (API_OPERATIONS, {"on", "status"}),
    "malformed_json": (API_OPERATIONS, {"on"}),
    "instrument_declined": ({"capture"}, set()),
    "order_already_captured": ({"capture"}, {"capture"}),
    "amount_mismatch": ({"capture"}, {"amount", "currency"}),
    "capture_after_timeout": ({"capture"}, {"delay"}),
    "webhook_failure": ({"verify"}, set()),
}


@dataclass
class Fault:
    name: str
    remaining: int
    operations: frozenset
    options: dict = field(default_factory=dict)
    delay: float = 0.0

    def reply(self):
        """The answer that replaces the call entirely (timeout, http_500)."""
        if self.name == "timeout":
            return Reply(503, error_body(503), delay=self.delay)
        return Reply(self.options.get("status", 500), error_body(self.options.get("status", 500)))

    def alter(self, reply):
        """The call's real answer, spoilt (malformed_json) or held back (capture_after_timeout)."""
        if self.name == "malformed_json":
            return reply.with_changes(raw=b'{"id": "' + b"TRUNCATED", body=None)
        if self.name == "capture_after_timeout":
            return reply.with_changes(delay=self.delay)
        return reply


class FaultBook:
    """Pending faults in injection order; each call takes the first one that matches its operation."""

    def __init__(self, default_delay=lambda: 3.0):
        self.default_delay = default_delay
        self._faults = []
        self._lock = threading.Lock()

    def inject(self, name, times=1, **options):
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(sorted(FAULTS))}")
        allowed_ops, allowed_options = FAULTS[name]
        unknown = set(options) - allowed_options
        if unknown:
            raise ValueError(f"fault {name!r} takes no option(s) {sorted(unknown)}")
        on = options.pop("on", None)
        operations = frozenset([on] if isinstance(on, str) else on or allowed_ops)
        if not operations <= (GENERIC if "on" in allowed_options else allowed_ops):
            raise ValueError(f"fault {name!r} cannot hit {sorted(operations)}")
        if options.get("status", 500) not in (500, 503):
            raise ValueError("http_500 takes status=500 or 503")
        delay = float(options.pop("delay", None) or self.default_delay())
        fault = Fault(name, int(times), operations, options, delay)
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, operation):
        """Use up one call of the first pending fault for `operation`, or return None."""
        with self._lock:
            for fault in self._faults:
                if operation in fault.operations and fault.remaining > 0:
                    fault.remaining -= 1
                    if not fault.remaining:
                        self._faults.remove(fault)
                    return fault
            return None

    def pending(self):
        with self._lock:
            return [(f.name, f.remaining, sorted(f.operations)) for f in self._faults]

    def clear(self):
        with self._lock:
            self._faults.clear()
