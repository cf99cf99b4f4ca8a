"""The header's search box: suggestions while typing, keyboard only, and the plain form without JavaScript."""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from playwright.sync_api import expect

from products.models import ProductPage, ProductVariant
from tests.e2e.shop import publish_product
from tests.markup import ui

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def products(shop_index):
    italiana = ProductPage(title="Cafetera italiana de acero", slug="cafetera-italiana")
    italiana.variants.add(ProductVariant(sku="CAF-ITA", price=Decimal("34.00")))
    embolo = ProductPage(title="Cafetera de émbolo", slug="cafetera-embolo")
    embolo.variants.add(ProductVariant(sku="CAF-EMB", price=Decimal("24.50")))
    taza = ProductPage(title="Taza de cerámica", slug="taza")
    taza.variants.add(ProductVariant(sku="TAZA", price=Decimal("9.50")))
    return [publish_product(shop_index, product, {product.variants.first().sku: 5})
            for product in (italiana, embolo, taza)]


def search_verb():
    with translation.override("es"):
        return translation.pgettext("verb", "Search")


def search_box(page):
    return page.get_by_role("combobox", name=ui("Search products and articles"))


def suggestions(page):
    return page.get_by_role("listbox", name=ui("Suggestions"))


def test_arrow_down_and_enter_open_a_suggested_product(live_server, browser_page, products):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/")
    box = search_box(page)
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially("cafe", delay=40)  # no accent: still finds "Café…" titles

    listbox = suggestions(page)
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option", name=re.compile("Cafetera"))).to_have_count(2)
    expect(listbox.get_by_role("option", name=re.compile("Taza"))).to_have_count(0)
    expect(page.locator("[data-search-status]")).to_have_text(ui("%(count)s suggestions") % {"count": 2})
    expect(listbox.get_by_role("option", name=re.compile("italiana"))).to_contain_text("34,00\u00a0€")

    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    assert page.evaluate("document.activeElement.id") == "site-search-query"  # focus stays in the box
    box.press("ArrowDown")
    second = listbox.get_by_role("option").nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    box.press("ArrowUp")
    expect(first).to_have_attribute("aria-selected", "true")
    url = first.get_attribute("data-url")
    assert re.fullmatch(r"/es/tienda/cafetera-(italiana|embolo)/", url)

    box.press("Enter")
    page.wait_for_url(f"{live_server.url}{url}")


def test_escape_closes_the_list_and_keeps_the_text(live_server, browser_page, products):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/")
    box = search_box(page)
    box.press_sequentially("taz", delay=40)
    expect(suggestions(page).get_by_role("option", name=re.compile("Taza de cerámica"))).to_be_visible()
    expect(page.locator("[data-search-status]")).to_have_text(ui("1 suggestion"))

    box.press("Escape")

    expect(suggestions(page)).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("taz")
    assert box.get_attribute("aria-activedescendant") is None


def test_clicking_a_suggestion_opens_it(live_server, browser_page, products):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/")
    search_box(page).press_sequentially("cerami", delay=40)

    suggestions(page).get_by_role("option", name=re.compile("Taza de cerámica")).click()

    page.wait_for_url(f"{live_server.url}/es/tienda/taza/")


def test_enter_without_a_highlighted_suggestion_submits_the_search(live_server, browser_page, products):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/")
    box = search_box(page)
    box.press_sequentially("cafetera", delay=40)
    expect(suggestions(page)).to_be_visible()

    box.press("Enter")

    page.wait_for_url(f"{live_server.url}/es/buscar/?q=cafetera")


def test_typing_less_than_two_characters_shows_nothing(live_server, browser_page, products):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/")
    box = search_box(page)
    box.press_sequentially("ta", delay=40)
    expect(suggestions(page)).to_be_visible()

    box.press("Backspace")

    expect(suggestions(page)).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_without_javascript_the_form_goes_to_the_search_page(live_server, browser, products):
    context = browser.new_context(locale="es-ES", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/es/tienda/")
        box = page.get_by_role("searchbox", name=ui("Search products and articles"))
        assert box.get_attribute("role") is None  # a plain field: no combobox without the script
        box.fill("cafetera italiana")
        page.get_by_role("search").get_by_role("button", name=search_verb()).first.click()
        page.wait_for_url(f"{live_server.url}/es/buscar/?q=cafetera+italiana")
        expect(page.get_by_role("searchbox", name=ui("Search products and articles"))).to_have_value(
            "cafetera italiana"
        )
    finally:
        context.close()
