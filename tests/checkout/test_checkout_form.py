"""The checkout form: each mistake is reported next to its field."""

from decimal import Decimal

import pytest

from checkout.forms import CheckoutForm
from checkout.models import CheckoutSettings
from tests.factories import DiscountCodeFactory, ShippingMethodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def store(site):
    return CheckoutSettings.for_site(site)


@pytest.fixture
def carriers(db):
    return {
        "spain": ShippingMethodFactory(name="Correos", countries=["ES", "PT"]),
        "usa": ShippingMethodFactory(name="UPS", countries=["US"]),
        "pickup": ShippingMethodFactory(pickup=True),
    }


def form(store, carriers, method="spain", subtotal=Decimal("30.00"), **data):
    values = {
        "email": "ana@example.com", "name": "Ana Pérez", "phone": "+34 600 000 000", "country": "ES",
        "address_line1": "Calle Mayor 1", "postal_code": "28001", "city": "Madrid",
        "shipping_method": str(carriers[method].pk), "payment_method": "paypal", "accept_terms": "on",
        "checkout_key": "k" * 32, **data,
    }
    return CheckoutForm(data={k: v for k, v in values.items() if v is not None}, subtotal=subtotal, store=store)


def test_a_complete_form_is_valid_and_carries_the_shipping_method(store, carriers):
    checkout = form(store, carriers)
    assert checkout.is_valid(), checkout.errors
    assert checkout.cleaned_data["shipping_method_object"] == carriers["spain"]


@pytest.mark.parametrize(
    "country, postal_code, ok",
    [("ES", "28001", True), ("ES", "2800", False), ("PT", "1100-148", True), ("PT", "1100148", False),
     ("ES", "", False)],
)
def test_postal_codes_follow_the_country(store, carriers, country, postal_code, ok):
    checkout = form(store, carriers, country=country, postal_code=postal_code)
    assert checkout.is_valid() is ok
    if not ok:
        assert list(checkout.errors) == ["postal_code"]


def test_a_carrier_that_does_not_serve_the_country_is_refused_on_its_field(store, carriers):
    checkout = form(store, carriers, method="usa", country="ES")
    assert not checkout.is_valid()
    assert list(checkout.errors) == ["shipping_method"]


def test_us_addresses_need_a_state(store, carriers):
    checkout = form(store, carriers, method="usa", country="US", postal_code="94105", region="")
    assert not checkout.is_valid()
    assert list(checkout.errors) == ["region"]


def test_pickup_needs_no_address(store, carriers):
    checkout = form(store, carriers, method="pickup", country="", address_line1="", postal_code="", city="")
    assert checkout.is_valid(), checkout.errors


def test_delivery_needs_the_street_and_city(store, carriers):
    checkout = form(store, carriers, address_line1="", city="")
    assert not checkout.is_valid()
    assert set(checkout.errors) == {"address_line1", "city"}


def test_terms_must_be_accepted(store, carriers):
    checkout = form(store, carriers, accept_terms=None)
    assert not checkout.is_valid()
    assert list(checkout.errors) == ["accept_terms"]


def test_a_refused_discount_code_is_explained_on_its_field(store, carriers):
    DiscountCodeFactory(code="GRANDE", minimum_subtotal=Decimal("100.00"))
    checkout = form(store, carriers, discount_code="grande")
    assert not checkout.is_valid()
    assert list(checkout.errors) == ["discount_code"]

    unknown = form(store, carriers, discount_code="NOEXISTE")
    assert not unknown.is_valid() and list(unknown.errors) == ["discount_code"]


def test_a_valid_discount_code_is_found_in_any_case(store, carriers):
    code = DiscountCodeFactory(code="VERANO")
    checkout = form(store, carriers, discount_code=" verano ")
    assert checkout.is_valid(), checkout.errors
    assert checkout.discount == code


def test_only_the_payment_methods_the_store_offers_are_accepted(store, carriers):
    store.offers_cash_on_delivery = False
    store.save()
    checkout = form(store, carriers, payment_method="cash_on_delivery")
    assert not checkout.is_valid()
    assert list(checkout.errors) == ["payment_method"]


@pytest.mark.parametrize("phone", ["600 000 000", "+34 600-000-000", "(91) 555 01 01"])
def test_phone_numbers_written_in_usual_ways_are_accepted(store, carriers, phone):
    assert form(store, carriers, phone=phone).is_valid()


@pytest.mark.parametrize("phone", ["call me", "12", "+34 600 000 000 ext 5 please"])
def test_phone_numbers_that_are_not_numbers_are_refused(store, carriers, phone):
    checkout = form(store, carriers, phone=phone)
    assert not checkout.is_valid() and list(checkout.errors) == ["phone"]
