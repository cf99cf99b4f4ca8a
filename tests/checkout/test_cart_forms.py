"""What every visitor gets the same: the header badge filled by JavaScript, add-to-cart forms on pages and cards."""

import pytest
from django.utils import translation

from checkout.cart import COOKIE_NAME
from checkout.models import Cart, CheckoutSettings
from tests.checkout.helpers import variant
from tests.factories import ProductPageFactory
from tests.markup import parse, text_of, ui

CART_URL = "/es/cart/"
ADD_URL = "/es/cart/add/"
SUMMARY_URL = "/es/cart/summary.json"


def add(client, product, sku, quantity="1"):
    return client.post(ADD_URL, {"product": product.pk, "sku": sku, "quantity": quantity})


# ---------- The badge ----------


def test_summary_counts_units_and_formats_the_subtotal(client, mug, tshirt):
    add(client, mug, "MUG-1", "2")
    add(client, tshirt, "TEE-M", "1")

    response = client.get(SUMMARY_URL)

    with translation.override("es"):
        label = translation.ngettext("%(count)s item", "%(count)s items", 3) % {"count": 3}
    summary = response.json()
    assert summary.pop("csrf_token")  # pages are cached without one (see tests/test_page_cache.py)
    assert summary == {"count": 3, "subtotal": "37,30\u00a0€", "label": label}
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_summary_never_creates_a_cart(client, mug):
    response = client.get(SUMMARY_URL)

    assert response.json()["count"] == 0
    assert Cart.objects.count() == 0
    assert COOKIE_NAME not in response.cookies


def test_the_header_badge_is_not_rendered_per_visitor(client, mug, tshirt):
    add(client, mug, "MUG-1", "3")

    html = parse(client.get(tshirt.url))

    link = html.select_one(".site-header a.cart-link")
    assert link["href"] == CART_URL and link["data-cart-summary"] == SUMMARY_URL
    badge = link.select_one("[data-cart-count]")
    assert badge.has_attr("hidden") and text_of(badge) == ""
    assert "3" not in text_of(link)


# ---------- Add-to-cart forms on product pages and cards ----------


def test_the_product_page_form_posts_the_chosen_option_quantity_and_product(client, tshirt, site):
    CheckoutSettings.objects.update_or_create(site=site, defaults={"max_quantity_per_line": 5})

    html = parse(client.get(tshirt.url))

    form = html.select_one("form.variant-form")
    button = html.select_one("[data-add-to-cart-button]")
    owned = html.select(f'[form="{form["id"]}"]')
    assert button["form"] == form["id"] and button["formmethod"] == "post" and button["formaction"] == ADD_URL
    # The token is filled in by vitrina.js from the cart summary, so the page can be cached for everyone.
    assert button["name"] == "csrfmiddlewaretoken" and button["value"] == "" and button.has_attr("data-csrf-token")
    assert {field["name"] for field in owned} == {"product", "quantity", "csrfmiddlewaretoken"}
    quantity = html.select_one("[data-cart-quantity]")
    assert html.select_one(f'label[for="{quantity["id"]}"]') is not None
    # At most the stock (3 of size S, chosen by default) and at most the store's maximum (5).
    assert (quantity["min"], quantity["max"]) == ("1", "3")
    assert parse(client.get(tshirt.url, {"variant": "TEE-M"})).select_one("[data-cart-quantity]")["max"] == "5"
    # The GET form that previews an option carries no token of its own.
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is None


def test_a_product_without_options_has_a_plain_post_form(client, mug):
    html = parse(client.get(mug.url))

    form = html.select_one("form.add-to-cart")
    assert form["method"] == "post" and form["action"] == ADD_URL
    fields = {field["name"]: field.get("value") for field in form.select("input[name]")}
    assert fields["sku"] == "MUG-1" and fields["product"] == str(mug.pk)
    assert fields["csrfmiddlewaretoken"] == "" and form.select_one("[data-csrf-token]")["name"] == "csrfmiddlewaretoken"


def test_no_add_to_cart_for_sold_out_or_quote_only_products(client, shop):
    sold_out = ProductPageFactory(parent=shop, variants=[variant("OUT-1", "5.00")], stock=0)
    quote = ProductPageFactory(parent=shop, is_quote_only=True, variants=[variant("PRO-1", "2500.00")])

    for product in (sold_out, quote):
        html = parse(client.get(product.url))
        assert html.select_one("[data-add-to-cart]") is None


def test_cards_add_single_variant_products_and_link_to_options_otherwise(client, shop, mug, tshirt):
    html = parse(client.get("/es/tienda/?page=1"))

    cards = {text_of(card.select_one(".product-card__title")): card for card in html.select(".product-card")}
    form = cards["Taza"].select_one("form.add-to-cart")
    fields = {field["name"]: field.get("value") for field in form.select("input[name]")}
    assert form["method"] == "post" and form["action"] == ADD_URL
    assert (fields["sku"], fields["quantity"], fields["next"]) == ("MUG-1", "1", "/es/tienda/?page=1")
    button = text_of(form.select_one("button"))
    assert button.startswith(ui("Add to cart")) and button.endswith("Taza")
    assert cards["Camiseta"].select_one("form.add-to-cart") is None
    assert text_of(cards["Camiseta"].select_one("a.button")).startswith(ui("Choose options"))
