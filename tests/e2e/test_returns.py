"""A return from request to refund, in Chromium: the customer asks on the order page, staff run it in the admin.

PayPal is the loopback server: the order is paid and captured through it, and
the refund is made through it over real HTTP.
"""

import uuid
from decimal import Decimal

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from checkout.cart import add_to_cart
from checkout.models import Cart, CheckoutSettings, OrderStatus, Refund
from checkout.orders import transition
from checkout.paypal.services import capture_payment
from checkout.placing import place_order
from products.models import ProductPage, ProductVariant, StockRecord
from returns.models import ReturnRequest, ReturnStatus
from tests.checkout.paypal_helpers import approved_payment, checkout_details
from tests.e2e.shop import publish_product
from tests.factories import ShippingMethodFactory
from tests.markup import ui
from tests.paypal_server.fixtures import paypal_server  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def delivered_order(shop_index, paypal_server):
    """Two grinders bought with PayPal (captured at the loopback server), packed, shipped and delivered."""
    product = ProductPage(title="Molinillo manual", slug="molinillo")
    product.variants.add(ProductVariant(sku="MOL-1", price=Decimal("39.00")))
    publish_product(shop_index, product, {"MOL-1": 4})
    store = CheckoutSettings.for_site(Site.objects.get(is_default_site=True))
    cart = Cart.objects.create()
    add_to_cart(cart, "MOL-1", 2, product_id=product.pk)
    details = {**checkout_details(ShippingMethodFactory(countries=["ES"])), "checkout_key": uuid.uuid4().hex}
    order = place_order(cart, details, store=store)
    payment = approved_payment(order, paypal_server)
    capture_payment(order, payment.paypal_order_id)
    for status in (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        transition(order, status)
    return order


def test_a_return_from_the_order_page_to_the_paypal_refund(
    live_server, browser_page, delivered_order, paypal_server, django_user_model,
):
    page = browser_page
    order = delivered_order
    order_url = f"{live_server.url}/es/order/{order.token}/"
    stock_before = StockRecord.objects.get(sku="MOL-1").quantity

    # The customer asks to return one of the two grinders.
    page.goto(order_url)
    page.get_by_role("link", name=ui("Return products")).click()
    page.get_by_label(ui("Units of %(product)s to return") % {"product": "Molinillo manual"}).fill("1")
    page.get_by_label(ui("Why are you returning it?")).select_option("damaged")
    page.get_by_label(ui("Comment")).fill("Llegó con la manivela rota")
    page.get_by_role("button", name=ui("Request the return")).click()
    page.wait_for_url(order_url)
    expect(page.locator(".order__status")).to_contain_text(ui("Return requested"))
    expect(page.locator(".order-returns")).to_contain_text(ui("Return requested"))
    return_request = ReturnRequest.objects.get()
    assert [(line.quantity, line.order_line.sku) for line in return_request.lines.all()] == [(1, "MOL-1")]

    # Staff log in to the admin, approve, receive (back to stock) and refund through PayPal.
    django_user_model.objects.create_superuser("jefa", "jefa@example.com", "una-clave-larga")
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("jefa")
    page.locator("#id_password").fill("una-clave-larga")
    page.locator("form [type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/returns/")
    page.get_by_role("link", name=return_request.number).first.click()
    expect(page.locator("main")).to_contain_text("Llegó con la manivela rota")

    page.locator("[data-return-action=approve] textarea").fill("Envíalo a nuestra dirección por Correos")
    page.locator("[data-return-action=approve] button[type=submit]").click()
    expect(page.locator("[data-return-action=receive]")).to_be_visible()
    page.locator("[data-return-action=receive] button[type=submit]").click()
    expect(page.locator("[data-return-action=refund]")).to_be_visible()
    expect(page.locator("[data-return-action=refund] input[name=amount]")).to_have_value("39.00")
    page.locator("[data-return-action=refund] button[type=submit]").click()
    expect(page.locator("[data-return-action=refund]")).to_have_count(0)

    return_request.refresh_from_db()
    assert return_request.status == ReturnStatus.REFUNDED
    assert StockRecord.objects.get(sku="MOL-1").quantity == stock_before + 1
    refund = Refund.objects.get()
    payment = order.payments.get()
    assert (refund.payment, refund.amount) == (payment, Decimal("39.00"))
    assert paypal_server.count("refund") == 1
    (paypal_refund,) = paypal_server.refunds.values()
    assert (paypal_refund.capture_id, paypal_refund.amount) == (payment.paypal_capture_id, Decimal("39.00"))

    # The customer sees the return refunded and the order partially refunded.
    page.goto(order_url)
    expect(page.locator(".order__status")).to_contain_text(ui("Partially refunded"))
    expect(page.locator(".order-returns")).to_contain_text(ui("Return refunded"))
    expect(page.locator(".order-returns")).to_contain_text("Envíalo a nuestra dirección por Correos")
