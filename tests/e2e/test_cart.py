"""A customer on a phone fills a cart: add from the product page, watch the badge, change, remove."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from checkout.models import CartLine
from products.models import ProductPage, ProductVariant
from products.stock import set_stock
from tests.e2e.shop import publish_product
from tests.markup import ui

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def product(shop_index):
    product = ProductPage(title="Camiseta de algodón", slug="camiseta", option1_name="Talla")
    product.variants.add(ProductVariant(sku="CAM-S", option1="S", price=Decimal("15.00")))
    product.variants.add(ProductVariant(sku="CAM-M", option1="M", price=Decimal("17.50")))
    return publish_product(shop_index, product, {"CAM-S": 10, "CAM-M": 10})


def badge(page):
    return page.locator(".site-header [data-cart-count]")


def test_add_from_the_product_page_then_change_and_remove_in_the_cart(live_server, browser_page, product):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/camiseta/")
    expect(badge(page)).to_be_hidden()

    page.get_by_role("radio", name="M").click()
    page.wait_for_url("**variant=CAM-M**")
    # Only the option goes into the URL, not the quantity or product fields the form also owns.
    assert page.url.endswith("/es/tienda/camiseta/?variant=CAM-M")
    page.get_by_label(ui("Quantity")).fill("2")
    page.get_by_role("button", name=ui("Add to cart")).click()

    expect(page.locator(".product__buy [data-cart-status]")).to_contain_text("Camiseta de algodón (M)")
    expect(badge(page)).to_be_visible()
    expect(badge(page)).to_contain_text("2")
    assert page.url.endswith("?variant=CAM-M")  # added without leaving the page

    page.locator(".site-header a.cart-link").click()
    page.wait_for_url("**/es/cart/")
    line = page.locator("[data-cart-line][data-sku=CAM-M]")
    expect(line.locator("[data-line-total]")).to_have_text("35,00\u00a0€")

    page.evaluate("window.stillTheSamePage = true")
    line.get_by_label(re.compile(ui("Quantity"))).fill("3")
    line.get_by_role("button", name=re.compile(ui("Update"))).click()
    expect(line.locator("[data-line-total]")).to_have_text("52,50\u00a0€")
    expect(page.locator("[data-cart-subtotal]")).to_have_text("52,50\u00a0€")
    expect(badge(page)).to_contain_text("3")
    assert page.evaluate("window.stillTheSamePage") is True  # updated without a reload

    line.get_by_role("button", name=re.compile(ui("Remove"))).click()
    expect(page.locator(".cart-empty")).to_be_visible()
    expect(badge(page)).to_be_hidden()
    assert CartLine.objects.count() == 0


def test_a_refused_quantity_is_explained_next_to_the_field(live_server, browser_page, product):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/camiseta/")
    page.get_by_role("button", name=ui("Add to cart")).click()
    expect(badge(page)).to_contain_text("1")
    page.goto(f"{live_server.url}/es/cart/")
    set_stock("CAM-S", 2)

    line = page.locator("[data-cart-line][data-sku=CAM-S]")
    field = line.get_by_label(re.compile(ui("Quantity")))
    # Bypass the browser's own max check to reach the server, as a stale page would.
    field.evaluate("input => input.removeAttribute('max')")
    field.fill("5")
    line.get_by_role("button", name=re.compile(ui("Update"))).click()

    expect(line.locator("[data-line-error]")).to_contain_text("2")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert CartLine.objects.get().quantity == 1


def test_without_javascript_an_option_is_chosen_and_added_after_one_confirmation(live_server, browser, product):
    context = browser.new_context(locale="es-ES", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/es/tienda/camiseta/")
        page.get_by_role("radio", name="M").check()
        page.get_by_label(ui("Quantity")).fill("2")
        page.get_by_role("button", name=ui("Add to cart")).click()
        # The page carries no CSRF token (it is cached for everyone; vitrina.js fills it in):
        # without JavaScript the shop asks once, with a form of this visitor's own.
        expect(page.get_by_role("heading", level=1)).to_have_text(ui("Add to cart?"))
        page.get_by_role("button", name=ui("Add to cart")).click()

        page.wait_for_url("**/es/cart/")
        line = page.locator("[data-cart-line][data-sku=CAM-M]")
        expect(line.locator("input[name=quantity]")).to_have_value("2")
        expect(page.locator("[data-cart-status]")).to_contain_text("Camiseta de algodón (M)")
    finally:
        context.close()


def test_a_card_adds_one_unit_without_leaving_the_listing(live_server, browser_page, product):
    shop = product.get_parent()
    mug = ProductPage(title="Taza", slug="taza")
    mug.variants.add(ProductVariant(sku="MUG-1", price=Decimal("9.90")))
    shop.add_child(instance=mug)
    mug.save_revision().publish()
    set_stock("MUG-1", 5)
    page = browser_page

    page.goto(f"{live_server.url}/es/tienda/")
    card = page.locator(".product-card", has_text="Taza")
    card.get_by_role("button", name=re.compile(ui("Add to cart"))).click()

    expect(card.locator("[data-cart-status]")).to_contain_text("Taza")
    expect(badge(page)).to_contain_text("1")
    assert page.url == f"{live_server.url}/es/tienda/"
    # The shirt has sizes: its card links to the product page instead.
    shirt = page.locator(".product-card", has_text="Camiseta")
    expect(shirt.locator("form.add-to-cart")).to_have_count(0)


def test_a_half_typed_quantity_does_not_stop_choosing_an_option(live_server, browser_page, product):
    page = browser_page
    page.goto(f"{live_server.url}/es/tienda/camiseta/")
    page.get_by_label(ui("Quantity")).fill("")

    page.get_by_role("radio", name="M").click()

    page.wait_for_url("**variant=CAM-M**")


def test_two_shoppers_add_to_their_own_carts_from_the_same_cached_page(live_server, browser, product, settings):
    settings.VITRINA_PAGE_CACHE = True
    url = f"{live_server.url}/es/tienda/camiseta/"
    carts = []
    for size in ("S", "M"):
        context = browser.new_context(locale="es-ES")
        page = context.new_page()
        try:
            response = page.goto(url)
            carts.append(response.headers.get("x-cache"))
            if size != "S":  # S is chosen to begin with
                page.get_by_role("radio", name=size).click()
                page.wait_for_url(f"**variant=CAM-{size}**")
            page.get_by_role("button", name=ui("Add to cart")).click()
            expect(badge(page)).to_contain_text("1")
        finally:
            context.close()

    assert carts == ["miss", "hit"]  # the second shopper got the first one's page, token-free
    assert sorted(CartLine.objects.values_list("sku", flat=True)) == ["CAM-M", "CAM-S"]
    assert CartLine.objects.values("cart").distinct().count() == 2
