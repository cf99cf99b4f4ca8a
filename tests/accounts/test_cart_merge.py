"""Logging in makes the visitor's cart and the account's saved cart one cart."""

import pytest
from django.test import Client

from checkout.cart import COOKIE_NAME, get_cart
from checkout.models import Cart, CartLine, CheckoutSettings
from tests.accounts.conftest import PASSWORD
from tests.checkout.helpers import lines, variant
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def teapot(shop):
    return ProductPageFactory(parent=shop, title="Tetera", slug="tetera", variants=[variant("POT-1", "25.00")],
                              stock=50)


def saved_cart_of(user, *items):
    """A cart saved in the account earlier (on another device): (product, quantity) pairs."""
    cart = Cart.objects.create(user=user)
    for product, quantity in items:
        CartLine.objects.create(cart=cart, product=product, sku=product.variants.get().sku, quantity=quantity)
    return cart


def visitor_with(product, sku, quantity):
    visitor = Client(HTTP_HOST="localhost")
    response = visitor.post("/es/cart/add/", {"product": product.pk, "sku": sku, "quantity": quantity})
    assert response.status_code == 303
    return visitor


def log_in(client, email="lucia@example.com"):
    response = client.post("/es/account/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_the_visitors_cart_takes_the_saved_carts_lines_and_the_cookie_stays(home, customer, mug, teapot):
    saved = saved_cart_of(customer, (mug, 2), (teapot, 1))
    visitor = visitor_with(mug, "MUG-1", 3)
    cookie = visitor.cookies[COOKIE_NAME].value
    visitor_cart = Cart.objects.get(user=None)

    response = log_in(visitor)

    assert COOKIE_NAME not in response.cookies, "the cookie cart survives, so no cookie change is needed"
    assert not Cart.objects.filter(pk=saved.pk).exists()
    visitor_cart.refresh_from_db()
    assert visitor_cart.user == customer
    assert lines(visitor_cart) == {"MUG-1": 5, "POT-1": 1}
    assert CartLine.objects.get(cart=visitor_cart, sku="POT-1").product_id == teapot.pk
    assert visitor.cookies[COOKIE_NAME].value == cookie
    assert "Tetera" in visitor.get("/es/cart/").content.decode()


def test_same_sku_quantities_are_capped_at_the_stores_maximum(home, site, customer, mug):
    store = CheckoutSettings.for_site(site)
    store.max_quantity_per_line = 6
    store.save()
    saved_cart_of(customer, (mug, 4))
    visitor = visitor_with(mug, "MUG-1", 5)

    log_in(visitor)

    assert Cart.objects.count() == 1
    assert lines(Cart.objects.get()) == {"MUG-1": 6}


def test_without_a_cookie_cart_the_saved_cart_is_used(home, customer, mug):
    saved = saved_cart_of(customer, (mug, 2))
    browser = Client(HTTP_HOST="localhost")

    log_in(browser)
    page = browser.get("/es/cart/")

    assert Cart.objects.get() == saved
    assert "Taza" in page.content.decode()
    assert browser.cookies[COOKIE_NAME].value, "viewing the cart ties this browser to the saved cart"
    browser.post("/es/cart/add/", {"product": mug.pk, "sku": "MUG-1", "quantity": 1})
    assert lines(saved) == {"MUG-1": 3}


def test_get_cart_finds_the_latest_saved_cart_of_the_logged_in_customer(rf, customer, other_customer):
    older = Cart.objects.create(user=customer)
    newer = Cart.objects.create(user=customer)
    Cart.objects.create(user=other_customer)
    Cart.objects.filter(pk=older.pk).update(updated_at=newer.updated_at.replace(year=2020))
    request = rf.get("/")
    request.user = customer

    assert get_cart(request) == newer


def test_a_cart_added_to_while_logged_in_belongs_to_the_customer(home, customer, mug):
    browser = Client(HTTP_HOST="localhost")
    log_in(browser)

    browser.post("/es/cart/add/", {"product": mug.pk, "sku": "MUG-1", "quantity": 1})

    assert Cart.objects.get().user == customer


def test_logging_in_with_another_accounts_cart_cookie_leaves_that_cart_alone(home, customer, other_customer, mug):
    """A shared computer: Marcos's cart cookie is still there when Lucía logs in; his cart is not hers."""
    browser = Client(HTTP_HOST="localhost")
    log_in(browser, "marcos@example.com")
    browser.post("/es/cart/add/", {"product": mug.pk, "sku": "MUG-1", "quantity": 2})
    marcos_cart = Cart.objects.get(user=other_customer)
    browser.logout()  # a session that ended without our logout view: the cookie is still there
    lucia_saved = saved_cart_of(customer, (mug, 1))

    log_in(browser)

    marcos_cart.refresh_from_db()
    assert marcos_cart.user == other_customer and lines(marcos_cart) == {"MUG-1": 2}
    assert lines(lucia_saved) == {"MUG-1": 1}
    page = browser.get("/es/cart/").content.decode()
    assert 'value="1"' in page and 'value="2"' not in page
