"""Totals: worked examples with exact Decimals, then properties that must hold for any cart."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Site

from checkout.models import CheckoutSettings, DiscountCode, ShippingMethod
from checkout.pricing import Totals, compute_totals, line_total
from tests.factories import DiscountCodeFactory, ShippingMethodFactory

D = Decimal


def courier(price="4.90", free_above="50.00"):
    return ShippingMethodFactory.build(price=D(price), free_above=None if free_above is None else D(free_above))


def code(kind, value="0"):
    return DiscountCodeFactory.build(kind=kind, value=D(value))


def totals(items, **kwargs):
    kwargs.setdefault("tax_rate", D("21"))
    return compute_totals(items, **kwargs)


# Tax is the part of a tax-inclusive total that is tax.

@pytest.mark.parametrize(("total", "rate", "tax"), [
    ("121.00", "21", "21.00"),
    ("10.00", "21", "1.74"),    # 10 − 8.2645 = 1.7355
    ("59.70", "21", "10.36"),   # 59.70 − 49.3388 = 10.3612
    ("11.00", "10", "1.00"),
    ("10.40", "4", "0.40"),
    ("0.01", "100", "0.01"),    # half a cent of tax rounds up, not to even
    ("99.99", "0", "0.00"),
    ("0.00", "21", "0.00"),
])
def test_tax_is_the_part_of_the_total_that_is_tax(total, rate, tax):
    result = totals([(D(total), 1)], tax_rate=D(rate))

    assert result.total == D(total)
    assert result.tax == D(tax)
    assert result.total_before_tax == D(total) - D(tax)


def test_a_plain_cart():
    result = totals([(D("19.90"), 3), (D("5.25"), 2)])

    assert result == Totals(
        currency="EUR", subtotal=D("70.20"), discount=D("0.00"), shipping=D("0.00"), tax_rate=D("21.00"),
        tax=D("12.18"), total=D("70.20"), free_shipping=False,
    )


@pytest.mark.parametrize(("unit_price", "quantity", "expected"), [
    ("0.125", 1, "0.13"),      # half up, not banker's 0.12
    ("3.335", 3, "10.01"),     # 10.005
    ("19.90", 0, "0.00"),
    ("0.10", 3, "0.30"),       # no binary float drift
])
def test_line_totals_round_half_up_to_cents(unit_price, quantity, expected):
    assert line_total(D(unit_price), quantity) == D(expected)
    assert str(line_total(D(unit_price), quantity)) == expected


def test_percentage_discount_is_rounded_half_up():
    result = totals([(D("33.30"), 1)], discount_code=code("percentage", "15"))

    assert result.discount == D("5.00")  # 4.995
    assert result.total == D("28.30")


def test_percentage_discount_then_shipping_below_threshold():
    result = totals([(D("25.00"), 2)], discount_code=code("percentage", "10"), shipping_method=courier())

    assert (result.subtotal, result.discount, result.shipping) == (D("50.00"), D("5.00"), D("4.90"))
    assert result.total == D("49.90")
    assert result.tax == D("8.66")  # 49.90 − 41.2397
    assert result.free_shipping is False


def test_hundred_percent_off_leaves_only_shipping():
    result = totals([(D("30.00"), 1)], discount_code=code("percentage", "100"), shipping_method=courier())

    assert (result.discount, result.shipping, result.total) == (D("30.00"), D("4.90"), D("4.90"))


def test_fixed_discount():
    result = totals([(D("30.00"), 1)], discount_code=code("fixed", "10.00"))

    assert (result.discount, result.total, result.tax) == (D("10.00"), D("20.00"), D("3.47"))


def test_fixed_discount_larger_than_subtotal_is_capped_and_shipping_still_paid():
    result = totals([(D("30.00"), 1)], discount_code=code("fixed", "50.00"), shipping_method=courier())

    assert result.discount == D("30.00")
    assert result.shipping == D("4.90")
    assert result.total == D("4.90")
    assert result.tax == D("0.85")


def test_free_shipping_code_waives_shipping_and_takes_nothing_off():
    result = totals([(D("20.00"), 1)], discount_code=code("free_shipping", "7.00"), shipping_method=courier())

    assert (result.discount, result.shipping, result.total) == (D("0.00"), D("0.00"), D("20.00"))
    assert result.free_shipping is True


@pytest.mark.parametrize(("subtotal", "shipping", "free"), [
    ("49.99", "4.90", False),
    ("50.00", "0.00", True),
    ("120.00", "0.00", True),
])
def test_free_shipping_threshold(subtotal, shipping, free):
    result = totals([(D(subtotal), 1)], shipping_method=courier())

    assert result.shipping == D(shipping)
    assert result.free_shipping is free
    assert result.total == D(subtotal) + D(shipping)


def test_threshold_is_measured_after_the_discount():
    result = totals([(D("55.00"), 1)], discount_code=code("percentage", "10"), shipping_method=courier())

    assert result.subtotal - result.discount == D("49.50")
    assert result.shipping == D("4.90")


def test_method_without_threshold_always_charges():
    result = totals([(D("1000.00"), 1)], shipping_method=courier(free_above=None))

    assert result.shipping == D("4.90")


def test_pickup_costs_nothing_and_is_not_a_waiver():
    result = totals([(D("10.00"), 1)], shipping_method=ShippingMethodFactory.build(pickup=True))

    assert result.shipping == D("0.00")
    assert result.free_shipping is False


def test_empty_cart_is_all_zeros():
    result = totals([])

    assert (result.subtotal, result.discount, result.shipping, result.tax, result.total) == (D("0.00"),) * 5


def test_currency_defaults_to_the_store_currency(settings):
    settings.VITRINA_CURRENCY = "USD"

    assert totals([(D("1.00"), 1)]).currency == "USD"
    assert totals([(D("1.00"), 1)], currency="GBP").currency == "GBP"


@pytest.mark.django_db
def test_tax_rate_comes_from_checkout_settings():
    assert compute_totals([(D("121.00"), 1)]).tax_rate == D("21.00")

    CheckoutSettings.objects.create(site=Site.objects.get(is_default_site=True), tax_rate=D("10.00"))
    result = compute_totals([(D("110.00"), 1)])

    assert (result.tax_rate, result.tax) == (D("10.00"), D("10.00"))


@pytest.mark.parametrize("bad_items", [[(19.9, 1)], [("19.90", 1)], [(D("19.90"), 1.0)]])
def test_floats_and_strings_are_refused(bad_items):
    with pytest.raises(TypeError):
        totals(bad_items)


@pytest.mark.parametrize("bad_items", [[(D("-1.00"), 1)], [(D("1.00"), -1)], [(D("NaN"), 1)]])
def test_negative_and_nonsense_amounts_are_refused(bad_items):
    with pytest.raises(ValueError):
        totals(bad_items)


# Properties: whatever the cart, code and method, the arithmetic holds.

money = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
lines = st.lists(st.tuples(money, st.integers(min_value=0, max_value=50)), max_size=8)
discounts = st.one_of(
    st.none(),
    st.builds(lambda value: DiscountCode(kind="percentage", value=value),
              st.decimals(min_value=0, max_value=100, places=2)),
    st.builds(lambda value: DiscountCode(kind="fixed", value=value), money),
    st.just(DiscountCode(kind="free_shipping", value=D("0"))),
)
methods = st.one_of(
    st.none(),
    st.builds(lambda price, free_above: ShippingMethod(price=price, free_above=free_above),
              st.decimals(min_value=0, max_value=100, places=2), st.one_of(st.none(), money)),
)
rates = st.decimals(min_value=0, max_value=100, places=2)


def has_cents(amount):
    return isinstance(amount, Decimal) and amount.as_tuple().exponent == -2


@given(items=lines, discount_code=discounts, shipping_method=methods, tax_rate=rates)
def test_totals_add_up(items, discount_code, shipping_method, tax_rate):
    result = compute_totals(items, discount_code=discount_code, shipping_method=shipping_method, tax_rate=tax_rate)

    assert result.total == result.subtotal - result.discount + result.shipping
    assert result.subtotal == sum((line_total(price, quantity) for price, quantity in items), D("0"))
    assert D("0") <= result.discount <= result.subtotal
    assert D("0") <= result.tax <= result.total
    assert result.shipping >= 0
    if result.free_shipping:
        assert result.shipping == 0
    amounts = (result.subtotal, result.discount, result.shipping, result.tax, result.total, result.tax_rate)
    assert all(has_cents(amount) for amount in amounts), amounts


@given(total=money, tax_rate=rates)
def test_tax_is_within_half_a_cent_of_the_exact_share(total, tax_rate):
    tax = compute_totals([(total, 1)], tax_rate=tax_rate).tax
    exact = total * tax_rate / (100 + tax_rate)

    assert abs(tax - exact) <= D("0.005")


def test_free_shipping_code_before_a_method_is_chosen_promises_free_shipping():
    result = totals([(D("20.00"), 1)], discount_code=code("free_shipping"))

    assert (result.shipping, result.free_shipping) == (D("0.00"), True)


def test_free_shipping_code_with_pickup_waives_nothing():
    pickup = ShippingMethodFactory.build(pickup=True)
    result = totals([(D("20.00"), 1)], discount_code=code("free_shipping"), shipping_method=pickup)

    assert (result.shipping, result.free_shipping) == (D("0.00"), False)


def test_amounts_follow_the_currency_decimals():
    """PayPal refuses decimals for JPY, so a yen shop's totals are whole yen."""
    result = totals([(D("1000"), 3)], discount_code=code("percentage", "15"), shipping_method=courier("500.5", None),
                    currency="JPY")

    assert (result.subtotal, result.discount, result.shipping, result.total) == (
        D("3000"), D("450"), D("501"), D("3051"))
    assert result.tax == D("530")  # 3051 − 2521.49
    assert all(amount.as_tuple().exponent == 0 for amount in (result.subtotal, result.tax, result.total))
