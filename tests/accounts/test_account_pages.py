"""The account pages: only the customer's own orders and addresses, private, in both languages."""

import pytest
from bs4 import BeautifulSoup

from accounts.models import Address
from checkout.models import Order
from tests.accounts.conftest import guest_order, logged_in
from tests.markup import ui

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = ["/es/account/", "/es/account/orders/", "/es/account/addresses/", "/es/account/addresses/add/",
                 "/es/account/profile/"]
ADDRESS = {
    "label": "Casa", "name": "Lucía Gil", "phone": "600 111 222", "country": "ES", "address_line1": "Calle Luna 3",
    "address_line2": "2º B", "postal_code": "28004", "city": "Madrid", "region": "",
}


def page_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_ids_unique(page):
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(ids)


def address_of(user, **changes):
    return Address.objects.create(user=user, **{**ADDRESS, "country": "ES", **changes})


def order_of(home, shop, user):
    order = guest_order(home, shop, user.email)
    order.user = user
    order.save(update_fields=["user"])
    return order


@pytest.mark.parametrize("url", ACCOUNT_PAGES + ["/es/account/email/", "/es/account/password/change/"])
def test_account_pages_need_a_login(client, home, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/es/account/login/?next=")


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_account_pages_are_private_noindex_and_valid_for_a_customer(customer_client, home, url):
    response = customer_client.get(url)

    page = page_of(response)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert len(page.find_all("h1")) == 1
    assert_ids_unique(page)
    for field in page.select("main input:not([type=hidden]), main select"):
        assert page.find("label", attrs={"for": field["id"]}), field
    for form in page.select("main form[method=post]"):
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})


@pytest.mark.parametrize("url", ["/es/account/login/", "/es/account/signup/", "/es/account/password/reset/",
                                 "/en/account/login/"])
def test_allauth_pages_use_the_shop_layout_and_are_noindex(client, home, url):
    page = page_of(client.get(url))

    assert page.select_one("header.site-header") is not None
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.select_one("main form.checkout-form input[name=csrfmiddlewaretoken]")
    assert len(page.find_all("h1")) == 1
    assert_ids_unique(page)
    for field in page.select("main input:not([type=hidden]):not([type=checkbox])"):
        assert page.find("label", attrs={"for": field["id"]}), field


def test_the_login_page_reads_in_spanish_and_in_english(client, home):
    spanish = page_of(client.get("/es/account/login/"))
    english = page_of(client.get("/en/account/login/"))

    assert spanish.find("html")["lang"] == "es" and english.find("html")["lang"] == "en"
    assert spanish.find("label", attrs={"for": "id_password"}).get_text(strip=True) == "Contraseña"
    assert english.find("label", attrs={"for": "id_password"}).get_text(strip=True) == "Password"
    assert spanish.find("h1").get_text(strip=True) == ui("Sign In")
    assert english.find("h1").get_text(strip=True) == "Sign In"
    assert "Iniciar sesión" in spanish.find("title").get_text() or ui("Sign In") in spanish.find("title").get_text()


def test_the_account_page_reads_in_english(home, customer):
    client = logged_in(customer)
    page = page_of(client.get("/en/account/"))
    assert page.find("h1").get_text(strip=True) == "Hello, Lucía"
    assert page.select_one("nav.account-nav a[aria-current=page]").get_text(strip=True) == "Overview"


def test_the_order_history_lists_only_the_customers_orders(customer_client, home, shop, customer, other_customer):
    mine = order_of(home, shop, customer)
    theirs = order_of(home, shop, other_customer)
    guest = guest_order(home, shop, customer.email)  # same email, but never confirmed into the account

    for url in ("/es/account/", "/es/account/orders/"):
        text = customer_client.get(url).content.decode()
        assert mine.number in text
        assert theirs.number not in text and theirs.token not in text
        assert guest.number not in text
    link = page_of(customer_client.get("/es/account/orders/")).find("a", string=mine.number)
    assert link["href"] == f"/es/order/{mine.token}/"


def test_the_order_history_is_paginated(customer_client, home, shop, customer):
    first = order_of(home, shop, customer)
    for _ in range(20):
        order_of(home, shop, customer)
    assert Order.objects.filter(user=customer).count() == 21

    page_one = page_of(customer_client.get("/es/account/orders/"))
    page_two = page_of(customer_client.get("/es/account/orders/?page=2"))
    nonsense = customer_client.get("/es/account/orders/?page=abc")

    assert len(page_one.select("table.account-orders tbody tr")) == 20
    assert [row.th.get_text(strip=True) for row in page_two.select("table.account-orders tbody tr")] == [first.number]
    assert nonsense.status_code == 200


