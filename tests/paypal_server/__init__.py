"""A loopback PayPal for tests: real HTTP on 127.0.0.1, checked against PayPal's OpenAPI specs.

Use the `paypal_server` pytest fixture (tests/paypal_server/fixtures.py), or
PayPalTestServer directly outside pytest.
"""

from tests.paypal_server.handle import PayPalTestServer

__all__ = ["PayPalTestServer"]
