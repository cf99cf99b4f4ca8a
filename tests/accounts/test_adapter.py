"""The shop's allauth adapter: emails in the shop's name, customers named by their email."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from accounts.adapter import shop_site, user_display
from home.models import ShopSettings

pytestmark = pytest.mark.django_db


def test_customers_are_named_by_their_email_not_the_generated_username():
    user = get_user_model()(username="lucia3", email="lucia@example.com")
    assert user_display(user) == "lucia@example.com"
    assert user_display(get_user_model()(username="staff")) == "staff"


def test_emails_are_signed_with_the_shop_name_and_the_host_the_customer_used(site):
    shop = ShopSettings.for_site(site)
    shop.shop_name = "Café Vitrina"
    shop.save()

    current = shop_site(RequestFactory().get("/es/account/signup/", HTTP_HOST="localhost"))

    assert current.name == "Café Vitrina"
    assert current.domain == "localhost"
