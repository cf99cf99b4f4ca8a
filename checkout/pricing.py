"""Order totals: the one place where subtotal, discount, shipping, tax and total are computed.

The cart page, the checkout summary, the order that gets saved and the amount
sent to PayPal all come from `compute_totals`, so they can never disagree, and
the server always recomputes them from product prices and quantities (nothing
the browser sends is trusted).

Prices include tax (DESIGN.md): the tax is not added on top, it is the part
of the total that is tax, shown on the order for the customer's invoice.
Every amount is rounded once, where it is produced, to the currency's
decimals (2 for EUR) with halves rounded up (`checkout.money.quantize`).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from wagtail.models import Site

from .models import CheckoutSettings, DiscountCode
from .money import quantize

HUNDRED = Decimal("100")
DEFAULT_TAX_RATE = Decimal("21.00")
_RATE_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Totals:
    """Every amount of an order, Decimal in `currency`'s decimals (2 for EUR).

    `total == subtotal - discount + shipping`; `tax` is included in `total`.
    `free_shipping` is True when shipping was waived: a free-shipping code, or a
    method's free-from threshold reached; not for methods that cost nothing anyway
    (pickup), so the summary never boasts about waiving a zero price.
    """

    currency: str
    subtotal: Decimal
    discount: Decimal
    shipping: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    free_shipping: bool

    @property
    def total_before_tax(self):
        """The total without its tax, for invoices and PayPal breakdowns that want it."""
        return self.total - self.tax


def _round(amount, currency):
    """Round once, to the currency's decimals; no currency means the store's."""
    return quantize(amount, currency or settings.VITRINA_CURRENCY)


def _as_decimal(value, what):
    """Money must be Decimal (or int); a float has already lost cents, so it is refused."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"{what} must be a Decimal, not {type(value).__name__}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"{what} must be a finite amount")
    return value


def line_total(unit_price, quantity, currency=None):
    """One cart or order line: unit price × quantity, rounded to the currency's decimals.

    Orders snapshot `line_total` with this function so lines add up to the subtotal.
    """
    unit_price = _as_decimal(unit_price, "unit_price")
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise TypeError("quantity must be an int")
    if unit_price < 0 or quantity < 0:
        raise ValueError("unit_price and quantity cannot be negative")
    return _round(unit_price * quantity, currency)


def discount_amount(discount_code, subtotal, currency=None):
    """What a discount code takes off the subtotal: never negative, never more than the subtotal.

    Free-shipping codes take nothing off the subtotal (they waive shipping instead).
    Whether the code may be used at all is `checkout.discounts.find_discount`'s job.
    """
    zero = _round(0, currency)
    if discount_code is None:
        return zero
    value = _as_decimal(discount_code.value or 0, "discount value")
    if discount_code.kind == DiscountCode.Kind.PERCENTAGE:
        amount = _round(subtotal * value / HUNDRED, currency)
    elif discount_code.kind == DiscountCode.Kind.FIXED:
        amount = _round(value, currency)
    else:
        amount = zero
    return min(max(amount, zero), subtotal)


def is_free_shipping_code(discount_code):
    """True for a code that waives shipping instead of taking money off the subtotal."""
    return discount_code is not None and discount_code.kind == DiscountCode.Kind.FREE_SHIPPING


def shipping_cost(method, subtotal_after_discount, *, free_shipping_code=False, currency=None):
    """(price, waived) of a shipping method for an order of this subtotal after discounts.

    `waived` is True when a positive price was not charged: a free-shipping code
    or the method's free-from threshold. No method chosen yet costs nothing, and
    counts as waived when a free-shipping code will waive whatever is chosen.
    """
    zero = _round(0, currency)
    if method is None:
        return zero, free_shipping_code
    price = _round(_as_decimal(method.price, "shipping price"), currency)
    threshold_reached = method.free_above is not None and subtotal_after_discount >= method.free_above
    if free_shipping_code or threshold_reached:
        return zero, price > 0
    return price, False


def tax_included(total, tax_rate, currency=None):
    """The part of a tax-inclusive `total` that is tax: total − total / (1 + rate/100), rounded once."""
    if tax_rate <= 0:
        return _round(0, currency)
    net = total / (1 + tax_rate / HUNDRED)
    return _round(total - net, currency)


def default_tax_rate():
    """The tax rate in the default site's CheckoutSettings, 21% if none were saved.

    Reads without creating a settings row. Views serving several sites should pass
    `CheckoutSettings.for_request(request).tax_rate` to `compute_totals` instead.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_TAX_RATE
    rate = CheckoutSettings.objects.filter(site=site).values_list("tax_rate", flat=True).first()
    return DEFAULT_TAX_RATE if rate is None else rate


def _tax_rate(tax_rate):
    rate = _as_decimal(default_tax_rate() if tax_rate is None else tax_rate, "tax_rate")
    if rate < 0:
        raise ValueError("tax_rate cannot be negative")
    return rate.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP)


def compute_totals(items, *, shipping_method=None, discount_code=None, tax_rate=None, currency=None):
    """Totals of an order from its lines, shipping method and an already-accepted discount code.

    `items` is an iterable of (unit_price: Decimal, quantity: int); prices include tax.
    `tax_rate` is a percentage (21 for 21%), read from CheckoutSettings when None;
    `currency` defaults to settings.VITRINA_CURRENCY and sets the decimals.
    """
    currency = currency or settings.VITRINA_CURRENCY
    rate = _tax_rate(tax_rate)
    lines = [line_total(price, quantity, currency) for price, quantity in items]
    subtotal = sum(lines, _round(0, currency))
    discount = discount_amount(discount_code, subtotal, currency)
    shipping, waived = shipping_cost(
        shipping_method, subtotal - discount,
        free_shipping_code=is_free_shipping_code(discount_code), currency=currency,
    )
    total = max(subtotal - discount + shipping, _round(0, currency))
    return Totals(
        currency=currency,
        subtotal=subtotal,
        discount=discount,
        shipping=shipping,
        tax_rate=rate,
        tax=tax_included(total, rate, currency),
        total=total,
        free_shipping=waived,
    )
