"""Customers, their logins and their guest orders, shared by the account tests."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from tests.checkout.test_orders_admin import new_order

PASSWORD = "Correct-Horse-42"


def make_customer(django_user_model, email, *, verified=True, first_name=""):
    """A customer account as allauth leaves it after sign-up (and, if `verified`, after confirming)."""
    user = django_user_model.objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, first_name=first_name,
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


@pytest.fixture
def customer(django_user_model):
    return make_customer(django_user_model, "lucia@example.com", first_name="Lucía")


@pytest.fixture
def other_customer(django_user_model):
    return make_customer(django_user_model, "marcos@example.com")


def logged_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def customer_client(customer):
    return logged_in(customer)


def guest_order(home, shop, email):
    """An order placed without an account, with `email` as its contact address."""
    order = new_order(home, shop)
    order.email = email
    order.save(update_fields=["email"])
    return order


@pytest.fixture
def mug(shop):
    """One variant, 9,90 €, ten in stock."""
    from tests.checkout.helpers import variant
    from tests.factories import ProductPageFactory

    return ProductPageFactory(parent=shop, title="Taza", slug="taza", variants=[variant("MUG-1", "9.90")], stock=10)
