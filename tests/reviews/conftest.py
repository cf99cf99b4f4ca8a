"""What the review tests share: delivered orders placed from real carts, and staff of every kind."""

import pytest
from django.contrib.auth.models import Permission

from checkout.models import OrderStatus, PaymentMethod
from checkout.orders import transition
from tests.checkout.test_orders_admin import new_order, user_in
from tests.clients import english_admin_client

DELIVERY_STEPS = (OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)


def deliver(order, steps=DELIVERY_STEPS):
    """Move `order` through the state machine as staff would."""
    for status in steps:
        transition(order, status)
    return order


def order_line_product(order):
    return order.lines.get().product


@pytest.fixture
def delivered_order(home, shop):
    """A bank-transfer order of one product (Ana Pérez), paid, packed, shipped and delivered."""
    return deliver(new_order(home, shop, PaymentMethod.BANK_TRANSFER))


@pytest.fixture
def product(delivered_order):
    return order_line_product(delivered_order)


def review_url(order, product_id, language="es"):
    return f"/{language}/review/{order.token}/{product_id}/"


def valid_review(**changes):
    return {"rating": "4", "title": "Muy buena", "body": "Hace un café estupendo cada mañana.",
            "author_name": "Ana P.", **changes}


def staff_with(django_user_model, username, *codenames):
    """An admin user (access_admin) holding exactly these reviews permissions."""
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.com")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="reviews", codename=codename))
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def moderator(django_user_model):
    return staff_with(django_user_model, "moderator", "view_review", "change_review", "delete_review")


@pytest.fixture
def moderator_client(moderator):
    return english_admin_client(moderator)


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "editor", "Editors")


@pytest.fixture
def editor_client(editor):
    return english_admin_client(editor)
