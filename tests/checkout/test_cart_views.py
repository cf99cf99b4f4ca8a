"""The cart page and its endpoints: forms without JavaScript, JSON for vitrina.js, refusals of bad input."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext

from checkout.cart import COOKIE_NAME, get_cart
from checkout.models import Cart, CartLine
from products.stock import set_stock
from tests.checkout.helpers import variant
from tests.factories import ImageFactory, ProductImageFactory, ProductPageFactory
from tests.markup import parse, text_of, ui

CART_URL = "/es/cart/"
ADD_URL = "/es/cart/add/"
UPDATE_URL = "/es/cart/update/"
REMOVE_URL = "/es/cart/remove/"
SUMMARY_URL = "/es/cart/summary.json"
JSON = {"HTTP_ACCEPT": "application/json"}


def add(client, product, sku, quantity="1", **extra):
    return client.post(ADD_URL, {"product": product.pk, "sku": sku, "quantity": quantity, **extra})


def lines(client):
    """{sku: quantity} of the cart the client's cookie points at."""
    request = HttpRequest()
    if COOKIE_NAME in client.cookies:
        request.COOKIES[COOKIE_NAME] = client.cookies[COOKIE_NAME].value
    cart = get_cart(request)
    return {line.sku: line.quantity for line in CartLine.objects.filter(cart=cart)} if cart else {}


