"""Logging in and out, the header link, and the throttle against password guessing."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from checkout.cart import COOKIE_NAME
from tests.accounts.conftest import PASSWORD, make_customer
from tests.markup import ui

pytestmark = pytest.mark.django_db


def log_in(client, email, password=PASSWORD, language="es", **extra):
    return client.post(f"/{language}/account/login/", {"login": email, "password": password}, **extra)


def header_link(response):
    link = BeautifulSoup(response.content.decode(), "html.parser").select_one("header .account-link")
    return link.get_text(strip=True), link["href"]


def test_log_in_and_out(client, home, customer):
    response = log_in(client, "LUCIA@example.com")
    assert response.status_code == 302
    assert response["Location"] == "/es/account/"
    assert client.get("/es/account/").status_code == 200

    confirm = client.get("/es/account/sign-out/")
    assert confirm.status_code == 200
    form = BeautifulSoup(confirm.content.decode(), "html.parser").select_one("main form")
    assert form["action"] == "/es/account/sign-out/" and form.find("input", attrs={"name": "csrfmiddlewaretoken"})

    response = client.post("/es/account/sign-out/")
    assert response.status_code == 302
    after = client.get("/es/account/")
    assert after.status_code == 302 and after["Location"].startswith("/es/account/login/")


def test_a_wrong_password_is_a_message_on_the_form_not_an_error_page(client, home, customer):
    response = log_in(client, "lucia@example.com", "wrong-password", language="en")

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert "not correct" in page.select_one("main .message--error").get_text()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("data", [{}, {"login": "", "password": ""}, {"login": "not an email", "password": "x"},
                                  {"login": "x" * 5000 + "@example.com", "password": "x"}])
def test_bad_login_input_never_fails_the_server(client, home, data):
    response = client.post("/en/account/login/", data)
    assert response.status_code == 200
    assert BeautifulSoup(response.content.decode(), "html.parser").select_one("main .message--error")


def test_the_header_link_says_log_in_or_my_account(client, home, customer_client):
    assert header_link(client.get("/es/")) == (ui("Log in"), "/es/account/login/")
    assert header_link(client.get("/en/")) == ("Log in", "/en/account/login/")
    assert header_link(customer_client.get("/es/")) == (ui("My account"), "/es/account/")
    assert header_link(customer_client.get("/en/cart/")) == ("My account", "/en/account/")


def test_logging_out_forgets_the_cart_cookie(client, home, customer, mug):
    log_in(client, "lucia@example.com")
    client.post("/es/cart/add/", {"product": mug.pk, "sku": "MUG-1", "quantity": 1})
    assert client.cookies[COOKIE_NAME].value

    response = client.post("/es/account/sign-out/")

    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert b"MUG-1" not in client.get("/es/cart/").content


def test_the_next_visitor_never_sees_a_customers_cart_even_with_its_cookie(client, home, customer, mug):
    """Belt and braces: a logout through allauth's own URL or an old copied cookie still shows nothing."""
    log_in(client, "lucia@example.com")
    client.post("/es/cart/add/", {"product": mug.pk, "sku": "MUG-1", "quantity": 1})
    cookie = client.cookies[COOKIE_NAME].value

    visitor = Client(HTTP_HOST="localhost")
    visitor.cookies[COOKIE_NAME] = cookie
    page = visitor.get("/es/cart/")

    assert page.status_code == 200
    assert "Taza" not in BeautifulSoup(page.content.decode(), "html.parser").select_one("main").get_text()


def test_after_too_many_failed_logins_the_account_is_paused_even_for_the_right_password(client, home, customer):
    for _ in range(5):
        assert log_in(client, "lucia@example.com", "guess", language="en").status_code == 200

    response = log_in(client, "lucia@example.com", PASSWORD, language="en")

    assert response.status_code == 429
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "Too many attempts" in page.find("h1").get_text()
    assert "wait a few minutes" in page.select_one("main").get_text()
    assert "_auth_user_id" not in client.session


def test_the_pause_is_per_account(client, home, customer, other_customer):
    for _ in range(5):
        log_in(client, "lucia@example.com", "guess")

    assert log_in(client, "lucia@example.com", PASSWORD).status_code == 429
    assert log_in(client, "marcos@example.com", PASSWORD).status_code == 302


def test_the_pause_is_per_connection_too(home, django_user_model):
    """Ten failures a minute from one address, spread over accounts, pause that address only."""
    guesser = Client(HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.7")
    for number in range(10):
        log_in(guesser, f"nadie{number}@example.com", "guess")
    make_customer(django_user_model, "eva@example.com")

    assert log_in(guesser, "eva@example.com").status_code == 429
    elsewhere = Client(HTTP_HOST="localhost", REMOTE_ADDR="198.51.100.2")
    assert log_in(elsewhere, "eva@example.com").status_code == 302


def test_the_429_page_reads_in_spanish(client, home, customer):
    for _ in range(5):
        log_in(client, "lucia@example.com", "guess")

    response = log_in(client, "lucia@example.com", PASSWORD)

    assert response.status_code == 429
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find("html")["lang"] == "es"
    assert page.find("h1").get_text(strip=True) == ui("Too many attempts")
