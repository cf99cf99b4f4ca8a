"""The search page: relevance, facets, sorting, pagination, promotions and bad input."""

from decimal import Decimal

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from products.models import ProductPage
from search.catalog import product_with_sku
from tests.factories.blog import BlogPageFactory
from tests.factories.products import ProductIndexPageFactory, ProductPageFactory, ProductVariantFactory
from tests.markup import parse, text_of

pytestmark = pytest.mark.django_db


def product(parent, title, price="19.90", stock=10, sku=None, **fields):
    variant = ProductVariantFactory.build(price=Decimal(price), **({"sku": sku} if sku else {}))
    return ProductPageFactory(parent=parent, title=title, variants=[variant], stock=stock, **fields)


@pytest.fixture
def catalog(shop, blog_index, translate):
    cafeteras = ProductIndexPageFactory(parent=shop, title="Cafeteras", slug="cafeteras")
    molinillos = ProductIndexPageFactory(parent=shop, title="Molinillos", slug="molinillos")
    tazas = ProductIndexPageFactory(parent=shop, title="Tazas", slug="tazas")
    pages = {
        "italiana": product(cafeteras, "Cafetera italiana de acero", "34.00", brand="Bialetti",
                            summary="Café de moka en casa.", sku="CAF-ITA-6"),
        "embolo": product(cafeteras, "Cafetera de émbolo", "24.50", summary="Prensa francesa de vidrio."),
        "goteo": product(cafeteras, "Cafetera de goteo eléctrica", "89.00", stock=0,
                         summary="Para diez tazas de café."),
        "molinillo": product(molinillos, "Molinillo de café manual", "45.00", summary="Muelas cerámicas."),
        "electrico": product(molinillos, "Molinillo eléctrico", "129.00", summary="Molienda regulable para café."),
        "taza": product(tazas, "Taza de cerámica", "9.50", summary="Para espresso."),
    }
    article = BlogPageFactory(parent=blog_index, title="Cómo elegir una cafetera", intro="Guía de compra de café.")
    translate(pages["molinillo"], title="Manual coffee grinder", summary="Ceramic burrs.")
    translate(pages["italiana"], title="Italian steel moka pot", summary="Stovetop coffee at home.")
    translate(pages["embolo"], title="French press coffee maker", summary="Glass and steel plunger.")
    translate(pages["electrico"], title="Electric grinder", summary="Adjustable grind for coffee.")
    translate(pages["taza"], title="Ceramic mug", summary="For espresso.")
    return {"categories": {"cafeteras": cafeteras, "molinillos": molinillos, "tazas": tazas},
            "products": pages, "article": article}


def get(client, query="", path="/es/buscar/", **params):
    response = client.get(path, {"q": query, **params} if query is not None else params)
    assert response.status_code == 200
    return response


def product_titles(response):
    return [text_of(node) for node in parse(response).select(".search-results .product-card__title")]


@pytest.mark.parametrize("query, first", [
    ("cafetera italiana", "Cafetera italiana de acero"),
    ("cafeteras italianas", "Cafetera italiana de acero"),
    ("embolo", "Cafetera de émbolo"),
    ("molinillo electrico", "Molinillo eléctrico"),
    ("ceramica taza", "Taza de cerámica"),
    ("bialetti", "Cafetera italiana de acero"),
    ("CAF-ITA-6", "Cafetera italiana de acero"),
])
def test_the_expected_product_comes_first(client, catalog, query, first):
    assert product_titles(get(client, query))[0] == first


def test_title_matches_rank_above_description_matches(client, catalog):
    titles = product_titles(get(client, "molinillo"))
    assert titles[:2] == ["Molinillo de café manual", "Molinillo eléctrico"] or titles[:2] == [
        "Molinillo eléctrico", "Molinillo de café manual"]
    titles = product_titles(get(client, "cafe"))
    assert "Molinillo de café manual" in titles and "Taza de cerámica" not in titles


@pytest.mark.parametrize("query, first", [
    ("grinders manual", "Manual coffee grinder"),
    ("electric grinders", "Electric grinder"),
    ("moka pots", "Italian steel moka pot"),
    ("french presses", "French press coffee maker"),
    ("mugs", "Ceramic mug"),
    ("plungers", "French press coffee maker"),
])
def test_the_expected_product_comes_first_in_english(client, catalog, query, first):
    assert product_titles(get(client, query, path="/en/search/"))[0] == first


def test_english_search_finds_english_pages_only(client, catalog):
    response = get(client, "grinders", path="/en/search/")
    assert set(product_titles(response)) == {"Manual coffee grinder", "Electric grinder"}
    assert product_titles(get(client, "muelas", path="/en/search/")) == []


def test_products_and_articles_are_split_into_tabs(client, catalog):
    page = parse(get(client, "cafetera"))
    tabs = [text_of(link) for link in page.select(".search-tabs a")]
    assert tabs == ["Productos (3)", "Artículos y páginas (1)"]
    articles = parse(get(client, "cafetera", type="articles"))
    assert [text_of(a) for a in articles.select(".search-article__title a")] == ["Cómo elegir una cafetera"]


