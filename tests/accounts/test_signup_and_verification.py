"""Sign-up, the verification email, and guest orders joining the account once the email is proved."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail

from checkout.models import Order
from home.models import ShopSettings
from tests.accounts.conftest import PASSWORD, guest_order, make_customer

pytestmark = pytest.mark.django_db


def sign_up(client, email, password=PASSWORD, password2=None, language="es"):
    return client.post(f"/{language}/account/signup/", {
        "email": email, "password1": password, "password2": password if password2 is None else password2,
    })


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S*/account/confirm-email/\S+/)", message.body).group(1)


def test_sign_up_sends_a_confirmation_email_in_the_shops_name(client, site):
    shop = ShopSettings.for_site(site)
    shop.shop_name = "Tostadores Vitrina"
    shop.save()

    response = sign_up(client, "nueva@example.com")

    assert response.status_code == 302
    user = get_user_model().objects.get(email="nueva@example.com")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nueva@example.com"]
    assert message.subject.startswith("[Tostadores Vitrina] ")
    assert "Tostadores Vitrina" in message.body
    assert "localhost" not in message.subject
    assert "/es/account/confirm-email/" in message.body


def test_guest_orders_join_the_account_only_when_the_email_is_confirmed(client, home, shop):
    mine = guest_order(home, shop, "Lucia@Example.com")
    someone_elses = guest_order(home, shop, "otra@example.com")
    with_account = guest_order(home, shop, "lucia@example.com")
    owner = make_customer(get_user_model(), "owner@example.com")
    with_account.user = owner
    with_account.save(update_fields=["user"])

    sign_up(client, "lucia@example.com")
    user = get_user_model().objects.get(email="lucia@example.com")
    mine.refresh_from_db()
    assert mine.user is None, "an unverified email must not attach orders"
    assert client.get("/es/account/orders/").content.decode().count(mine.number) == 0

    link = confirmation_link(mail.outbox[-1])
    page = client.get(link)
    assert page.status_code == 200
    mine.refresh_from_db()
    assert mine.user is None, "showing the confirmation page (GET) confirms nothing"
    response = client.post(link)
    assert response.status_code == 302

    assert EmailAddress.objects.get(user=user).verified is True
    mine.refresh_from_db()
    someone_elses.refresh_from_db()
    with_account.refresh_from_db()
    assert mine.user == user
    assert someone_elses.user is None
    assert with_account.user == owner, "an order already in an account is never moved"
    history = client.get("/es/account/orders/").content.decode()
    assert mine.number in history and someone_elses.number not in history


def test_logging_in_with_a_verified_email_attaches_guest_orders_placed_since(client, home, shop, django_user_model):
    make_customer(django_user_model, "ana@example.com", verified=True)
    unverified = make_customer(django_user_model, "pepe@example.com", verified=False)
    order = guest_order(home, shop, "ana@example.com")
    order_of_unverified = guest_order(home, shop, "pepe@example.com")

    response = client.post("/es/account/login/", {"login": "ana@example.com", "password": PASSWORD})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.user.email == "ana@example.com"

    client.post("/es/account/sign-out/")
    client.post("/es/account/login/", {"login": "pepe@example.com", "password": PASSWORD})
    order_of_unverified.refresh_from_db()
    assert order_of_unverified.user is None
    assert Order.objects.filter(user=unverified).count() == 0


@pytest.mark.parametrize("data, field, message", [
    ({"email": "", "password1": PASSWORD, "password2": PASSWORD}, "email", "This field is required."),
    ({"email": "no-es-un-email", "password1": PASSWORD, "password2": PASSWORD}, "email", "Enter a valid email address."),
    ({"email": "x@example.com", "password1": PASSWORD, "password2": PASSWORD + "x"}, "password2",
     "You must type the same password each time."),
    ({"email": "x@example.com", "password1": "123", "password2": "123"}, "password1", "too short"),
])
def test_bad_sign_up_input_is_shown_next_to_the_field_and_creates_nothing(client, home, data, field, message):
    response = client.post("/en/account/signup/", data)

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    widget = page.find(id=f"id_{field}")
    assert widget["aria-invalid"] == "true"
    error = page.find(id=f"id_{field}-error")
    assert error is not None and message in error.get_text()
    assert error["id"] in widget["aria-describedby"]
    assert page.find(attrs={"role": "alert"}) is not None
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_signing_up_twice_with_one_email_is_refused_with_a_message(client, home, django_user_model):
    make_customer(django_user_model, "ana@example.com")

    response = sign_up(client, "ANA@example.com", language="en")

    assert response.status_code == 200
    assert django_user_model.objects.count() == 1
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find(id="id_email-error") is not None
