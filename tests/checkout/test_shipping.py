"""Shipping methods offered at checkout: where they deliver, what they cost this order, in the reader's language."""

from decimal import Decimal

import pytest
from django.utils import translation

from checkout.pricing import compute_totals
from checkout.shipping import available_methods, get_available_method, shipping_choices_for
from tests.factories import ShippingMethodFactory

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def methods():
    """Staff's order: pickup, Spanish courier, European courier; plus an inactive one."""
    return {
        "pickup": ShippingMethodFactory(pickup=True, sort_order=0),
        "spain": ShippingMethodFactory(name="Correos", countries=["ES"], sort_order=1),
        "europe": ShippingMethodFactory(
            name="DHL", countries=["ES", "PT", "FR"], price=D("12.00"), free_above=None, sort_order=2,
        ),
        "retired": ShippingMethodFactory(name="Antiguo", countries=["ES", "PT"], is_active=False, sort_order=3),
    }


def names(method_list):
    return [method.name for method in method_list]


def test_without_a_country_every_active_method_is_listed_in_staff_order(methods):
    assert names(available_methods()) == ["Recogida en tienda", "Correos", "DHL"]
    assert names(available_methods("")) == ["Recogida en tienda", "Correos", "DHL"]


@pytest.mark.parametrize(("country", "expected"), [
    ("ES", ["Recogida en tienda", "Correos", "DHL"]),
    ("pt", ["Recogida en tienda", "DHL"]),
    ("US", ["Recogida en tienda"]),
])
def test_carriers_are_offered_only_where_they_deliver_and_pickup_always(methods, country, expected):
    assert names(available_methods(country)) == expected


def test_sort_order_is_respected(methods):
    methods["europe"].sort_order = 0
    methods["europe"].save()
    methods["pickup"].sort_order = 9
    methods["pickup"].save()

    assert names(available_methods("ES")) == ["DHL", "Correos", "Recogida en tienda"]


def test_choices_carry_the_price_this_order_pays(methods):
    below = {choice.name: choice for choice in shipping_choices_for(D("30.00"), "ES")}
    above = {choice.name: choice for choice in shipping_choices_for(D("50.00"), "ES")}

    assert (below["Correos"].price, below["Correos"].is_free, below["Correos"].amount_to_free) == (
        D("4.90"), False, D("20.00"))
    assert (above["Correos"].price, above["Correos"].is_free, above["Correos"].amount_to_free) == (
        D("0.00"), True, None)
    assert (below["DHL"].price, below["DHL"].amount_to_free) == (D("12.00"), None)
    assert (above["DHL"].price, above["DHL"].is_free) == (D("12.00"), False)
    assert (below["Recogida en tienda"].price, below["Recogida en tienda"].is_free) == (D("0.00"), False)
    assert below["Recogida en tienda"].is_pickup and not below["Correos"].is_pickup


def test_free_shipping_code_makes_every_method_free(methods):
    choices = shipping_choices_for(D("10.00"), "ES", free_shipping_code=True)

    assert [choice.price for choice in choices] == [D("0.00")] * 3
    assert [choice.is_free for choice in choices] == [False, True, True]  # pickup was free anyway


def test_choices_agree_with_the_order_total(methods):
    items = [(D("24.90"), 2)]
    for subtotal in (D("30.00"), D("49.80"), D("50.00")):
        for choice in shipping_choices_for(subtotal, "ES"):
            assert compute_totals([(subtotal, 1)], shipping_method=choice.method, tax_rate=D("21")).shipping == (
                choice.price)
    assert compute_totals(items, shipping_method=methods["spain"], tax_rate=D("21")).shipping == D("4.90")


def test_names_and_promises_follow_the_active_language(methods):
    courier = methods["spain"]
    courier.name_en = "Spanish post"
    courier.save()
    choice = next(choice for choice in shipping_choices_for(D("10.00"), "ES") if choice.method == courier)

    with translation.override("en"):
        assert (choice.name, choice.promise) == ("Spanish post", "Delivered in 2-4 working days")
    with translation.override("es"):
        assert (choice.name, choice.promise) == ("Correos", "Entrega en 2-4 días laborables")


def test_english_falls_back_to_spanish_when_not_translated(methods):
    courier = methods["spain"]
    courier.name_en = courier.delivery_promise_en = ""
    courier.save()

    with translation.override("en"):
        choice = shipping_choices_for(D("10.00"), "ES")[1]
        assert (choice.name, choice.promise) == ("Correos", "Entrega en 2-4 días laborables")


def test_a_posted_method_id_is_checked_against_the_country(methods):
    spain, europe = methods["spain"], methods["europe"]

    assert get_available_method(str(spain.pk), "ES") == spain
    assert get_available_method(spain.pk, "PT") is None
    assert get_available_method(europe.pk, "PT") == europe
    assert get_available_method(methods["retired"].pk, "ES") is None
    assert get_available_method(methods["pickup"].pk, "US") == methods["pickup"]
    for bad in ("", "abc", None, "999999", "1; DROP TABLE"):
        assert get_available_method(bad, "ES") is None
