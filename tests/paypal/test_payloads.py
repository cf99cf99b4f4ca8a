"""The create-order and refund bodies built from the shop's order (no HTTP)."""

from decimal import Decimal

import pytest

from checkout.paypal.payloads import OrderLine, build_order_body, build_refund_body, paypal_locale, truncate
from tests.paypal.helpers import order_request


def test_the_breakdown_adds_up_to_the_total():
    unit = build_order_body(order_request(shipping="4.95", discount="3.00"))["purchase_units"][0]
    breakdown = {key: Decimal(value["value"]) for key, value in unit["amount"]["breakdown"].items()}
    items = sum(Decimal(item["unit_amount"]["value"]) * int(item["quantity"]) for item in unit["items"])
    assert breakdown["item_total"] == items
    assert Decimal(unit["amount"]["value"]) == breakdown["item_total"] + breakdown["shipping"] - breakdown["discount"]


def test_a_total_that_does_not_add_up_is_refused_before_paypal_sees_it():
    order = order_request()
    with pytest.raises(ValueError, match="not the total"):
        build_order_body(order_request(total=order.total + Decimal("0.01")))


@pytest.mark.parametrize(
    "changes",
    [
        {"lines": ()},
        {"lines": (OrderLine("x", "X", 0, Decimal("1.00")),), "total": Decimal("0.00"), "shipping": Decimal("0")},
        {"lines": (OrderLine("x", "X", 1, Decimal("1.005")),), "total": Decimal("1.005"), "shipping": Decimal("0")},
        {"currency": "ARS"},
    ],
)
def test_orders_paypal_would_refuse_are_refused_here(changes):
    with pytest.raises(Exception) as raised:
        build_order_body(order_request(**changes))
    assert raised.type.__name__ in ("ValueError", "ValidationError")


def test_free_shipping_and_no_discount_are_left_out_of_the_breakdown():
    breakdown = build_order_body(order_request(shipping="0", discount="0"))["purchase_units"][0]["amount"]["breakdown"]
    assert set(breakdown) == {"item_total"}


def test_long_names_are_cut_to_paypal_limit():
    name = "Camiseta " * 30
    line = OrderLine(name=name, sku="S" * 200, quantity=1, unit_price=Decimal("10.00"))
    item = build_order_body(order_request(lines=(line,)))["purchase_units"][0]["items"][0]
    assert len(item["name"]) <= 127 and item["name"].endswith("…")
    assert len(item["sku"]) == 127
    assert truncate("  a   b ", 10) == "a b"


@pytest.mark.parametrize(
    "code, expected", [("es", "es-ES"), ("en", "en-US"), ("en-gb", "en-GB"), ("fr-FR", "fr-FR"), ("de", "en-US")]
)
def test_paypal_locale(code, expected):
    assert paypal_locale(code) == expected


def test_refund_bodies():
    assert build_refund_body() == {}
    assert build_refund_body(amount=Decimal("5"), currency="EUR", invoice_id="V-1", note="Sorry") == {
        "amount": {"currency_code": "EUR", "value": "5.00"},
        "invoice_id": "V-1",
        "note_to_payer": "Sorry",
    }
    with pytest.raises(ValueError):
        build_refund_body(amount=Decimal("5"))
