"""A logged-in customer's checkout form starts with their email, name and default address."""

import pytest
from bs4 import BeautifulSoup

from accounts.models import Address
from checkout.models import Order
from tests.factories import ShippingMethodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def carrier(db):
    return ShippingMethodFactory(countries=["ES", "PT"])


def checkout_form(client, mug):
    client.post("/es/cart/add/", {"product": mug.pk, "sku": "MUG-1", "quantity": 1})
    response = client.get("/es/checkout/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select_one("form.checkout-form")


def value(form, name):
    field = form.find(attrs={"name": name})
    if field.name == "select":
        selected = field.find("option", selected=True)
        return selected["value"] if selected else ""
    return field.get("value", "")


def test_the_form_starts_with_the_email_and_the_default_address(customer_client, customer, mug, carrier):
    Address.objects.create(user=customer, name="Otra", address_line1="Rua Augusta 1", postal_code="1100-148",
                           city="Lisboa", country="PT")
    Address.objects.create(user=customer, name="Lucía Gil", phone="600111222", address_line1="Calle Luna 3",
                           address_line2="2º B", postal_code="28004", city="Madrid", country="ES", is_default=True)

    form = checkout_form(customer_client, mug)

    assert value(form, "email") == "lucia@example.com"
    assert value(form, "name") == "Lucía Gil"
    assert value(form, "phone") == "600111222"
    assert value(form, "address_line1") == "Calle Luna 3"
    assert value(form, "address_line2") == "2º B"
    assert value(form, "postal_code") == "28004"
    assert value(form, "city") == "Madrid"
    assert value(form, "country") == "ES"


def test_without_an_address_the_email_and_the_accounts_name_are_used(customer_client, customer, mug, carrier):
    customer.last_name = "Gil"
    customer.save()

    form = checkout_form(customer_client, mug)

    assert value(form, "email") == "lucia@example.com"
    assert value(form, "name") == "Lucía Gil"
    assert value(form, "address_line1") == ""


def test_an_anonymous_visitor_gets_an_empty_form(client, home, customer, mug, carrier):
    form = checkout_form(client, mug)
    assert value(form, "email") == "" and value(form, "name") == ""


def test_the_prefilled_values_are_only_a_start_the_customer_can_change_them(customer_client, customer, mug, carrier):
    Address.objects.create(user=customer, name="Lucía Gil", address_line1="Calle Luna 3", postal_code="28004",
                           city="Madrid", country="ES", is_default=True)
    form = checkout_form(customer_client, mug)
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]") if field["type"] != "radio"}
    data.update(email="regalo@example.com", address_line1="Calle Sol 9", country="ES", shipping_method=carrier.pk,
                phone="600111222",
                payment_method="bank_transfer", accept_terms="on")
    data.pop("discount_code", None)

    response = customer_client.post("/es/checkout/", data)

    errors = BeautifulSoup(response.content.decode(), "html.parser").select(".field__error")
    assert response.status_code == 302, [error.get_text() for error in errors]
    order = Order.objects.get()
    assert order.user == customer
    assert order.email == "regalo@example.com" and order.address_line1 == "Calle Sol 9" and order.city == "Madrid"
