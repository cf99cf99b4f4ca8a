"""Money helpers: quantising, PayPal's string amounts per currency, supported currencies."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from checkout.money import (
    PAYPAL_CURRENCIES,
    ZERO_DECIMAL_CURRENCIES,
    decimal_places,
    from_paypal_amount,
    from_paypal_money,
    is_supported_currency,
    quantize,
    store_currency,
    to_paypal_amount,
    to_paypal_money,
    validate_currency,
)

currencies = st.sampled_from(sorted(PAYPAL_CURRENCIES))


@st.composite
def amounts_in(draw, currency=None):
    """(amount, currency) with exactly the currency's decimals, from 0 to a trillion."""
    code = currency or draw(currencies)
    places = decimal_places(code)
    units = draw(st.integers(min_value=0, max_value=10**12 * 10**places))
    return Decimal(units).scaleb(-places), code


@given(amounts_in())
def test_amount_to_string_and_back_is_the_same_amount(amount_and_currency):
    amount, currency = amount_and_currency
    text = to_paypal_amount(amount, currency)
    assert from_paypal_amount(text, currency) == amount
    assert from_paypal_money(to_paypal_money(amount, currency)) == (amount, currency)


@given(amounts_in())
def test_string_to_amount_and_back_is_the_same_string(amount_and_currency):
    amount, currency = amount_and_currency
    text = to_paypal_amount(amount, currency)
    assert to_paypal_amount(from_paypal_amount(text, currency), currency) == text
    assert ("." in text) == (currency not in ZERO_DECIMAL_CURRENCIES)
    if "." in text:
        assert len(text.split(".")[1]) == 2


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=6), currencies)
def test_quantize_rounds_to_the_nearest_unit_and_is_idempotent(value, currency):
    rounded = quantize(value, currency)
    step = Decimal(1).scaleb(-decimal_places(currency))
    assert abs(rounded - value) <= step / 2
    assert quantize(rounded, currency) == rounded
    assert rounded.as_tuple().exponent == -decimal_places(currency)


@pytest.mark.parametrize(
    "value, currency, expected",
    [
        ("2.675", None, "2.68"),  # half up, where binary floats famously round down
        ("-2.675", "EUR", "-2.68"),  # halves away from zero
        ("2.665", "EUR", "2.67"),  # not banker's rounding
        ("1234.5", "JPY", "1235"),
        ("12", "HUF", "12"),
        (7, "TWD", "7"),
    ],
)
def test_quantize_rounds_half_up(value, currency, expected):
    assert quantize(value, currency) == Decimal(expected)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        quantize(0.1)
    with pytest.raises(TypeError):
        to_paypal_amount(0.1, "EUR")


@pytest.mark.parametrize(
    "amount, currency, expected",
    [
        (Decimal("12.3"), "EUR", "12.30"),
        (Decimal("0"), "USD", "0.00"),
        (Decimal("1230"), "JPY", "1230"),
        (Decimal("1E+3"), "EUR", "1000.00"),
        ("5", "GBP", "5.00"),
    ],
)
def test_to_paypal_amount(amount, currency, expected):
    assert to_paypal_amount(amount, currency) == expected


@pytest.mark.parametrize(
    "amount, currency",
    [(Decimal("12.345"), "EUR"), (Decimal("12.5"), "JPY"), (Decimal("-1.00"), "EUR"), (Decimal("NaN"), "EUR")],
)
def test_to_paypal_amount_refuses_what_paypal_would(amount, currency):
    with pytest.raises(ValueError):
        to_paypal_amount(amount, currency)


@pytest.mark.parametrize("text", ["", "1e3", "1,00", "-1.00", " 1.00", "1.", "abc", 12.3, None, "1" * 40])
def test_from_paypal_amount_refuses_garbled_amounts(text):
    with pytest.raises(ValueError):
        from_paypal_amount(text, "EUR")


@pytest.mark.parametrize("money", [{}, {"currency_code": "EUR"}, {"currency_code": "EURO", "value": "1"}, "1.00"])
def test_from_paypal_money_refuses_garbled_objects(money):
    with pytest.raises(ValueError):
        from_paypal_money(money)


def test_supported_currencies():
    assert len(PAYPAL_CURRENCIES) == 24
    assert is_supported_currency("eur") and validate_currency("eur") == "EUR"
    assert not is_supported_currency("ARS") and not is_supported_currency(None)
    with pytest.raises(ValidationError):
        validate_currency("ARS")
    assert [decimal_places(code) for code in ("EUR", "JPY", "HUF", "TWD", None)] == [2, 0, 0, 0, 2]


def test_store_currency_comes_from_settings(settings):
    settings.VITRINA_CURRENCY = "usd"
    assert store_currency() == "USD"
    settings.VITRINA_CURRENCY = "XXX"
    with pytest.raises(ValidationError):
        store_currency()