def test_articles_and_pages_are_ranked_together_and_paginated(client, catalog, home, blog_index):
    from tests.factories.home import StandardPageFactory

    StandardPageFactory(parent=home, title="Envíos y devoluciones", slug="envios", intro="Cómo enviamos tu café.")
    for number in range(12):
        BlogPageFactory(parent=blog_index, title=f"Receta de café {number}", intro="Una receta con café.")
    first = parse(get(client, "envios cafe", type="articles"))
    assert text_of(first.select_one(".search-article__title a")) == "Envíos y devoluciones"
    all_titles = []
    for page in (1, 2):
        listing = parse(get(client, "cafe", type="articles", page=page))
        all_titles += [text_of(a) for a in listing.select(".search-article__title a")]
    assert len(all_titles) == 14 and len(set(all_titles)) == 14
    assert "Envíos y devoluciones" in all_titles and "Cómo elegir una cafetera" in all_titles


def test_product_results_show_price_availability_and_add_to_cart(client, catalog):
    page = parse(get(client, "cafetera"))
    cards = {text_of(card.select_one(".product-card__title")): card for card in page.select(".product-card")}
    assert "34,00" in text_of(cards["Cafetera italiana de acero"])
    assert cards["Cafetera italiana de acero"].select_one("form[action*='cart']") is not None
    assert "Agotado" in text_of(cards["Cafetera de goteo eléctrica"])


def facet_groups(response):
    groups = {}
    for section in parse(response).select(".search-facets__group"):
        groups[text_of(section.select_one("h3"))] = [text_of(link).replace("\xa0", " ") for link in section.select("a")]
    return groups


def test_facets_count_the_matches_and_filter(client, catalog):
    response = get(client, "cafe")
    groups = facet_groups(response)
    # "cafe" is in the italiana, goteo, molinillo and electrico texts, not in embolo or taza.
    assert groups["Categoría"] == ["Cafeteras (2)", "Molinillos (2)"]
    assert groups["Disponibilidad"] == ["Disponible ahora (3)"]
    assert sorted(groups["Precio"]) == sorted(["25 € a 50 € (2)", "50 € a 100 € (1)", "100 € a 250 € (1)"])

    molinillos = catalog["categories"]["molinillos"].pk
    filtered = get(client, "cafe", category=molinillos)
    assert sorted(product_titles(filtered)) == ["Molinillo de café manual", "Molinillo eléctrico"]
    groups = facet_groups(filtered)
    # The category facet keeps the other categories so the shopper can switch.
    assert groups["Categoría"] == ["Cafeteras (2)", "Molinillos (2) — seleccionado, síguelo para quitarlo"]
    assert groups["Precio"] == ["25 € a 50 € (1)", "100 € a 250 € (1)"]

    available = get(client, "cafe", available="1")
    assert "Cafetera de goteo eléctrica" not in product_titles(available)
    assert len(product_titles(available)) == 3
    cheap = get(client, "cafe", price=2)
    assert sorted(product_titles(cheap)) == ["Cafetera italiana de acero", "Molinillo de café manual"]


def test_sorting_by_price_and_newest(client, catalog):
    assert product_titles(get(client, "cafetera", sort="price")) == [
        "Cafetera de émbolo", "Cafetera italiana de acero", "Cafetera de goteo eléctrica"]
    assert product_titles(get(client, "cafetera", sort="-price")) == [
        "Cafetera de goteo eléctrica", "Cafetera italiana de acero", "Cafetera de émbolo"]
    newest = product_titles(get(client, "cafetera", sort="newest"))
    assert set(newest) == {"Cafetera de goteo eléctrica", "Cafetera italiana de acero", "Cafetera de émbolo"}


def test_pagination_keeps_the_query_and_filters(client, catalog, shop, settings):
    for number in range(30):
        product(shop, f"Filtro de papel {number}")
    first = parse(get(client, "filtro", available="1"))
    assert len(first.select(".product-card")) == 24
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert "q=filtro" in next_link and "available=1" in next_link and "page=2" in next_link
    second = parse(get(client, "filtro", available="1", page=2))
    assert len(second.select(".product-card")) == 6


def test_the_query_stays_in_the_box_and_results_are_noindex(client, catalog):
    response = get(client, "cafetera")
    page = parse(response)
    assert page.select_one("#search-page-query")["value"] == "cafetera"
    assert page.select_one("meta[name=robots]")["content"] == "noindex, follow"
    assert response["X-Robots-Tag"] == "noindex"


def test_no_results_suggest_a_spelling_and_popular_products(client, catalog):
    page = parse(get(client, "molinilo"))
    assert text_of(page.select_one(".search-empty__suggestion a")) == "molinillo"
    assert page.select(".search-popular .product-card")
    empty = parse(get(client, ""))
    assert empty.select(".search-popular .product-card") and not empty.select(".search-tabs")


