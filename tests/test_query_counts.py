"""Query budgets: a page's query count must not grow with its variants, images, products or blocks.

Each test renders a small and a big version of the same kind of page and
compares the number of queries; product pages and articles with product
blocks must also stay within MAX_QUERIES (issue 5: at most 12, with room left
for the head tags and structured data). Pages are rendered once first, so image
renditions exist; "warm" runs also have the renditions in the cache (the
usual case), "cold" runs start from an empty cache (a fresh worker, or
after the cache was flushed) and must not fall back to one query per image.
"""

from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products.models import ProductRelatedArticle, ProductRelatedProduct, ProductSpecification

from tests.factories import (
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    heading_block,
    product_block,
    product_grid_block,
)

MAX_QUERIES = 12


def make_product(parent, variants=1, images=1, **kwargs):
    return ProductPageFactory(
        parent=parent,
        variants=[ProductVariantFactory.build(price=Decimal(10 + n)) for n in range(variants)],
        gallery_images=[ProductImageFactory.build(image=ImageFactory()) for _ in range(images)],
        **kwargs,
    )


def relate(product, products=(), articles=(), specifications=1):
    for related in products:
        ProductRelatedProduct.objects.create(product=product, related=related)
    for article in articles:
        ProductRelatedArticle.objects.create(product=product, article=article)
    for number in range(specifications):
        ProductSpecification.objects.create(product=product, name=f"Dato {number}", value="Acero")


def visit_once(client, url, cold_cache):
    client.get(url)  # renditions are generated once, like on the first visit after publishing
    if cold_cache:
        for cache in caches.all():
            cache.clear()


def queries_to_render(client, url, cold_cache=False):
    visit_once(client, url, cold_cache)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def assert_renders_in(client, url, cold_cache, expected_queries, django_assert_num_queries):
    """The page renders in exactly `expected_queries` (pytest-django lists the queries if not)."""
    visit_once(client, url, cold_cache)
    with django_assert_num_queries(expected_queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_product_page_queries_do_not_grow_with_variants_images_and_related_items(
    client, shop, blog_index, cold_cache, django_assert_num_queries
):
    small = make_product(shop, variants=1, images=1, slug="small")
    big = make_product(shop, variants=10, images=8, slug="big")
    relate(small, products=[make_product(shop)],
           articles=[BlogPageFactory(parent=blog_index, hero_image=ImageFactory())])
    relate(big, products=[make_product(shop, variants=3, images=3) for _ in range(6)],
           articles=[BlogPageFactory(parent=blog_index, hero_image=ImageFactory()) for _ in range(4)],
           specifications=5)

    small_count = queries_to_render(client, small.url, cold_cache)

    assert small_count <= MAX_QUERIES
    assert_renders_in(client, big.url, cold_cache, small_count, django_assert_num_queries)


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_article_queries_do_not_grow_with_product_blocks(
    client, shop, blog_index, cold_cache, django_assert_num_queries
):
    products = [make_product(shop, variants=3, images=2) for _ in range(9)]
    # One block of each shoppable type: each type costs one lookup of the chosen pages, whatever its count.
    small = BlogPageFactory(parent=blog_index, slug="small",
                            body=[product_block(products[0]), product_grid_block(products[1:2])])
    big = BlogPageFactory(parent=blog_index, slug="big", body=[
        product_block(products[0]),
        heading_block("Para empezar"),
        product_grid_block(products[1:4], heading="Cafeteras"),
        product_block(products[4]),
        product_grid_block(products[5:9]),
        product_block(products[1]),
        product_grid_block(products[2:7]),
    ])

    small_count = queries_to_render(client, small.url, cold_cache)

    assert small_count <= MAX_QUERIES
    assert_renders_in(client, big.url, cold_cache, small_count, django_assert_num_queries)


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_listing_queries_do_not_grow_with_products(client, shop, cold_cache, django_assert_num_queries):
    few = ProductIndexPageFactory(parent=shop, title="Pocos", slug="pocos")
    many = ProductIndexPageFactory(parent=shop, title="Muchos", slug="muchos")
    make_product(few, variants=2, images=2)
    for _ in range(12):
        make_product(many, variants=3, images=2)

    few_count = queries_to_render(client, few.url, cold_cache)

    assert few_count <= MAX_QUERIES
    assert_renders_in(client, many.url, cold_cache, few_count, django_assert_num_queries)


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_product_page_query_budget(client, shop, blog_index, cold_cache, django_assert_max_num_queries):
    product = make_product(shop, variants=10, images=8)
    relate(product, products=[make_product(shop, variants=2, images=2) for _ in range(4)],
           articles=[BlogPageFactory(parent=blog_index, hero_image=ImageFactory())])
    visit_once(client, product.url, cold_cache)

    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(product.url).status_code == 200


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_english_article_query_budget(client, shop, blog_index, translate, cold_cache, django_assert_max_num_queries):
    """Translated pages choose products in the original language: they are looked up in the reader's."""
    products = [make_product(shop, variants=2, images=2) for _ in range(3)]
    translate(products[0])
    article = BlogPageFactory(parent=blog_index, hero_image=ImageFactory(), tags=["cafe"],
                              body=[product_block(products[0]), product_grid_block(products[1:])])
    english = translate(article, slug="guide")
    visit_once(client, english.url, cold_cache)

    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(english.url).status_code == 200
