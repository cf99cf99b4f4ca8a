"""A customer on a phone picks a variant and moves around with the keyboard."""

from decimal import Decimal

import pytest

from products.models import ProductPage, ProductVariant
from tests.e2e.shop import publish_product

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def product(shop_index):
    product = ProductPage(title="Camiseta de algodón", slug="camiseta", option1_name="Talla")
    product.variants.add(ProductVariant(sku="CAM-S", option1="S", price=Decimal("15.00")))
    product.variants.add(ProductVariant(sku="CAM-M", option1="M", price=Decimal("17.50")))
    product.variants.add(ProductVariant(sku="CAM-L", option1="L", price=Decimal("19.00")))
    return publish_product(shop_index, product, {"CAM-S": 10, "CAM-M": 10, "CAM-L": 0})


def test_choosing_a_variant_shows_its_price(live_server, browser_page, product):
    browser_page.goto(f"{live_server.url}/es/tienda/camiseta/")
    assert browser_page.locator(".product__buy .price__now").inner_text() == "15,00\u00a0€"
    # The out-of-stock size cannot be chosen.
    assert browser_page.get_by_role("radio", name="L").is_disabled()
    # With JavaScript the form submits on change; its button is only for no-JS visitors.
    assert browser_page.locator(".variant-form button[type=submit]").is_hidden()
    browser_page.get_by_role("radio", name="M").click()
    browser_page.wait_for_url("**variant=CAM-M**")
    assert browser_page.locator(".product__buy .price__now").inner_text() == "17,50\u00a0€"
    assert "CAM-M" in browser_page.locator(".product__sku").inner_text()


def test_skip_link_is_first_and_moves_focus_to_the_content(live_server, browser_page, product):
    browser_page.goto(f"{live_server.url}/es/tienda/camiseta/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
