"""Suggestions while typing: /es/buscar/autocompletar/?q=... answers JSON."""

from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

URL_ES = "/es/buscar/autocompletar/"
URL_EN = "/en/search/autocomplete/"


def product(parent, title, *prices, **fields):
    variants = [ProductVariantFactory.build(price=Decimal(price)) for price in prices or ("19.90",)]
    return ProductPageFactory(parent=parent, title=title, variants=variants, **fields)


@pytest.fixture
def catalog(shop, blog_index, home, translate):
    cafeteras = ProductIndexPageFactory(parent=shop, title="Cafeteras", slug="cafeteras")
    pages = {
        "italiana": product(
            cafeteras, "Cafetera italiana de acero", "34.00", brand="Bialetti", slug="cafetera-italiana",
            gallery_images=[ProductImageFactory.build(image=ImageFactory())],
        ),
        "embolo": product(cafeteras, "Cafetera de émbolo", "24.50", "29.00", slug="cafetera-embolo"),
        "cafe": product(shop, "Café en grano de Colombia", "12.00", slug="cafe-colombia"),
        "industrial": product(shop, "Cafetera industrial de dos grupos", "2500.00", is_quote_only=True),
        "taza": product(shop, "Taza de cerámica", "9.50"),
        "article": BlogPageFactory(parent=blog_index, title="Cómo elegir una cafetera", slug="elegir-cafetera"),
        "guide": StandardPageFactory(parent=home, title="Guía de cafés de origen", slug="guia-cafes"),
    }
    pages["english_cafe"] = translate(pages["cafe"], title="Colombian coffee beans")
    pages["english_italiana"] = translate(pages["italiana"], title="Italian steel coffee maker")
    return pages


def suggest(client, query, url=URL_ES):
    response = client.get(url, {"q": query})
    assert response.status_code == 200, response.content
    return response.json()


def titles(answer):
    return [result["title"] for result in answer["results"]]


def test_accentless_prefix_suggests_products_first_then_articles(client, catalog):
    answer = suggest(client, "cafe")

    assert answer["query"] == "cafe"
    assert answer["search_url"] == "/es/buscar/?q=cafe"
    types = [result["type"] for result in answer["results"]]
    assert types[:4] == ["product"] * 4 and sorted(types[4:]) == ["article", "page"], types
    assert set(titles(answer)) == {
        "Cafetera italiana de acero", "Cafetera de émbolo", "Café en grano de Colombia",
        "Cafetera industrial de dos grupos", "Cómo elegir una cafetera", "Guía de cafés de origen",
    }


def test_a_product_suggestion_has_its_price_link_and_small_picture(client, catalog):
    [result] = suggest(client, "italiana")["results"]

    assert result["type"] == "product"
    assert result["url"] == "/es/tienda/cafeteras/cafetera-italiana/"
    assert result["price"] == "34,00\u00a0€"
    assert result["image"].startswith("/media/images/") and ".fill-96x96." in result["image"]


def test_prices_say_from_for_several_prices_and_nothing_for_quote_only(client, catalog):
    results = {result["title"]: result for result in suggest(client, "cafetera")["results"]}

    assert results["Cafetera de émbolo"]["price"] == "Desde 24,50\u00a0€"
    assert "price" not in results["Cafetera industrial de dos grupos"]
    assert results["Cafetera de émbolo"]["image"] is None


def test_articles_and_pages_are_typed(client, catalog):
    results = {result["title"]: result for result in suggest(client, "cafe")["results"]}

    assert results["Cómo elegir una cafetera"]["type"] == "article"
    assert results["Cómo elegir una cafetera"]["url"] == "/es/revista/elegir-cafetera/"
    assert results["Guía de cafés de origen"]["type"] == "page"
    assert "price" not in results["Guía de cafés de origen"]


def test_prefix_of_a_later_word_and_of_the_brand(client, catalog):
    assert titles(suggest(client, "cafetera emb")) == ["Cafetera de émbolo"]
    assert titles(suggest(client, "bialet")) == ["Cafetera italiana de acero"]
    assert titles(suggest(client, "CERÁM")) == ["Taza de cerámica"]


def test_english_pages_suggest_only_english_products(client, catalog):
    answer = suggest(client, "col", url=URL_EN)

    assert titles(answer) == ["Colombian coffee beans"]
    assert answer["results"][0]["url"] == "/en/tienda/cafe-colombia/"
    assert answer["results"][0]["price"] == "€12.00"
    assert answer["search_url"] == "/en/search/?q=col"
    assert set(titles(suggest(client, "coffee", url=URL_EN))) == {"Colombian coffee beans", "Italian steel coffee maker"}
    # Spanish titles are not suggested on English pages, nor English ones on Spanish pages.
    assert suggest(client, "cafetera", url=URL_EN)["results"] == []
    assert suggest(client, "colombian")["results"] == []


