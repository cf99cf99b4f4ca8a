"""Fixtures of the customer service tests: shop addresses, an order, and the three kinds of admin users."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile

from home.models import ShopSettings
from tests.checkout.paypal_helpers import make_order
from tests.clients import english_admin_client

CUSTOMER_SERVICE = "ayuda@vitrina.example"


@pytest.fixture
def shop_settings(site):
    settings, _created = ShopSettings.objects.update_or_create(site=site, defaults={
        "shop_name": "Vitrina", "email": "hola@vitrina.example", "customer_service_email": CUSTOMER_SERVICE,
    })
    return settings


@pytest.fixture
def order(home, shop):
    return make_order(home, shop)


def admin_user_with(django_user_model, username, codenames=(), group=None):
    """A staff user who reads the admin in English, with the given support permissions or group."""
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@vitrina.example",
                                                 first_name=username.capitalize())
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="support", codename=codename))
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def agent(django_user_model):
    """Customer service staff: may see and answer tickets."""
    return admin_user_with(django_user_model, "marta", ["view_ticket", "change_ticket"])


@pytest.fixture
def agent_client(agent):
    return english_admin_client(agent)


@pytest.fixture
def viewer(django_user_model):
    """May read tickets and the report, not answer them."""
    return admin_user_with(django_user_model, "vera", ["view_ticket"])


@pytest.fixture
def editor(django_user_model):
    return admin_user_with(django_user_model, "eddie", group="Editors")
