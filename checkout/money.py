"""Money helpers: Decimal quantising and PayPal's string amounts, per currency.

Money is always `Decimal` (never float). PayPal sends and expects amounts as
strings with exactly the currency's number of decimals ("12.30" EUR, "1230"
JPY) and refuses other precisions, so conversion lives here, in one place.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Currencies PayPal accepts for payments (PayPal REST "Currency Codes").
PAYPAL_CURRENCIES = frozenset(
    "AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS JPY MYR MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD".split()
)
# PayPal takes these without decimals (DECIMALS_NOT_SUPPORTED otherwise).
ZERO_DECIMAL_CURRENCIES = frozenset({"HUF", "JPY", "TWD"})

# The `value` pattern of PayPal's `money` schema, restricted to non-negative amounts.
_PAYPAL_VALUE = re.compile(r"^(?:[0-9]+|[0-9]*\.[0-9]+)$")
_PAYPAL_VALUE_MAX_LENGTH = 32


def decimal_places(currency=None):
    """How many decimals `currency` has at PayPal; 2 when no currency is given."""
    if currency is None:
        return 2
    return 0 if validate_currency(currency) in ZERO_DECIMAL_CURRENCIES else 2


def _exponent(currency):
    return Decimal(1).scaleb(-decimal_places(currency))


def _as_decimal(amount):
    """Decimal from a Decimal, int or numeric string; floats are refused because they are inexact."""
    if isinstance(amount, float):
        raise TypeError("money must not be a float; use Decimal or a string")
    if isinstance(amount, Decimal):
        return amount
    try:
        return Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"not an amount: {amount!r}") from None


def quantize(amount, currency=None):
    """Round `amount` to the currency's decimals (2 by default), halves away from zero (ROUND_HALF_UP)."""
    return _as_decimal(amount).quantize(_exponent(currency), rounding=ROUND_HALF_UP)


def is_supported_currency(code):
    """True if PayPal can take payments in the ISO 4217 code `code`."""
    return isinstance(code, str) and code.upper() in PAYPAL_CURRENCIES


def validate_currency(code):
    """Return the upper-case code, or raise ValidationError if PayPal does not support it.

    Usable as a model/form field validator and from a system check on the store currency.
    """
    if not is_supported_currency(code):
        raise ValidationError(
            _("%(code)s is not a currency PayPal supports."), code="unsupported_currency", params={"code": code}
        )
    return code.upper()


def store_currency():
    """The shop's one currency (settings.VITRINA_CURRENCY), validated against PayPal's list."""
    return validate_currency(settings.VITRINA_CURRENCY)


def to_paypal_amount(amount, currency):
    """PayPal's string for `amount` in `currency`: "12.30" for EUR, "1230" for JPY.

    Strict on purpose: an amount with more decimals than the currency allows, or
    a negative one, raises ValueError instead of being rounded, because PayPal
    checks that the breakdown adds up to the cent and a silently rounded line
    would make the whole order fail there. Quantise first with `quantize()`.
    """
    value = _as_decimal(amount)
    if not value.is_finite() or value < 0:
        raise ValueError(f"PayPal amounts must be finite and not negative: {amount!r}")
    exact = value.quantize(_exponent(currency), rounding=ROUND_HALF_UP)
    if exact != value:
        raise ValueError(f"{amount!r} has more decimals than {currency} allows ({decimal_places(currency)})")
    text = f"{exact:f}"
    if len(text) > _PAYPAL_VALUE_MAX_LENGTH:
        raise ValueError(f"amount too large for PayPal: {amount!r}")
    return text


def from_paypal_amount(value, currency):
    """Decimal for PayPal's string `value`, quantised to the currency's decimals ("12.3" -> Decimal("12.30")).

    Raises ValueError for anything that is not PayPal's non-negative amount syntax
    (PayPal never sends floats or exponents; if it seems to, the answer is garbled).
    """
    if not isinstance(value, str) or not _PAYPAL_VALUE.match(value) or len(value) > _PAYPAL_VALUE_MAX_LENGTH:
        raise ValueError(f"not a PayPal amount: {value!r}")
    return quantize(Decimal(value), currency)


def to_paypal_money(amount, currency):
    """PayPal's `money` object: {"currency_code": "EUR", "value": "12.30"}."""
    code = validate_currency(currency)
    return {"currency_code": code, "value": to_paypal_amount(amount, code)}


def from_paypal_money(money):
    """(Decimal amount, currency code) from PayPal's `money` object; ValueError if it is malformed."""
    try:
        currency = money["currency_code"]
        value = money["value"]
    except (KeyError, TypeError):
        raise ValueError(f"not a PayPal money object: {money!r}") from None
    if not isinstance(currency, str) or len(currency) != 3:
        raise ValueError(f"not a currency code: {currency!r}")
    currency = currency.upper()
    places = 0 if currency in ZERO_DECIMAL_CURRENCIES else 2
    if not isinstance(value, str) or not _PAYPAL_VALUE.match(value):
        raise ValueError(f"not a PayPal amount: {value!r}")
    # Not validate_currency(): an answer in a currency we do not sell in is still read, so it can be reported.
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), currency
