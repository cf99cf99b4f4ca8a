"""A customer on a phone picks a variant and moves around with the keyboard."""

from decimal import Decimal

import pytest
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from products.models import ProductIndexPage, ProductPage, ProductVariant
from products.stock import set_stock

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def product(live_server):
    # Transactional tests start from an empty database: make Wagtail's root.
    Locale.objects.get_or_create(language_code="es")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Inicio", slug="inicio-e2e"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    shop = home.add_child(instance=ProductIndexPage(title="Tienda", slug="tienda", show_in_menus=True))
    product = ProductPage(title="Camiseta de algodón", slug="camiseta", option1_name="Talla")
    product.variants.add(ProductVariant(sku="CAM-S", option1="S", price=Decimal("15.00")))
    product.variants.add(ProductVariant(sku="CAM-M", option1="M", price=Decimal("17.50")))
    product.variants.add(ProductVariant(sku="CAM-L", option1="L", price=Decimal("19.00")))
    shop.add_child(instance=product)
    product.save_revision().publish()
    set_stock("CAM-S", 10)
    set_stock("CAM-M", 10)
    set_stock("CAM-L", 0)
    return product


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
