"""Small result objects read from PayPal's answers, each keeping the parsed JSON in `raw`.

Callers work with these fields; `raw` is stored on the payment record so the
full answer is there when a dispute or a reconciliation needs it. Parsing
raises ValueError/KeyError/TypeError on an answer that lacks what we rely on;
the client turns that into GatewayUnavailable (PayPal answered nonsense).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from checkout.exceptions import AmountMismatch
from checkout.money import from_paypal_money

APPROVAL_RELS = ("payer-action", "approve")  # payer-action with payment_source.paypal, approve with the old flow


@dataclass(frozen=True)
class CreatedOrder:
    """A PayPal order just created: send the buyer to `approval_url`."""

    id: str
    status: str  # PAYER_ACTION_REQUIRED (or CREATED)
    approval_url: str
    raw: dict = field(repr=False)


@dataclass(frozen=True)
class Capture:
    """A capture (money taken); `order_id`/`order_status` are set when read from an order."""

    id: str
    status: str  # COMPLETED, PENDING, DECLINED, FAILED, PARTIALLY_REFUNDED, REFUNDED
    amount: Decimal
    currency: str
    order_id: str = ""
    order_status: str = ""
    raw: dict = field(default_factory=dict, repr=False)

    @property
    def is_completed(self):
        return self.status in ("COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED")

    def check_amount(self, amount, currency):
        """Raise AmountMismatch unless this capture took exactly `amount` in `currency`."""
        if self.currency != currency.upper() or self.amount != amount:
            raise AmountMismatch(
                expected_amount=amount,
                expected_currency=currency,
                actual_amount=self.amount,
                actual_currency=self.currency,
                raw=self.raw,
            )


@dataclass(frozen=True)
class PayPalOrder:
    """A PayPal order as PayPal shows it now (GET), with the captures it holds."""

    id: str
    status: str  # CREATED, PAYER_ACTION_REQUIRED, APPROVED, COMPLETED, VOIDED
    reference: str  # our order number (reference_id)
    captures: tuple[Capture, ...]
    raw: dict = field(repr=False)

    @property
    def payer_id(self):
        return (self.raw.get("payer") or {}).get("payer_id", "")


@dataclass(frozen=True)
class Refund:
    """A refund of (part of) a capture."""

    id: str
    status: str  # COMPLETED, PENDING, FAILED, CANCELLED
    amount: Decimal
    currency: str
    raw: dict = field(repr=False)


def link(resource, *rels):
    """The href of the first HATEOAS link with one of `rels`, or ""."""
    links = {item.get("rel"): item.get("href", "") for item in resource.get("links") or ()}
    return next((links[rel] for rel in rels if rel in links), "")


def parse_created_order(data):
    approval_url = link(data, *APPROVAL_RELS)
    if not approval_url:
        raise ValueError("PayPal order has no approval link")
    return CreatedOrder(id=_text(data, "id"), status=_text(data, "status"), approval_url=approval_url, raw=data)


def parse_capture(data, *, order_id="", order_status=""):
    amount, currency = from_paypal_money(data["amount"])
    return Capture(
        id=_text(data, "id"),
        status=_text(data, "status"),
        amount=amount,
        currency=currency,
        order_id=order_id or _related_order_id(data),
        order_status=order_status,
        raw=data,
    )


def parse_order(data):
    order_id, status = _text(data, "id"), _text(data, "status")
    captures = []
    units = data.get("purchase_units") or []
    for unit in units:
        for capture in (unit.get("payments") or {}).get("captures") or ():
            captures.append(parse_capture(capture, order_id=order_id, order_status=status))
    reference = units[0].get("reference_id", "") if units else ""
    return PayPalOrder(id=order_id, status=status, reference=reference, captures=tuple(captures), raw=data)


def parse_order_capture(data):
    """The capture made by POST /v2/checkout/orders/{id}/capture; its `raw` is the whole order answer."""
    order = parse_order(data)
    if not order.captures:
        raise ValueError(f"PayPal order {order.id} answered the capture without a capture")
    capture = order.captures[-1]
    return Capture(
        id=capture.id,
        status=capture.status,
        amount=capture.amount,
        currency=capture.currency,
        order_id=order.id,
        order_status=order.status,
        raw=data,
    )


def parse_refund(data):
    amount, currency = from_paypal_money(data["amount"])
    return Refund(id=_text(data, "id"), status=_text(data, "status"), amount=amount, currency=currency, raw=data)


def _text(data, key):
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"PayPal answer has no usable {key!r}: {value!r}")
    return value


def _related_order_id(capture):
    related = (capture.get("supplementary_data") or {}).get("related_ids") or {}
    return related.get("order_id", "")
