"""Shipping methods and discount codes in the admin: CRUD, field errors (never a 500), who sees the menu."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.menu import admin_menu
from wagtail.users.models import UserProfile

from checkout.models import DiscountCode, OrderStatus, ShippingMethod
from tests.checkout.test_discounts import order_using
from tests.factories import DiscountCodeFactory, ShippingMethodFactory

D = Decimal
pytestmark = pytest.mark.django_db


def discount_form(**changes):
    data = {
        "code": "verano10", "description": "Campaña de verano", "kind": "percentage", "value": "10",
        "valid_from": "", "valid_until": "", "usage_limit": "", "usage_limit_per_customer": "",
        "minimum_subtotal": "", "is_active": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def shipping_form(**changes):
    data = {
        "name": "Correos Express", "name_en": "Express post", "delivery_promise": "Entrega en 24 horas",
        "delivery_promise_en": "Delivered in 24 hours", "price": "6.90", "free_above": "80.00",
        "countries": ["ES", "PT"], "is_active": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def field_errors(response):
    """{field: [message, ...]} of the form the admin re-rendered, read in English."""
    assert response.status_code == 200
    with translation.override("en"):
        errors = response.context["form"].errors
        return {field: [str(message) for message in messages] for field, messages in errors.items()}


# Discount codes

def test_discount_code_listing_search_and_filters(admin_client):
    summer = DiscountCodeFactory(code="VERANO10", description="Campaña de verano", usage_limit=100,
                                 valid_until=timezone.make_aware(datetime(2030, 9, 1)))
    DiscountCodeFactory(code="ENVIO", kind=DiscountCode.Kind.FREE_SHIPPING, value=D("0"), is_active=False)
    order_using(summer)
    order_using(summer, status=OrderStatus.CANCELLED)
    url = reverse("discount_codes:index")

    listing = admin_client.get(url)
    assert listing.status_code == 200
    assert [code.code for code in listing.context["object_list"]] == ["ENVIO", "VERANO10"]
    content = listing.content.decode()
    assert "1 / 100" in content  # cancelled orders give their use back
    assert "2030" in content  # a future end date is a date, not Wagtail's "Just now"

    def codes(**params):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        return [code.code for code in response.context["object_list"]]

    assert codes(q="verano") == ["VERANO10"]
    assert codes(q="campaña") == ["VERANO10"]
    assert codes(is_active="false") == ["ENVIO"]
    assert codes(kind="free_shipping") == ["ENVIO"]
    assert admin_client.get(url, {"ordering": "-times_used"}).status_code == 200


def test_create_edit_and_delete_a_discount_code(admin_client):
    assert admin_client.get(reverse("discount_codes:add")).status_code == 200
    response = admin_client.post(
        reverse("discount_codes:add"), discount_form(code="  verano10 ", minimum_subtotal="30"))
    assert response.status_code == 302

    code = DiscountCode.objects.get()
    assert (code.code, code.kind, code.value, code.minimum_subtotal) == ("VERANO10", "percentage", D("10"), D("30"))
    assert admin_client.get(reverse("discount_codes:edit", args=(code.pk,))).status_code == 200

    response = admin_client.post(
        reverse("discount_codes:edit", args=(code.pk,)),
        discount_form(code="VERANO10", kind="fixed", value="5.50", valid_from="2030-06-01 00:00",
                      valid_until="2030-09-01 00:00", usage_limit="50", usage_limit_per_customer="1"),
    )
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.kind, code.value, code.usage_limit, code.usage_limit_per_customer) == ("fixed", D("5.50"), 50, 1)
    assert timezone.localtime(code.valid_from).date() == date(2030, 6, 1)  # the admin's time zone
    assert timezone.localtime(code.valid_until).date() == date(2030, 9, 1)

    assert admin_client.get(reverse("discount_codes:delete", args=(code.pk,))).status_code == 200
    assert admin_client.post(reverse("discount_codes:delete", args=(code.pk,))).status_code == 302
    assert not DiscountCode.objects.exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"value": "-5"}, "value", "greater than or equal to 0"),
    ({"value": "150"}, "value", "A percentage cannot be above 100."),
    ({"value": "abc"}, "value", "Enter a number."),
    ({"value": "10.123"}, "value", "no more than 2 decimal places"),
    ({"valid_from": "2030-06-01 00:00", "valid_until": "2030-05-01 00:00"}, "valid_until", "The end must be after"),
    ({"valid_from": "2030-06-01 00:00", "valid_until": "2030-06-01 00:00"}, "valid_until", "The end must be after"),
    ({"code": "   "}, "code", "This field is required."),
    ({"kind": "bogus"}, "kind", "Select a valid choice."),
    ({"usage_limit": "-1"}, "usage_limit", "greater than or equal to 0"),
    ({"minimum_subtotal": "-0.01"}, "minimum_subtotal", "greater than or equal to 0"),
])
def test_bad_discount_codes_get_a_field_error(admin_client, changes, field, message):
    response = admin_client.post(reverse("discount_codes:add"), discount_form(**changes))

    errors = field_errors(response)
    assert field in errors, errors
    assert any(message in error for error in errors[field]), errors
    assert not DiscountCode.objects.exists()


def test_a_fixed_amount_above_100_is_fine(admin_client):
    response = admin_client.post(reverse("discount_codes:add"), discount_form(kind="fixed", value="150"))

    assert response.status_code == 302
    assert DiscountCode.objects.get().value == D("150")


def test_duplicate_code_in_another_case_is_a_field_error(admin_client):
    existing = DiscountCodeFactory(code="VERANO10")

    response = admin_client.post(reverse("discount_codes:add"), discount_form(code=" Verano10"))
    assert field_errors(response) == {"code": ["There is already a code VERANO10."]}

    other = DiscountCodeFactory(code="OTOÑO")
    response = admin_client.post(reverse("discount_codes:edit", args=(other.pk,)), discount_form(code="verano10"))
    assert field_errors(response) == {"code": ["There is already a code VERANO10."]}
    assert list(DiscountCode.objects.values_list("code", flat=True)) == ["OTOÑO", "VERANO10"]

    response = admin_client.post(reverse("discount_codes:edit", args=(existing.pk,)), discount_form(code="verano10"))
    assert response.status_code == 302  # saving a code under its own name is no clash


# Shipping methods

def test_shipping_method_listing_search_and_filters(admin_client):
    ShippingMethodFactory(name="Correos", countries=["ES", "PT"])
    ShippingMethodFactory(pickup=True, is_active=False)
    url = reverse("shipping_methods:index")

    listing = admin_client.get(url)
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "ES, PT" in content and "Correos" in content

    def names(**params):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        return [method.name for method in response.context["object_list"]]

    assert names(q="correos") == ["Correos"]
    assert names(is_pickup="true") == ["Recogida en tienda"]
    assert names(is_active="true") == ["Correos"]


def test_create_edit_and_delete_a_shipping_method(admin_client):
    ShippingMethodFactory(sort_order=4)
    assert admin_client.get(reverse("shipping_methods:add")).status_code == 200
    response = admin_client.post(reverse("shipping_methods:add"), shipping_form())
    assert response.status_code == 302

    method = ShippingMethod.objects.get(name="Correos Express")
    assert (method.price, method.free_above) == (D("6.90"), D("80.00"))
    assert [country.code for country in method.countries] == ["ES", "PT"]
    assert method.sort_order == 5  # new methods go last; staff drag them into place
    assert admin_client.get(reverse("shipping_methods:edit", args=(method.pk,))).status_code == 200

    response = admin_client.post(
        reverse("shipping_methods:edit", args=(method.pk,)),
        shipping_form(name="Recogida", price="0", free_above="", countries=[], is_pickup="on"),
    )
    assert response.status_code == 302
    method.refresh_from_db()
    assert (method.is_pickup, method.free_above, list(method.countries)) == (True, None, [])

    assert admin_client.post(reverse("shipping_methods:delete", args=(method.pk,))).status_code == 302
    assert not ShippingMethod.objects.filter(pk=method.pk).exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"price": "-1"}, "price", "greater than or equal to 0"),
    ({"price": ""}, "price", "This field is required."),
    ({"free_above": "-10"}, "free_above", "greater than or equal to 0"),
    ({"countries": []}, "countries", "Choose the countries this method delivers to"),
    ({"countries": ["XX"]}, "countries", "Select a valid choice."),
    ({"name": ""}, "name", "This field is required."),
])
def test_bad_shipping_methods_get_a_field_error(admin_client, changes, field, message):
    response = admin_client.post(reverse("shipping_methods:add"), shipping_form(**changes))

    errors = field_errors(response)
    assert any(message in error for error in errors.get(field, [])), errors
    assert not ShippingMethod.objects.exists()


def test_staff_can_reorder_shipping_methods(admin_client):
    first, second = ShippingMethodFactory(sort_order=0), ShippingMethodFactory(sort_order=1)

    response = admin_client.post(reverse("shipping_methods:reorder", args=(second.pk,)) + "?position=0")

    assert response.status_code == 200
    assert list(ShippingMethod.objects.values_list("pk", flat=True)) == [second.pk, first.pk]


# Who sees the Sales menu

def admin_user_with(django_user_model, username, *, group=None, permissions=()):
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.com")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="checkout", codename=codename))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


def menu_labels(user):
    """Labels of the admin menu the user gets, submenus flattened as 'Group/Item'."""
    request = RequestFactory().get("/admin/")
    request.user = user
    labels = []
    with translation.override("en"):
        for item in admin_menu.menu_items_for_request(request):
            labels.append(str(item.label))
            for sub in getattr(item, "menu", None) and item.menu.menu_items_for_request(request) or []:
                labels.append(f"{item.label}/{sub.label}")
    return labels


def logged_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_superuser_sees_the_sales_menu(admin_user):
    labels = menu_labels(admin_user)

    assert {"Sales", "Sales/Shipping methods", "Sales/Discount codes"} <= set(labels)


def test_editor_without_permissions_neither_sees_nor_reaches_the_screens(django_user_model):
    editor = admin_user_with(django_user_model, "editor", group="Editors")
    client = logged_in(editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not any(label.startswith("Sales") for label in menu_labels(editor))
    for url in (reverse("discount_codes:index"), reverse("discount_codes:add"),
                reverse("shipping_methods:index"), reverse("shipping_methods:add")):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith(reverse("wagtailadmin_home")), response.url
    response = client.post(reverse("discount_codes:add"), discount_form())
    assert response.status_code in (302, 403)
    assert not DiscountCode.objects.exists()


def test_staff_see_only_what_they_are_allowed_to_manage(django_user_model):
    marketing = admin_user_with(django_user_model, "marketing", permissions=["change_discountcode"])
    client = logged_in(marketing)

    labels = menu_labels(marketing)
    assert "Sales/Discount codes" in labels and "Sales/Shipping methods" not in labels
    assert client.get(reverse("discount_codes:index")).status_code == 200
    assert client.get(reverse("shipping_methods:index")).status_code in (302, 403)
