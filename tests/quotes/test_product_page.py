"""The product page offers a quote request by a link (never a form): always on quote-only products, and
beside "Add to cart" when the store offers quotes on every product."""

import pytest
from django.urls import reverse

from checkout.models import CheckoutSettings
from tests.markup import parse, text_of, ui

pytestmark = pytest.mark.django_db


def quote_link(html, product):
    return html.select_one(f'.product__buy a[href="{reverse("quotes:request", args=[product.pk])}"]')


def test_quote_only_product_links_to_the_quote_form_and_has_no_price_or_cart_button(client, machine):
    html = parse(client.get(machine.url))

    link = quote_link(html, machine)
    assert text_of(link) == ui("Request a quote")
    assert link["href"] == f"/es/quote/{machine.pk}/"
    buy = html.select_one(".product__buy")
    assert "2500" not in text_of(buy) and "2.500" not in text_of(buy)
    assert buy.select_one("[data-add-to-cart]") is None
    assert buy.select_one('a[href^="mailto:"]') is None
    assert buy.select_one("form[method=post]") is None


def test_a_product_for_sale_has_no_quote_link_unless_the_store_offers_quotes_on_every_product(client, tshirt, site):
    html = parse(client.get(tshirt.url))
    assert quote_link(html, tshirt) is None
    assert html.select_one(".product__buy [data-add-to-cart]") is not None


def test_with_quotes_on_every_product_the_link_sits_beside_add_to_cart(client, tshirt, quotes_everywhere):
    html = parse(client.get(tshirt.url))

    link = quote_link(html, tshirt)
    assert text_of(link) == ui("Request a quote")
    assert html.select_one(".product__buy [data-add-to-cart]") is not None
    assert text_of(link.parent).startswith(ui("Buying for a business or in large quantities?"))


def test_the_english_page_links_to_the_english_form(client, machine, translate):
    english = translate(machine, title="Industrial coffee machine")

    html = parse(client.get(english.url))

    assert quote_link(html, english)["href"] == f"/en/quote/{english.pk}/"
    assert text_of(quote_link(html, english)) == "Request a quote"


def test_the_kept_product_page_gets_the_link_when_the_setting_changes_and_still_no_token(
    client, tshirt, site, settings, django_capture_on_commit_callbacks
):
    settings.VITRINA_PAGE_CACHE = True
    client.get(tshirt.url)
    kept = client.get(tshirt.url)
    assert kept["X-Cache"] == "hit"
    assert quote_link(parse(kept), tshirt) is None

    with django_capture_on_commit_callbacks(execute=True):
        store = CheckoutSettings.for_site(site)
        store.quotes_on_every_product = True
        store.save()

    client.get(tshirt.url)
    renewed = client.get(tshirt.url)
    assert renewed["X-Cache"] == "hit"
    html = parse(renewed)
    assert quote_link(html, tshirt) is not None
    assert not renewed.cookies
    assert all(field.get("value") == "" for field in html.select('[name="csrfmiddlewaretoken"]'))
