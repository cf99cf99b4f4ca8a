"""Shared builders for the PayPal tests: a typical order request and the buyer's approval click."""

from decimal import Decimal

import requests

from checkout.paypal.payloads import OrderLine, OrderRequest, ShippingAddress

TOTAL = Decimal("53.25")  # the default order: 2 x 19.90 + 8.50 + 4.95 shipping

MADRID = ShippingAddress(
    full_name="Ana Pérez",
    address_line_1="Calle de Alcalá 1",
    address_line_2="3º B",
    city="Madrid",
    region="Madrid",
    postal_code="28014",
    country_code="ES",
)


def order_request(reference="V-1001", *, lines=None, shipping="4.95", discount="0.00", pickup=False, **overrides):
    """An order of two lines (tax-inclusive prices) whose total adds up, shipped to Madrid unless `pickup`."""
    if lines is None:
        lines = (
            OrderLine(name="Camiseta de algodón", sku="TS-RED-M", quantity=2, unit_price=Decimal("19.90")),
            OrderLine(name="Taza", sku="MUG-1", quantity=1, unit_price=Decimal("8.50")),
        )
    shipping, discount = Decimal(shipping), Decimal(discount)
    total = sum((line.unit_price * line.quantity for line in lines), Decimal("0")) + shipping - discount
    values = {
        "reference": reference,
        "currency": "EUR",
        "lines": tuple(lines),
        "total": total,
        "shipping": shipping,
        "discount": discount,
        "return_url": "http://localhost/es/checkout/paypal/return/?order=V-1001",
        "cancel_url": "http://localhost/es/checkout/paypal/cancel/",
        "brand_name": "Vitrina",
        "locale": "es",
        "shipping_address": None if pickup else MADRID,
        "email": "ana@example.com",
    }
    values.update(overrides)
    return OrderRequest(**values)


def click_approve(created, action="approve"):
    """What the buyer's browser does on PayPal's page: open the approval link, press the button."""
    page = requests.get(created.approval_url, timeout=5)
    page.raise_for_status()
    form_url = created.approval_url.split("?")[0]
    return requests.post(form_url, data={"token": created.id, "action": action}, allow_redirects=False, timeout=5)
