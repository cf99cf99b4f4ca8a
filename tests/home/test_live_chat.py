"""The live chat snippet staff paste in the shop settings: on public pages only, behind consent when asked."""

import pytest
from django.core.cache import cache

from home.models import ShopSettings
from tests.checkout.test_orders_admin import new_order
from tests.factories import ProductPageFactory, ProductVariantFactory

pytestmark = pytest.mark.django_db

SNIPPET = '<script src="https://chat.example/widget.js" data-chat-id="vitrina-42"></script>'


@pytest.fixture
def chat(site):
    settings = ShopSettings.for_site(site)
    settings.live_chat_snippet = SNIPPET
    settings.save()
    cache.clear()  # the site data cache
    return settings


@pytest.fixture
def product(shop):
    return ProductPageFactory(parent=shop, title="Molinillo", slug="molinillo",
                              variants=[ProductVariantFactory.build(sku="MOL-1")], stock=4)


def test_no_snippet_no_chat(client, home, product):
    for url in ("/es/", product.url):
        assert "chat.example" not in client.get(url).content.decode()


def test_public_pages_carry_the_snippet_as_pasted(client, chat, product):
    for url in ("/es/", "/es/tienda/", product.url, "/es/buscar/?q=molinillo"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count(SNIPPET) == 1, url


def test_never_on_cart_checkout_or_order_pages(client, chat, home, shop, product):
    order = new_order(home, shop)
    for url in ("/es/cart/", "/es/checkout/", f"/es/order/{order.token}/", "/en/cart/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert "chat.example" not in response.content.decode(), url


def test_with_consent_required_the_snippet_waits_in_an_inert_template(client, chat, product):
    chat.live_chat_needs_consent = True
    chat.save()
    cache.clear()
    html = client.get(product.url).content.decode()
    assert f'<template data-consent="functional">{SNIPPET}</template>' in html