def test_adding_an_address_makes_the_first_one_the_default(customer_client, customer):
    response = customer_client.post("/es/account/addresses/add/", ADDRESS)

    assert response.status_code == 302 and response["Location"] == "/es/account/addresses/"
    address = Address.objects.get(user=customer)
    assert address.is_default and address.city == "Madrid" and address.country.code == "ES"
    listing = page_of(customer_client.get("/es/account/addresses/"))
    assert "Calle Luna 3" in listing.select_one("main").get_text()


@pytest.mark.parametrize("changes, field", [
    ({"name": ""}, "name"), ({"postal_code": "ABC"}, "postal_code"), ({"country": "XX"}, "country"),
    ({"phone": "call me"}, "phone"), ({"address_line1": ""}, "address_line1"), ({"city": ""}, "city"),
])
def test_bad_address_input_is_a_message_next_to_the_field_and_saves_nothing(customer_client, customer, changes, field):
    response = customer_client.post("/en/account/addresses/add/", {**ADDRESS, **changes})

    assert response.status_code == 400
    page = BeautifulSoup(response.content.decode(), "html.parser")
    widget = page.find(id=f"id_{field}")
    assert widget["aria-invalid"] == "true"
    assert page.find(id=f"id_{field}-error").get_text(strip=True)
    assert f"id_{field}-error" in widget["aria-describedby"]
    assert not Address.objects.exists()


def test_editing_and_making_default(customer_client, customer):
    home_address = address_of(customer, is_default=True)
    work = address_of(customer, label="Trabajo", address_line1="Paseo del Prado 8")

    response = customer_client.post(f"/es/account/addresses/{work.pk}/", {**ADDRESS, "label": "Oficina",
                                                                        "address_line1": "Paseo del Prado 8"})
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.label == "Oficina" and not work.is_default

    assert customer_client.get(f"/es/account/addresses/{work.pk}/default/").status_code == 405
    customer_client.post(f"/es/account/addresses/{work.pk}/default/")
    work.refresh_from_db()
    home_address.refresh_from_db()
    assert work.is_default and not home_address.is_default
    assert Address.objects.filter(user=customer, is_default=True).count() == 1


def test_deleting_the_default_address_passes_the_default_on(customer_client, customer):
    older = address_of(customer, label="Antigua")
    default = address_of(customer, is_default=True)

    confirm = page_of(customer_client.get(f"/es/account/addresses/{default.pk}/delete/"))
    assert confirm.select_one("main form[method=post]")
    customer_client.post(f"/es/account/addresses/{default.pk}/delete/")

    assert not Address.objects.filter(pk=default.pk).exists()
    older.refresh_from_db()
    assert older.is_default


def test_another_customers_address_is_a_404_for_every_action(customer_client, other_customer):
    theirs = address_of(other_customer, is_default=True)
    before = Address.objects.values().get(pk=theirs.pk)

    assert customer_client.get(f"/es/account/addresses/{theirs.pk}/").status_code == 404
    assert customer_client.post(f"/es/account/addresses/{theirs.pk}/", {**ADDRESS, "name": "Hacker"}).status_code == 404
    assert customer_client.get(f"/es/account/addresses/{theirs.pk}/delete/").status_code == 404
    assert customer_client.post(f"/es/account/addresses/{theirs.pk}/delete/").status_code == 404
    assert customer_client.post(f"/es/account/addresses/{theirs.pk}/default/").status_code == 404
    assert customer_client.get("/es/account/addresses/999999/").status_code == 404

    assert Address.objects.values().get(pk=theirs.pk) == before
    assert "Calle Luna" not in customer_client.get("/es/account/addresses/").content.decode()


def test_one_default_address_per_customer_is_enforced_by_the_database(customer):
    from django.db import IntegrityError, transaction

    address_of(customer, is_default=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        address_of(customer, is_default=True)


def test_the_profile_saves_the_name_and_links_to_email_and_password(customer_client, customer):
    page = page_of(customer_client.get("/es/account/profile/"))
    assert page.find("a", href="/es/account/email/") and page.find("a", href="/es/account/password/change/")

    response = customer_client.post("/es/account/profile/", {"first_name": "Lucía", "last_name": "Gil Soto"})

    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.get_full_name() == "Lucía Gil Soto"
    too_long = customer_client.post("/es/account/profile/", {"first_name": "x" * 500, "last_name": ""})
    assert too_long.status_code == 400
    customer.refresh_from_db()
    assert customer.first_name == "Lucía"


def test_allauths_email_and_password_pages_render_in_the_shop_layout(customer_client):
    for url in ("/es/account/email/", "/es/account/password/change/"):
        page = page_of(customer_client.get(url))
        assert page.select_one("nav.account-nav") is not None
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