def test_unpublished_and_private_pages_are_never_suggested(client, catalog, shop):
    product(shop, "Cafetera en borrador", live=False)
    private = product(shop, "Cafetera para socios")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    catalog["article"].unpublish()

    found = titles(suggest(client, "cafetera"))

    assert "Cafetera italiana de acero" in found
    assert not {"Cafetera en borrador", "Cafetera para socios", "Cómo elegir una cafetera"} & set(found)


def test_at_most_eight_suggestions_with_room_for_articles(client, catalog, shop):
    for n in range(12):
        product(shop, f"Cafetera número {n}")

    results = suggest(client, "cafe")["results"]

    assert len(results) == 8
    assert sorted(result["type"] for result in results[-2:]) == ["article", "page"]


def test_answer_can_be_cached_publicly_and_is_not_indexed(client, catalog):
    response = client.get(URL_ES, {"q": "cafe"})

    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "a" * 201}])
def test_missing_empty_or_too_long_query_is_a_400(client, home, params):
    response = client.get(URL_ES, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert response["Cache-Control"] == "no-store"


def test_a_query_of_200_characters_is_accepted(client, catalog):
    assert suggest(client, "cafe " * 40)["results"] is not None


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_than_get_are_a_405(client, home, method):
    response = getattr(client, method)(URL_ES + "?q=cafe")

    assert response.status_code == 405
    assert response.json()["error"]
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("query", [
    '"', "'", "*", "(", ")", ":", "-", "\\", "^", "~", "/", "?", "!", "&", "|", "{", "}", "[", "]",
    'cafe"', "cafe'", "caf*", "(cafe", "cafe)", "title:cafe", "-cafe", "cafe -", "cafe\\", "caf\\e",
    "AND", "OR", "NOT", "NEAR", "cafe AND", "AND cafe", "cafe OR taza", "NEAR(cafe taza)", "cafe NOT",
    "cafe NEAR/2 taza", '"cafe', '"cafe" "', "' OR 1=1 --", "'; DROP TABLE wagtailcore_page; --",
    "cafe%", "%", "_", "cafe_", "cafe:*", "cafe & !taza", "cafe <-> taza", "title:(cafe OR taza)^2",
    "cafe~2", "/caf.*/", "[a TO z]", "{!lucene}cafe", "\x00", "caf\x00e", "😀", "café ☕", "ñ", "ß",
    "e\u0301", "\u200b", "\u202ecafe",
])
def test_search_syntax_in_the_query_never_breaks_the_answer(client, catalog, query):
    response = client.get(URL_ES, {"q": query})

    assert response.status_code in (200, 400), (query, response.status_code)
    assert response["Content-Type"] == "application/json"


def test_operators_are_plain_words(client, catalog):
    assert titles(suggest(client, '"cafetera" (italiana*')) == ["Cafetera italiana de acero"]
    assert suggest(client, "cafe AND")["results"] == []
    assert suggest(client, "!!")["results"] == []


def test_a_single_character_suggests_nothing(client, catalog):
    assert suggest(client, "c")["results"] == []


def test_query_budget_does_not_grow_with_the_suggestions(client, catalog, shop, django_assert_max_num_queries):
    for n in range(10):
        product(shop, f"Cafetera número {n}", "10.00", "12.00",
                gallery_images=[ProductImageFactory.build(image=ImageFactory())])
    for page, field in ((catalog["article"], "hero_image"), (catalog["guide"], "image")):
        setattr(page, field, ImageFactory())
        page.save_revision().publish()
    suggest(client, "cafe")  # renditions are made once, on the first suggestion that shows them

    # Locale, view restrictions (x2), product search + variants, images, renditions, stock;
    # page search, specific pages (x3), their images and renditions (x4); site roots.
    with django_assert_max_num_queries(18):
        results = suggest(client, "cafe")["results"]
    assert len(results) == 8
    assert all(result["image"] for result in results if result["type"] != "product" or "número" in result["title"])


def test_a_picture_whose_file_is_gone_is_left_out(client, catalog):
    image = catalog["italiana"].main_image
    image.file.storage.delete(image.file.name)

    [result] = suggest(client, "italiana")["results"]

    assert result["image"] is None