def test_words_not_all_present_fall_back_to_any_word(client, catalog):
    response = get(client, "molinillo zzzz")
    assert "Molinillo eléctrico" in product_titles(response)
    assert parse(response).select_one(".search-note") is not None


def test_promoted_pages_are_shown_above_results(client, catalog):
    query = Query.objects.create(query_string="regalo")
    SearchPromotion.objects.create(query=query, page=catalog["products"]["taza"], description="Un buen regalo.")
    page = parse(get(client, "Regalo"))
    promoted = page.select(".search-promotions a")
    assert [text_of(a) for a in promoted] == ["Taza de cerámica"]
    # In English, the promotion shows the page's English translation if there is one.
    SearchPromotion.objects.create(query=query, page=catalog["products"]["molinillo"])
    SearchPromotion.objects.create(query=query, page=catalog["products"]["goteo"])  # not translated
    english = parse(get(client, "regalo", path="/en/search/"))
    assert [text_of(a) for a in english.select(".search-promotions a")] == ["Ceramic mug", "Manual coffee grinder"]


def test_unpublished_and_private_pages_never_appear(client, catalog):
    from wagtail.models import PageViewRestriction

    catalog["products"]["embolo"].unpublish()
    PageViewRestriction.objects.create(page=catalog["products"]["taza"], restriction_type="login")
    titles = product_titles(get(client, "cafetera taza embolo ceramica"))
    assert "Cafetera de émbolo" not in titles and "Taza de cerámica" not in titles


BAD_QUERIES = [
    "", " ", "x" * 5000, "' OR 1=1 --", "\"unterminated", "café*", "title:(a OR b)", "a AND NOT b", "NEAR(a b)",
    "+-&&||!(){}[]^\"~*?:\\/", "%_%", "\x00", "😀☕", "DROP TABLE wagtailcore_page;",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_normal_page(client, catalog, query):
    response = client.get("/es/buscar/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("params", [
    {"page": "999"}, {"page": "abc"}, {"page": "-1"}, {"category": "999999"}, {"category": "x"},
    {"price": "42"}, {"price": "9" * 30}, {"available": "maybe"}, {"sort": "hack"}, {"type": "admin"},
])
def test_bad_parameters_give_a_normal_page(client, catalog, params):
    response = client.get("/es/buscar/", {"q": "cafetera", **params})
    assert response.status_code == 200


def test_query_budget(client, catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(35):
        get(client, "cafe")


def test_sorts_become_plain_field_names_for_backends_without_expressions():
    from search.catalog import sort_fields

    class Compiler:
        HANDLES_ORDER_BY_EXPRESSIONS = False

    class Backend:
        query_compiler_class = Compiler

    assert sort_fields("price", Backend()) == ["lowest_price", "title", "id"]
    assert sort_fields("-price", Backend()) == ["-lowest_price", "title", "id"]
    assert sort_fields("newest", Backend()) == ["-first_published_at", "id"]


def test_each_search_is_counted_once_for_the_report(client, catalog):
    from search.models import DailySearchQuery

    get(client, "Cafetera")
    get(client, "cafetera", page=2)  # a later page of the same search
    get(client, "cafetera", type="articles")
    get(client, "zzzz")
    rows = {row.query: row for row in DailySearchQuery.objects.filter(language="es")}
    assert rows["cafetera"].searches == 1 and rows["cafetera"].searches_without_results == 0
    assert rows["zzzz"].searches_without_results == 1


def test_without_facets_counting_stops_at_the_cap(catalog, locale_es, shop, monkeypatch):
    from django.utils import translation

    from search import catalog as product_search

    monkeypatch.setattr(product_search, "COUNT_CAP", 2)
    with translation.override("es"):
        plain = product_search.search_products("cafe", locale=locale_es, with_facets=False, per_page=2)
        faceted = product_search.search_products("cafe", locale=locale_es, per_page=2)
    assert (plain.count, plain.count_is_capped) == (2, True)
    assert (faceted.count, faceted.count_is_capped) == (4, False)
    assert len(plain.page.object_list) == 2 and faceted.page.paginator.num_pages == 2


def test_an_exact_sku_is_found_even_when_its_words_are_not(client, shop):
    product(shop, "Hervidor", sku="ZX9")
    page = parse(get(client, "zx9"))
    assert [text_of(t) for t in page.select(".search-results .product-card__title")] == ["Hervidor"]
    assert page.select_one(".search-empty") is None




def test_an_exact_sku_finds_the_product_in_each_language(shop, translate, locale_es, locale_en):
    """The English copy of a product shares its SKU: each language's search finds its own page by it."""
    kettle = product(shop, "Hervidor", sku="ZX9")
    english = translate(kettle, title="Kettle")
    for locale, page in ((locale_es, kettle), (locale_en, english)):
        base = ProductPage.objects.live().filter(locale=locale)
        assert product_with_sku("zx9", base) == page, locale.language_code
