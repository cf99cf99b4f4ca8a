"""The `paypal_server` pytest fixture: a fresh loopback PayPal per test, wired into settings.

Import it where needed (tests/conftest.py, or a test module):

    from tests.paypal_server.fixtures import paypal_server  # noqa: F401

It points PAYPAL_API_BASE_URL / PAYPAL_CLIENT_ID / PAYPAL_CLIENT_SECRET /
PAYPAL_WEBHOOK_ID at the server and sets PAYPAL_TIMEOUT to 2 s (lower it in a
test that injects timeouts, to keep it fast: fault delays follow it). At
teardown it fails the test if any request broke PayPal's OpenAPI schema.
"""

from contextlib import contextmanager

import pytest

from tests.paypal_server.handle import PayPalTestServer

FIXTURE_TIMEOUT = 2.0  # seconds; ample for loopback calls even with many threads at once
FAULT_MARGIN = 1.0  # a delayed answer comes this long after the client has given up


@pytest.fixture
def paypal_server(settings):
    """A running PayPalTestServer for this test (see tests/paypal_server/handle.py for its API)."""
    with running_paypal_server(settings) as server:
        yield server


@contextmanager
def running_paypal_server(settings):
    """The fixture's body: start, point `settings` at the server, stop, then fail on schema violations."""
    server = PayPalTestServer(fault_delay=lambda: float(settings.PAYPAL_TIMEOUT) + FAULT_MARGIN)
    server.start()
    settings.PAYPAL_API_BASE_URL = server.url
    settings.PAYPAL_CLIENT_ID = server.client_id
    settings.PAYPAL_CLIENT_SECRET = server.client_secret
    settings.PAYPAL_WEBHOOK_ID = server.webhook_id
    settings.PAYPAL_TIMEOUT = FIXTURE_TIMEOUT
    try:
        yield server
    finally:
        server.stop()
    server.assert_no_violations()
