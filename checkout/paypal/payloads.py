"""What the shop asks PayPal to charge, and the Orders v2 request body built from it.

Breakdown convention (shop prices include tax):
    unit_amount = the tax-inclusive unit price the customer saw;
    item_total  = sum(unit_amount * quantity);
    shipping    = the tax-inclusive shipping price;
    discount    = the order-level discount (tax-inclusive);
    tax_total   = not sent.
so amount = item_total + shipping - discount = the order total, to the cent.
PayPal's tax_total is tax *added on top* of item_total; sending the VAT already
contained in the prices there would charge it twice, and splitting each price
into net + tax per unit would not add back up to the shop's rounded totals.
The tax is shown on the shop's own order and invoice instead.
"""

from dataclasses import dataclass
from decimal import Decimal

from checkout.money import to_paypal_money, validate_currency

NAME_MAX_LENGTH = 127  # PayPal `item.name` and `brand_name`
SKU_MAX_LENGTH = 127
ID_MAX_LENGTH = 127  # custom_id / invoice_id
PAYPAL_LOCALES = {"es": "es-ES", "en": "en-US"}


@dataclass(frozen=True)
class OrderLine:
    """One line as PayPal shows it to the buyer; `unit_price` includes tax."""

    name: str
    sku: str
    quantity: int
    unit_price: Decimal


@dataclass(frozen=True)
class ShippingAddress:
    """Where the goods go; PayPal shows it and, with SET_PROVIDED_ADDRESS, does not let the buyer change it."""

    full_name: str
    address_line_1: str
    city: str
    postal_code: str
    country_code: str  # ISO 3166-1 alpha-2
    address_line_2: str = ""
    region: str = ""  # province / state (PayPal's admin_area_1)


@dataclass(frozen=True)
class OrderRequest:
    """Everything needed to create the PayPal order for one shop order.

    `reference` is the shop's order number (sent as reference_id, custom_id and
    invoice_id, so PayPal's dashboard and webhooks lead back to the order).
    `total` is what the shop's pricing computed; the breakdown must add up to it
    (checked here, before PayPal refuses it). `shipping_address=None` means local
    pickup: PayPal then asks for no address (NO_SHIPPING).
    """

    reference: str
    currency: str
    lines: tuple[OrderLine, ...]
    total: Decimal
    return_url: str
    cancel_url: str
    shipping: Decimal = Decimal("0")
    discount: Decimal = Decimal("0")
    brand_name: str = ""
    locale: str = "es"  # a language code ("es", "en") or PayPal's five-character locale
    shipping_address: ShippingAddress | None = None
    email: str = ""  # pre-fills the PayPal login


def paypal_locale(locale):
    """PayPal's five-character locale for a Django language code ("es" -> "es-ES")."""
    if len(locale) == 5 and locale[2] in "-_":
        return f"{locale[:2].lower()}-{locale[3:].upper()}"
    return PAYPAL_LOCALES.get(locale.split("-")[0].lower(), "en-US")


def truncate(text, limit):
    """`text` cut to `limit` characters with an ellipsis, because PayPal rejects longer names."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def item_total(lines):
    """Sum of unit_price * quantity, the value PayPal checks item_total against."""
    return sum((line.unit_price * line.quantity for line in lines), Decimal("0"))


def build_order_body(order):
    """The POST /v2/checkout/orders body for `order` (intent CAPTURE, one purchase unit).

    Raises ValueError when the lines, shipping and discount do not add up to
    `order.total`, or an amount has more decimals than the currency allows.
    """
    currency = validate_currency(order.currency)
    if not order.lines:
        raise ValueError("a PayPal order needs at least one line")
    items_sum = item_total(order.lines)
    expected = items_sum + order.shipping - order.discount
    if expected != order.total:
        raise ValueError(
            f"order {order.reference}: lines {items_sum} + shipping {order.shipping} - discount {order.discount} "
            f"= {expected}, not the total {order.total}"
        )
    if order.total <= 0:
        raise ValueError(f"order {order.reference}: PayPal cannot charge {order.total}")
    unit = {
        "reference_id": order.reference,
        "custom_id": order.reference[:ID_MAX_LENGTH],
        "invoice_id": order.reference[:ID_MAX_LENGTH],
        "amount": {**to_paypal_money(order.total, currency), "breakdown": _breakdown(order, items_sum, currency)},
        "items": [_item(line, currency) for line in order.lines],
    }
    if order.shipping_address is not None:
        unit["shipping"] = _shipping(order.shipping_address)
    return {
        "intent": "CAPTURE",
        "purchase_units": [unit],
        "payment_source": {"paypal": _paypal_source(order)},
    }


def _breakdown(order, items_sum, currency):
    breakdown = {"item_total": to_paypal_money(items_sum, currency)}
    if order.shipping:
        breakdown["shipping"] = to_paypal_money(order.shipping, currency)
    if order.discount:
        breakdown["discount"] = to_paypal_money(order.discount, currency)
    return breakdown


def _item(line, currency):
    if not isinstance(line.quantity, int) or line.quantity < 1:
        raise ValueError(f"quantity must be a positive integer: {line.quantity!r}")
    item = {
        "name": truncate(line.name, NAME_MAX_LENGTH) or "-",
        "quantity": str(line.quantity),
        "unit_amount": to_paypal_money(line.unit_price, currency),
        "category": "PHYSICAL_GOODS",
    }
    if line.sku:
        item["sku"] = line.sku[:SKU_MAX_LENGTH]
    return item


def _shipping(address):
    portable = {
        "address_line_1": address.address_line_1[:300],
        "admin_area_2": address.city[:120],
        "postal_code": address.postal_code[:60],
        "country_code": address.country_code.upper(),
    }
    if address.address_line_2:
        portable["address_line_2"] = address.address_line_2[:300]
    if address.region:
        portable["admin_area_1"] = address.region[:300]
    return {"type": "SHIPPING", "name": {"full_name": address.full_name[:300]}, "address": portable}


def _paypal_source(order):
    context = {
        "return_url": order.return_url,
        "cancel_url": order.cancel_url,
        "locale": paypal_locale(order.locale),
        "user_action": "PAY_NOW",
        "shipping_preference": "SET_PROVIDED_ADDRESS" if order.shipping_address else "NO_SHIPPING",
    }
    if order.brand_name:
        context["brand_name"] = truncate(order.brand_name, NAME_MAX_LENGTH)
    source = {"experience_context": context}
    if order.email:
        source["email_address"] = order.email
    return source


def build_refund_body(*, amount=None, currency=None, invoice_id="", note=""):
    """The POST /v2/payments/captures/{id}/refund body; no amount refunds what is left of the capture."""
    body = {}
    if amount is not None:
        if currency is None:
            raise ValueError("a partial refund needs its currency")
        body["amount"] = to_paypal_money(amount, currency)
    if invoice_id:
        body["invoice_id"] = invoice_id[:ID_MAX_LENGTH]
    if note:
        body["note_to_payer"] = truncate(note, 255)
    return body
