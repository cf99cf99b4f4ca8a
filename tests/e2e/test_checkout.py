"""From the home page to a paid order, in Chromium, with PayPal played by the loopback server."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from checkout.models import CheckoutSettings, Order, OrderStatus
from products.models import ProductPage, ProductVariant
from tests.e2e.shop import publish_product
from tests.factories import ShippingMethodFactory
from tests.markup import ui
from tests.paypal_server.fixtures import paypal_server  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def shop(shop_index):
    product = ProductPage(title="Molinillo manual", slug="molinillo")
    product.variants.add(ProductVariant(sku="MOL-1", price=Decimal("39.00")))
    publish_product(shop_index, product, {"MOL-1": 4})
    ShippingMethodFactory(name="Envío estándar", price=Decimal("4.90"), free_above=Decimal("50.00"),
                          countries=["ES"])
    store = CheckoutSettings.for_site(Site.objects.get(is_default_site=True))
    store.bank_transfer_instructions = "IBAN: ES00 0000 0000 0000 0000 0000"
    store.save()
    return shop_index


def buy_one(page, live_server):
    page.goto(f"{live_server.url}/es/")
    page.get_by_role("link", name="Tienda").first.click()
    page.get_by_role("link", name="Molinillo manual").first.click()
    page.get_by_role("button", name=ui("Add to cart")).click()
    expect(page.locator(".site-header [data-cart-count]")).to_contain_text("1")
    page.locator(".site-header a.cart-link").click()
    page.get_by_role("link", name=ui("Checkout")).click()
    page.get_by_label(ui("Email")).fill("ana@example.com")
    page.get_by_label(ui("Full name")).fill("Ana Pérez")
    page.get_by_label(ui("Phone")).fill("600 000 000")
    page.get_by_label("Envío estándar").check()
    page.get_by_label(ui("Country")).select_option("ES")
    page.get_by_label(ui("Address"), exact=True).fill("Calle Mayor 1")
    page.get_by_label(ui("Postal code")).fill("28001")
    page.get_by_label(ui("City")).fill("Madrid")


def test_paying_with_paypal_from_the_home_page_to_the_order_page(live_server, browser_page, shop, paypal_server):
    page = browser_page
    buy_one(page, live_server)
    page.get_by_label(ui("PayPal")).check()
    page.get_by_label(ui("I have read and accept the terms and conditions")).check()
    page.get_by_role("button", name=ui("Place order")).click()

    page.wait_for_url(f"{paypal_server.url}/**")
    page.locator("#approve").click()

    order = Order.objects.get()
    page.wait_for_url(f"**/es/order/{order.token}/")
    expect(page.locator(".order__status")).to_contain_text(ui("Paid"))
    assert Order.objects.get().status == OrderStatus.PAID
    assert (order.total, order.shipping_total) == (Decimal("43.90"), Decimal("4.90"))

    page.reload()  # the order page is reachable again by its link
    expect(page.get_by_role("heading", level=1)).to_contain_text(order.number)


def test_a_bank_transfer_order_shows_how_to_pay(live_server, browser_page, shop):
    page = browser_page
    buy_one(page, live_server)
    page.get_by_label(ui("Bank transfer")).check()
    page.get_by_label(ui("I have read and accept the terms and conditions")).check()
    page.get_by_role("button", name=ui("Place order")).click()

    order = Order.objects.get()
    page.wait_for_url(f"**/es/order/{order.token}/")
    expect(page.locator(".order__status")).to_contain_text(ui("Pending payment"))
    expect(page.locator("main")).to_contain_text("ES00 0000 0000 0000 0000 0000")
    assert order.payment_method == "bank_transfer"


def test_staff_find_the_new_order_in_the_admin(live_server, browser_page, shop, django_user_model):
    page = browser_page
    buy_one(page, live_server)
    page.get_by_label(ui("Cash on delivery")).check()
    page.get_by_label(ui("I have read and accept the terms and conditions")).check()
    page.get_by_role("button", name=ui("Place order")).click()
    order = Order.objects.get()
    page.wait_for_url(f"**/es/order/{order.token}/")

    django_user_model.objects.create_superuser("jefa", "jefa@example.com", "una-clave-larga")
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("jefa")
    page.locator("#id_password").fill("una-clave-larga")
    page.locator("form [type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/orders/?q={order.number}")
    page.get_by_role("link", name=order.number).first.click()
    expect(page.locator("main")).to_contain_text("Ana Pérez")
    expect(page.locator("main")).to_contain_text("Molinillo manual")
