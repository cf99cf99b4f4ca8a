"""Who sees the after-sale screens: the "Customer service" group does, editors do not.

The group comes from a migration (support 0002); these tests use it as it is
shipped, so a permission missing from the migration fails here.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from checkout.models import OrderStatus
from tests.checkout.test_admin import admin_user_with, logged_in, menu_labels
from tests.checkout.test_orders_admin import new_order

pytestmark = pytest.mark.django_db

SCREENS = {
    "Customer service/Tickets": "tickets:index",
    "Customer service/Returns": "return_requests:index",
    "Customer service/Quote requests": "quote_requests:index",
    "Customer service/Reviews": "review_moderation:index",
    "Customer service/Damaged stock": "damaged_stock:index",
}


@pytest.fixture(autouse=True)
def _admin_urls_loaded():
    reverse("wagtailadmin_home")  # viewsets register their menu items when the admin URLs load


def test_the_group_holds_exactly_the_after_sale_permissions():
    codenames = set(Group.objects.get(name="Customer service").permissions.values_list("codename", flat=True))

    assert {"view_ticket", "change_ticket", "view_returnrequest", "change_returnrequest", "view_quoterequest",
            "change_quoterequest", "view_review", "change_review", "view_order"} <= codenames
    # Orders are read, never run: payments, shipping and refunds stay with shop staff.
    assert not codenames & {"manage_orders", "change_order", "delete_order", "change_shippingmethod",
                            "change_discountcode"}


def test_customer_service_sees_and_opens_every_after_sale_screen(django_user_model, home, shop):
    agent = admin_user_with(django_user_model, "agent", group="Customer service")
    client = logged_in(agent)

    labels = set(menu_labels(agent))
    assert set(SCREENS) <= labels
    assert "Sales/Orders" in labels and "Sales/Discount codes" not in labels
    for url_name in list(SCREENS.values()) + ["orders:index", "support_reports:response_times"]:
        assert client.get(reverse(url_name)).status_code == 200, url_name

    order = new_order(home, shop)
    page = client.get(reverse("orders:inspect", args=[order.pk]))
    assert page.status_code == 200 and order.email in page.content.decode()
    response = client.post(reverse("orders:action", args=[order.pk, "cancel"]), {"note": ""})
    assert response.status_code in (302, 403)  # Wagtail sends a refused admin request home with a message
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_editors_see_and_reach_none_of_it(django_user_model, home, shop):
    editor = admin_user_with(django_user_model, "editor", group="Editors")
    client = logged_in(editor)
    order = new_order(home, shop)

    labels = menu_labels(editor)
    assert not any(label.startswith(("Customer service", "Sales")) for label in labels)
    urls = [reverse(name) for name in SCREENS.values()] + [
        reverse("orders:index"), reverse("orders:inspect", args=[order.pk]),
        reverse("support_reports:response_times"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith(reverse("wagtailadmin_home")), url
        assert order.email not in response.content.decode()
