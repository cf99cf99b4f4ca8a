"""PayPal's business checks on an order's amounts, as the loopback server applies them.

PayPal refuses (422) an order whose breakdown does not add up: item_total must
equal sum(unit_amount * quantity), tax_total sum(tax * quantity), and amount
item_total + tax_total + shipping + handling + insurance - shipping_discount -
discount; all in one currency, with the currency's number of decimals.
"""

from decimal import Decimal

from tests.paypal_server.replies import unprocessable

ZERO_DECIMAL = ("HUF", "JPY", "TWD")
CREATE = ("orders", "422")  # the create-order 422 schema, which pins each issue's description
ADDED = ("item_total", "tax_total", "shipping", "handling", "insurance")
SUBTRACTED = ("shipping_discount", "discount")


def money(amount, currency):
    """PayPal's money object with the currency's decimals."""
    places = Decimal(1) if currency in ZERO_DECIMAL else Decimal("0.01")
    return {"currency_code": currency, "value": f"{Decimal(amount).quantize(places):f}"}


def parse_money(data):
    return Decimal(data["value"]), data["currency_code"]


def check_money(data, currency, field):
    """The Decimal in `data`; 422 on another currency or on more decimals than the currency has."""
    amount, code = parse_money(data)
    if code != currency:
        raise refuse("MULTI_CURRENCY_ORDER", field)
    decimals = max(-amount.as_tuple().exponent, 0)
    if decimals > (0 if currency in ZERO_DECIMAL else 2):  # the spec documents DECIMAL_PRECISION for both cases
        raise refuse("DECIMAL_PRECISION", field)
    return amount


def refuse(issue, field):
    """The create-order 422 for `issue`, with the description the spec pins for it."""
    return unprocessable(issue, issue, field=field, documented_in=CREATE)


def check_order_request(body):
    """Raise the 422 PayPal gives when a purchase unit's amounts are inconsistent or an address is missing."""
    for index, unit in enumerate(body["purchase_units"]):
        _check_unit(unit, f"/purchase_units/{index}")
    _check_shipping(body)


def _check_unit(unit, where):
    currency = unit["amount"]["currency_code"]
    total = check_money(unit["amount"], currency, where + "/amount/value")
    if total <= 0:
        raise refuse("CANNOT_BE_ZERO_OR_NEGATIVE", where + "/amount/value")
    breakdown = unit["amount"].get("breakdown") or {}
    parts = {key: check_money(value, currency, f"{where}/amount/breakdown/{key}") for key, value in breakdown.items()}
    _check_items(unit.get("items") or [], parts, currency, where)
    if breakdown:
        added = sum((parts.get(key, 0) for key in ADDED), Decimal(0))
        if added - sum((parts.get(key, 0) for key in SUBTRACTED), Decimal(0)) != total:
            raise refuse("AMOUNT_MISMATCH", where + "/amount/value")


def _check_items(items, parts, currency, where):
    """item_total = sum(unit_amount * quantity) and tax_total = sum(tax * quantity), as PayPal requires."""
    if not items:
        return
    if "item_total" not in parts:
        raise refuse("ITEM_TOTAL_REQUIRED", where + "/amount/breakdown/item_total")
    units = taxes = Decimal(0)
    for item in items:
        quantity = int(item["quantity"])
        units += check_money(item["unit_amount"], currency, where + "/items") * quantity
        if "tax" in item:
            taxes += check_money(item["tax"], currency, where + "/items") * quantity
    if parts["item_total"] != units:
        raise refuse("ITEM_TOTAL_MISMATCH", where + "/amount/breakdown/item_total")
    if any("tax" in item for item in items) and parts.get("tax_total") != taxes:
        raise refuse("TAX_TOTAL_MISMATCH", where + "/amount/breakdown/tax_total")


def _check_shipping(body):
    """SET_PROVIDED_ADDRESS needs an address to set; PayPal refuses the order without one."""
    wallet = (body.get("payment_source") or {}).get("paypal") or {}
    context = wallet.get("experience_context") or body.get("application_context") or {}
    if context.get("shipping_preference") != "SET_PROVIDED_ADDRESS":
        return
    for index, unit in enumerate(body["purchase_units"]):
        if not (unit.get("shipping") or {}).get("address"):
            raise refuse("SHIPPING_ADDRESS_INVALID", f"/purchase_units/{index}/shipping/address")
