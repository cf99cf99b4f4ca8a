"""The index and the search columns follow publishing, moves and stock."""

from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import translation
from wagtail.search.backends import get_search_backend

from products.models import ProductPage
from products.stock import release_stock, reserve_stock, set_stock
from tests.factories.products import ProductIndexPageFactory, ProductPageFactory, ProductVariantFactory

pytestmark = pytest.mark.django_db


def found(query, locale):
    with translation.override(locale.language_code):
        queryset = ProductPage.objects.live().filter(locale=locale)
        return [page.title for page in get_search_backend().search(query, queryset)]


def test_publishing_unpublishing_and_deleting_update_the_index(shop, locale_es):
    product = ProductPageFactory(parent=shop, title="Hervidor de cuello de cisne", live=False)
    assert found("hervidor", locale_es) == []
    product.save_revision().publish()
    assert found("hervidor", locale_es) == ["Hervidor de cuello de cisne"]

    draft = ProductPage.objects.get(pk=product.pk)
    draft.title = "Hervidor eléctrico de cuello de cisne"
    draft.save_revision().publish()
    assert found("electrico", locale_es) == ["Hervidor eléctrico de cuello de cisne"]

    product.refresh_from_db()
    product.unpublish()
    assert found("hervidor", locale_es) == []
    product.delete()
    from wagtail.search.models import IndexEntry

    assert not IndexEntry.objects.filter(object_id=str(product.pk)).exists()


def test_price_columns_follow_the_published_variants(shop):
    product = ProductPageFactory(parent=shop, variants=[
        ProductVariantFactory.build(price=Decimal("120.00")), ProductVariantFactory.build(price=Decimal("30.00")),
    ])
    assert (product.lowest_price, product.price_band, product.category_id) == (Decimal("30.00"), 2, shop.pk)
    quote = ProductPageFactory(parent=shop, is_quote_only=True)
    assert (quote.lowest_price, quote.price_band, quote.is_available) == (None, None, False)


def test_availability_column_follows_stock_changes(shop):
    product = ProductPageFactory(parent=shop, stock=0)
    sku = product.variants.first().sku
    assert ProductPage.objects.get(pk=product.pk).is_available is False
    set_stock(sku, 2)
    assert ProductPage.objects.get(pk=product.pk).is_available is True
    with transaction.atomic():
        reserve_stock({sku: 2})
    assert ProductPage.objects.get(pk=product.pk).is_available is False
    release_stock({sku: 1})
    assert ProductPage.objects.get(pk=product.pk).is_available is True


def test_moving_a_product_changes_its_category(shop):
    espresso = ProductIndexPageFactory(parent=shop, title="Espresso", slug="espresso")
    filtro = ProductIndexPageFactory(parent=shop, title="Filtro", slug="filtro")
    product = ProductPageFactory(parent=espresso)
    assert product.category_id == espresso.pk
    product.move(filtro, pos="last-child")
    assert ProductPage.objects.get(pk=product.pk).category_id == filtro.pk