def parse_any(response):
    """Parse a page whatever its status (parse() insists on 200)."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def cart_lines(html):
    return {line["data-sku"]: line for line in html.select("[data-cart-line]")}


def status_text(html):
    return text_of(html.select_one("[data-cart-status]"))


# ---------- Adding ----------


def test_adding_redirects_to_the_cart_page_which_lists_the_line(client, mug):
    response = add(client, mug, "MUG-1", "2")

    assert response.status_code == 303
    assert response["Location"] == CART_URL
    html = parse(client.get(CART_URL))
    line = cart_lines(html)["MUG-1"]
    assert text_of(line.select_one(".cart-line__title a")) == "Taza"
    assert line.select_one(".cart-line__title a")["href"] == "/es/tienda/taza/"
    assert line.select_one("input[name=quantity]")["value"] == "2"
    assert line.select_one("input[name=quantity]")["max"] == "10"
    assert text_of(line.select_one("[data-line-total]")) == "19,80\u00a0€"
    assert text_of(html.select_one("[data-cart-subtotal]")) == "19,80\u00a0€"
    assert "Taza" in status_text(html)


def test_the_cart_cookie_is_signed_http_only_and_lax(client, mug):
    response = add(client, mug, "MUG-1")

    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 59 * 24 * 60 * 60
    assert str(Cart.objects.get().token) in cookie.value and ":" in cookie.value


def test_adding_with_a_safe_next_goes_back_there_and_an_unsafe_one_is_ignored(client, mug):
    back = add(client, mug, "MUG-1", next="/es/tienda/?page=2")
    elsewhere = add(client, mug, "MUG-1", next="https://evil.example/")

    assert back.status_code == elsewhere.status_code == 303
    assert back["Location"] == "/es/tienda/?page=2"
    assert elsewhere["Location"] == CART_URL


def test_adding_with_json_answers_with_the_new_count_and_subtotal(client, mug):
    response = client.post(ADD_URL, {"product": mug.pk, "sku": "MUG-1", "quantity": "3"}, **JSON)

    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True and "Taza" in data["message"]
    assert (data["count"], data["subtotal"]) == (3, "29,70\u00a0€")
    assert response.cookies[COOKIE_NAME].value


def test_the_price_comes_from_the_server_whatever_the_form_says(client, mug):
    add(client, mug, "MUG-1", "1", price="0.01", unit_price="0.01", total="0.01", subtotal="0.01")

    html = parse(client.get(CART_URL))

    assert text_of(html.select_one("[data-cart-subtotal]")) == "9,90\u00a0€"


def test_the_product_page_form_adds_the_chosen_option_in_one_submit(client, tshirt):
    # What a browser without JavaScript sends: the variant radios, quantity and product of one form.
    response = client.post(ADD_URL, {"variant": "TEE-M", "product": tshirt.pk, "quantity": "2"})

    assert response.status_code == 303
    assert lines(client) == {"TEE-M": 2}


def test_the_cart_survives_a_new_client_with_the_same_cookie(client, mug):
    add(client, mug, "MUG-1", "2")
    returning = Client(HTTP_HOST="localhost")
    returning.cookies[COOKIE_NAME] = client.cookies[COOKIE_NAME].value

    html = parse(returning.get(CART_URL))

    assert cart_lines(html)["MUG-1"].select_one("input[name=quantity]")["value"] == "2"


def test_a_tampered_cookie_means_a_new_empty_cart(client, mug):
    add(client, mug, "MUG-1", "2")
    client.cookies[COOKIE_NAME] = client.cookies[COOKIE_NAME].value[:-3] + "xyz"

    html = parse(client.get(CART_URL))
    assert cart_lines(html) == {}
    assert html.select_one(".cart-empty") is not None

    response = add(client, mug, "MUG-1", "1")
    assert response.status_code == 303
    assert Cart.objects.count() == 2
    assert client.get(SUMMARY_URL).json()["count"] == 1


# ---------- Refusals: a message, a 400, an unchanged cart ----------


@pytest.mark.parametrize("quantity", ["0", "-1", str(10**9), "abc", "", "1.5"])
def test_bad_quantities_are_refused_with_a_message_and_the_cart_is_unchanged(client, mug, quantity):
    add(client, mug, "MUG-1", "1")

    response = add(client, mug, "MUG-1", quantity)

    assert response.status_code == 400
    html = parse_any(response)
    assert html.select_one("[data-cart-status] .message--error") is not None
    assert lines(client) == {"MUG-1": 1}


@pytest.mark.parametrize("quantity", ["0", "-1", str(10**9), "abc"])
def test_bad_quantities_in_json_get_a_400_with_a_reason(client, mug, quantity):
    response = client.post(ADD_URL, {"product": mug.pk, "sku": "MUG-1", "quantity": quantity}, **JSON)

    assert response.status_code == 400
    data = response.json()
    assert data["ok"] is False and data["reason"] == "invalid_quantity" and data["message"]
    assert Cart.objects.count() == 0


def test_a_sku_of_another_product_is_a_400(client, mug, tshirt):
    html_response = add(client, mug, "TEE-M")
    json_response = client.post(ADD_URL, {"product": mug.pk, "sku": "TEE-M"}, **JSON)

    assert html_response.status_code == json_response.status_code == 400
    assert "Taza" in status_text(parse_any(html_response))
    assert json_response.json()["reason"] == "unknown_product"
    assert CartLine.objects.count() == 0


@pytest.mark.parametrize("product_id", ["", "abc", "999999", "-1", str(10**20)])
def test_a_missing_or_unknown_product_is_a_400(client, mug, product_id):
    response = client.post(ADD_URL, {"product": product_id, "sku": "MUG-1"}, **JSON)

    assert response.status_code == 400
    assert response.json()["reason"] == "unknown_product"


def test_an_unpublished_product_cannot_be_added(client, mug):
    mug.unpublish()

    response = add(client, mug, "MUG-1")

    assert response.status_code == 400
    assert CartLine.objects.count() == 0


def test_an_out_of_stock_option_and_a_quote_only_product_are_refused(client, shop, tshirt):
    machine = ProductPageFactory(parent=shop, is_quote_only=True, variants=[variant("PRO-1", "2500.00")])

    sold_out = client.post(ADD_URL, {"product": tshirt.pk, "sku": "TEE-L"}, **JSON)
    quote = client.post(ADD_URL, {"product": machine.pk, "sku": "PRO-1"}, **JSON)

    assert (sold_out.status_code, sold_out.json()["reason"]) == (400, "out_of_stock")
    assert (quote.status_code, quote.json()["reason"]) == (400, "not_for_sale")


def test_adding_more_than_the_stock_caps_it_and_says_so(client, tshirt):
    response = client.post(ADD_URL, {"product": tshirt.pk, "sku": "TEE-S", "quantity": "5"}, **JSON)

    assert response.json()["count"] == 3
    assert "3" in response.json()["message"]


def test_adding_is_post_only(client, mug):
    assert client.get(ADD_URL, {"product": mug.pk, "sku": "MUG-1"}).status_code == 405


def test_the_add_button_of_the_product_page_posts_the_token_of_the_cart_summary(tshirt):
    browser = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    button = parse(browser.get(tshirt.url)).select_one("[data-add-to-cart-button]")
    token = browser.get("/es/cart/summary.json").json()["csrf_token"]  # what vitrina.js puts in the button

    refused = browser.post(ADD_URL, {"variant": "TEE-M", "product": tshirt.pk, "quantity": "1"})
    accepted = browser.post(button["formaction"], {
        "variant": "TEE-M", "product": tshirt.pk, "quantity": "1", button["name"]: token,
    })

    assert refused.status_code == 403
    assert accepted.status_code == 303


# ---------- Updating and removing ----------


def test_updating_a_quantity(client, mug):
    add(client, mug, "MUG-1", "1")

    response = client.post(UPDATE_URL, {"sku": "MUG-1", "quantity": "4"})

    assert response.status_code == 303 and response["Location"] == CART_URL
    assert lines(client) == {"MUG-1": 4}


def test_updating_with_json_returns_the_line_and_the_totals(client, mug):
    add(client, mug, "MUG-1", "1")

    data = client.post(UPDATE_URL, {"sku": "MUG-1", "quantity": "3"}, **JSON).json()

    assert data["ok"] and data["count"] == 3 and data["subtotal"] == "29,70\u00a0€"
    assert data["line"] == {"sku": "MUG-1", "quantity": 3, "max_quantity": 10, "total": "29,70\u00a0€", "problem": ""}


@pytest.mark.parametrize("quantity", ["0", "-1", str(10**9), "abc", "11"])
def test_a_refused_update_is_shown_next_to_its_field(client, mug, quantity):
    add(client, mug, "MUG-1", "2")

    response = client.post(UPDATE_URL, {"sku": "MUG-1", "quantity": quantity})

    assert response.status_code == 400
    line = cart_lines(parse_any(response))["MUG-1"]
    field = line.select_one("input[name=quantity]")
    error = line.select_one("[data-line-error]")
    assert field["aria-invalid"] == "true"
    assert error["id"] in field["aria-describedby"] and text_of(error)
    assert not error.has_attr("hidden")
    assert lines(client) == {"MUG-1": 2}


def test_updating_a_line_that_is_not_in_the_cart_is_a_400(client, mug):
    response = client.post(UPDATE_URL, {"sku": "MUG-1", "quantity": "1"}, **JSON)

    assert response.status_code == 400
    assert response.json()["reason"] == "unknown_product"


def test_removing_a_line(client, mug, tshirt):
    add(client, mug, "MUG-1")
    add(client, tshirt, "TEE-M")

    response = client.post(REMOVE_URL, {"sku": "MUG-1"})

    assert response.status_code == 303
    assert lines(client) == {"TEE-M": 1}
    assert "Taza" in status_text(parse(client.get(CART_URL)))


def test_removing_with_json_and_removing_twice(client, mug):
    add(client, mug, "MUG-1", "2")

    first = client.post(REMOVE_URL, {"sku": "MUG-1"}, **JSON).json()
    second = client.post(REMOVE_URL, {"sku": "MUG-1"}, **JSON)

    assert first["ok"] and first["count"] == 0 and first["subtotal"] == "0,00\u00a0€"
    assert second.status_code == 200


# ---------- Flagged lines on the page ----------


def test_lines_that_cannot_be_bought_are_shown_with_their_problem(client, mug, tshirt):
    add(client, mug, "MUG-1", "1")
    add(client, tshirt, "TEE-M", "5")
    mug.unpublish()
    set_stock("TEE-M", 2)

    html = parse(client.get(CART_URL))

    shown = cart_lines(html)
    assert text_of(shown["MUG-1"].select_one("[data-line-problem]")) == ui("No longer available.")
    assert shown["MUG-1"].select_one(".cart-line__title a") is None
    assert shown["MUG-1"].select_one("input[name=quantity]") is None
    assert shown["MUG-1"].select_one(".cart-line__remove button") is not None
    assert "2" in text_of(shown["TEE-M"].select_one("[data-line-problem]"))
    assert shown["TEE-M"].select_one("input[name=quantity]")["max"] == "2"
    assert text_of(html.select_one("[data-cart-subtotal]")) == "0,00\u00a0€"


# ---------- The cart page ----------


def test_the_cart_page_is_private_noindex_and_labelled(client, mug):
    add(client, mug, "MUG-1")

    response = client.get(CART_URL)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    html = parse(response)
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    line = cart_lines(html)["MUG-1"]
    field = line.select_one("input[name=quantity]")
    assert text_of(line.select_one(f'label[for="{field["id"]}"]')).endswith("Taza")
    assert text_of(line.select_one(".cart-line__quantity button")).endswith("Taza")
    assert text_of(line.select_one(".cart-line__remove button")).endswith("Taza")
    assert html.select_one("[data-cart-status]")["aria-live"] == "polite"


def test_the_empty_cart_says_so_and_offers_to_continue_shopping(client, shop):
    html = parse(client.get(CART_URL))

    assert html.select_one(".cart-empty") is not None
    assert html.select_one(".cart-empty a.button")["href"] == "/es/tienda/"


def test_the_checkout_button_appears_only_once_the_checkout_exists(client, mug):
    from django.urls import NoReverseMatch, reverse

    add(client, mug, "MUG-1")
    html = parse(client.get(CART_URL))
    try:
        checkout_url = reverse("checkout:checkout")
    except NoReverseMatch:
        checkout_url = None

    links = [a["href"] for a in html.select(".cart-summary__actions a")]
    assert (checkout_url in links) if checkout_url else links == ["/es/tienda/"]


def test_the_english_cart_shows_the_english_product(client, mug, translate):
    translate(mug, title="Mug")
    add(client, mug, "MUG-1")

    html = parse(client.get("/en/cart/"))

    assert html.html["lang"] == "en"
    assert text_of(cart_lines(html)["MUG-1"].select_one(".cart-line__title a")) == "Mug"
    assert text_of(html.select_one("[data-cart-subtotal]")) == "€9.90"


@pytest.mark.parametrize("with_images", [False, True])
def test_cart_page_queries_do_not_grow_with_its_lines(client, shop, with_images, django_assert_num_queries):
    def product_with_line(client, n):
        images = [ProductImageFactory.build(image=ImageFactory())] if with_images else []
        product = ProductPageFactory(parent=shop, variants=[variant(f"Q-{n}", "5.00")], gallery_images=images)
        add(client, product, f"Q-{n}")

    small, big = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    product_with_line(small, 0)
    for n in range(1, 9):
        product_with_line(big, n)
    small.get(CART_URL)  # renditions are made on the first view
    big.get(CART_URL)

    with CaptureQueriesContext(connection) as context:
        assert small.get(CART_URL).status_code == 200
    with django_assert_num_queries(len(context.captured_queries)):
        assert big.get(CART_URL).status_code == 200
    assert len(context.captured_queries) <= 30


def test_json_answers_are_json(client, mug):
    response = client.post(ADD_URL, {"product": mug.pk, "sku": "MUG-1"}, **JSON)

    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["ok"] is True


@pytest.mark.parametrize("url", [ADD_URL, UPDATE_URL, REMOVE_URL])
def test_a_sku_with_a_nul_character_is_refused_not_a_crash(client, mug, url):
    add(client, mug, "MUG-1")

    response = client.post(url, {"product": mug.pk, "sku": "MUG-1\x00", "quantity": "1"}, **JSON)

    assert response.status_code in (200, 400)
    assert lines(client) == {"MUG-1": 1}


@pytest.mark.parametrize("next_url", ["/es/\nSet-Cookie: x=1", "/es/\x00", "//evil.example/", "javascript:alert(1)",
                                      "https://localhost.evil.example/"])
def test_a_next_that_is_not_a_plain_page_of_this_site_goes_to_the_cart(client, mug, next_url):
    response = add(client, mug, "MUG-1", next=next_url)

    assert response.status_code == 303
    assert response["Location"] == CART_URL
