"""Product blocks sell from inside any text: live price, sale, availability, link, language."""

from decimal import Decimal

import pytest

from tests.factories import (
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StandardPageFactory,
    product_block,
    product_grid_block,
)
from tests.markup import parse, text_of, ui


@pytest.fixture
def coffee_maker(shop):
    return ProductPageFactory(
        parent=shop, title="Cafetera italiana", slug="cafetera-italiana", brand="Moka",
        variants=[ProductVariantFactory.build(sku="MOKA-6", price=Decimal("29.90"), compare_at_price=Decimal("39.90"))],
        gallery_images=[ProductImageFactory.build(image=ImageFactory())],
    )


def cards(response):
    return parse(response).select(".stream .product-card")


def test_product_block_shows_live_sale_price_availability_and_link(client, blog_index, coffee_maker):
    article = BlogPageFactory(parent=blog_index, body=[product_block(coffee_maker)])

    (card,) = cards(client.get(article.url))

    assert text_of(card.select_one(".product-card__title")) == "Cafetera italiana"
    assert text_of(card.select_one(".product-card__brand")) == "Moka"
    assert card.select_one("a.product-card__link")["href"] == "/es/tienda/cafetera-italiana/"
    assert card.select_one("img.product-card__image") is not None
    assert text_of(card.select_one(".price__now")) == "29,90\u00a0€"
    assert text_of(card.select_one("del.price__was")).endswith("39,90\u00a0€")
    assert text_of(card.select_one(".badge--sale")) == ui("Sale")
    assert text_of(card.select_one(".availability")) == ui("In stock")
    assert card.select_one("a.button")["href"] == "/es/tienda/cafetera-italiana/"


def test_product_block_price_is_live_not_a_copy_taken_when_the_article_was_written(client, blog_index, coffee_maker):
    article = BlogPageFactory(parent=blog_index, body=[product_block(coffee_maker)])
    variant = coffee_maker.variants.get()
    variant.price, variant.compare_at_price = Decimal("24.50"), None
    variant.save()

    (card,) = cards(client.get(article.url))

    assert text_of(card.select_one(".price__now")) == "24,50\u00a0€"
    assert card.select_one("del.price__was") is None
    assert card.select_one(".badge--sale") is None


def test_product_block_shows_out_of_stock_without_a_buy_button(client, blog_index, shop):
    product = ProductPageFactory(parent=shop, title="Molinillo", stock=0)
    article = BlogPageFactory(parent=blog_index, body=[product_block(product)])

    (card,) = cards(client.get(article.url))

    assert text_of(card.select_one(".availability")) == ui("Out of stock")
    assert card.select_one("a.button") is None


def test_product_grid_block_shows_each_chosen_product_in_order(client, blog_index, shop):
    products = [ProductPageFactory(parent=shop, title=f"Taza {n}") for n in (1, 2, 3)]
    article = BlogPageFactory(parent=blog_index, body=[product_grid_block(products[::-1], heading="Nuestras tazas")])

    html = parse(client.get(article.url))

    grid = html.select_one(".block-product-grid")
    assert text_of(grid.h2) == "Nuestras tazas"
    assert [text_of(t) for t in grid.select(".product-card__title")] == ["Taza 3", "Taza 2", "Taza 1"]


def test_unpublished_product_chosen_in_blocks_is_not_shown(client, blog_index, shop, coffee_maker):
    other = ProductPageFactory(parent=shop, title="Filtros de papel")
    article = BlogPageFactory(
        parent=blog_index, body=[product_block(coffee_maker), product_grid_block([coffee_maker, other])]
    )
    coffee_maker.unpublish()

    response = client.get(article.url)

    assert [text_of(t) for t in parse(response).select(".product-card__title")] == ["Filtros de papel"]
    assert "Cafetera italiana" not in response.content.decode()


def test_product_blocks_work_in_home_and_standard_pages(client, home, coffee_maker):
    home.body = [product_block(coffee_maker)]
    home.save()
    landing = StandardPageFactory(parent=home, slug="campana", body=[product_grid_block([coffee_maker])])

    for url in ("/es/", landing.url):
        (card,) = cards(client.get(url))
        assert text_of(card.select_one(".price__now")) == "29,90\u00a0€"


def test_english_article_shows_the_english_translation_of_the_product(client, blog_index, coffee_maker, translate):
    translate(coffee_maker, title="Moka pot")
    article = BlogPageFactory(parent=blog_index, slug="guia", body=[product_block(coffee_maker)])
    english_article = translate(article, title="Guide")

    (card,) = cards(client.get(english_article.url))

    assert english_article.url == "/en/revista/guia/"
    assert text_of(card.select_one(".product-card__title")) == "Moka pot"
    assert card.select_one("a.product-card__link")["href"] == "/en/tienda/cafetera-italiana/"
    assert text_of(card.select_one(".price__now")) == "€29.90"
    # The Spanish article keeps the Spanish product.
    (spanish_card,) = cards(client.get(article.url))
    assert text_of(spanish_card.select_one(".product-card__title")) == "Cafetera italiana"


def test_english_article_falls_back_to_the_spanish_product_when_it_has_no_translation(
    client, blog_index, coffee_maker, translate
):
    article = BlogPageFactory(parent=blog_index, body=[product_grid_block([coffee_maker])])
    english_article = translate(article, title="Guide")

    (card,) = cards(client.get(english_article.url))

    assert text_of(card.select_one(".product-card__title")) == "Cafetera italiana"
    assert text_of(card.select_one(".price__now")) == "€29.90"


def test_product_block_in_a_product_description_hides_an_unpublished_product(client, shop, coffee_maker):
    """Product descriptions use the same body blocks, so the same rules must hold there."""
    accessory = ProductPageFactory(parent=shop, title="Junta de repuesto", slug="junta")
    coffee_maker.description = [product_block(accessory)]
    coffee_maker.save()
    accessory.unpublish()

    response = client.get(coffee_maker.url)

    assert response.status_code == 200
    assert "Junta de repuesto" not in response.content.decode()


def test_product_block_in_an_english_product_description_shows_the_english_product(
    client, shop, coffee_maker, translate
):
    accessory = ProductPageFactory(parent=shop, title="Junta de repuesto", slug="junta")
    translate(accessory, title="Spare gasket")
    coffee_maker.description = [product_block(accessory)]
    coffee_maker.save()
    english = translate(coffee_maker, title="Moka pot")

    html = parse(client.get(english.url))

    assert [text_of(t) for t in html.select(".product__details .product-card__title")] == ["Spare gasket"]
