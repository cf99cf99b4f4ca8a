"""The shop and category listings: cards, pagination, sorting and filters, all without JavaScript."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import ProductIndexPageFactory, ProductPageFactory, ProductVariantFactory
from tests.markup import parse, text_of, ui, ui_count


def variant(sku, price, compare_at=None):
    return ProductVariantFactory.build(
        sku=sku, price=Decimal(price), compare_at_price=Decimal(compare_at) if compare_at else None
    )


def published(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


def titles(response):
    return [text_of(title) for title in parse(response).select(".product-grid .product-card__title")]


@pytest.fixture
def catalog(shop):
    """Three products in tree order Bravo, Alfa, Charlie, with different prices and ages."""
    ProductPageFactory(parent=shop, title="Bravo", variants=[variant("B-1", "10.00")], first_published_at=published(3))
    ProductPageFactory(parent=shop, title="Alfa", variants=[variant("A-1", "30.00")], first_published_at=published(1))
    ProductPageFactory(parent=shop, title="Charlie", variants=[variant("C-1", "25.00"), variant("C-2", "5.00")],
                       first_published_at=published(2))
    return shop


def test_shop_lists_live_products_in_tree_order(client, catalog):
    ProductPageFactory(parent=catalog, title="Delta", live=False)

    response = client.get("/es/tienda/")

    assert response.templates[0].name == "products/product_index_page.html"
    assert titles(response) == ["Bravo", "Alfa", "Charlie"]
    count = ui_count("%(counter)s product", "%(counter)s products", 3)
    assert text_of(parse(response).select_one(".listing-count")) == count


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price", ["Charlie", "Bravo", "Alfa"]),
        ("-price", ["Alfa", "Bravo", "Charlie"]),
        ("newest", ["Alfa", "Charlie", "Bravo"]),
        ("name", ["Alfa", "Bravo", "Charlie"]),
        ("", ["Bravo", "Alfa", "Charlie"]),
        ("bogus", ["Bravo", "Alfa", "Charlie"]),
    ],
)
def test_shop_sorts_products(client, catalog, sort, expected):
    response = client.get("/es/tienda/", {"sort": sort})

    assert titles(response) == expected
    selected = parse(response).select_one('#filter-sort option[selected]')
    assert selected["value"] == (sort if sort != "bogus" else "")


def test_card_of_a_product_with_several_prices_shows_from_the_lowest(client, catalog):
    html = parse(client.get("/es/tienda/"))

    cards = {text_of(card.select_one(".product-card__title")): card for card in html.select(".product-card")}
    assert text_of(cards["Charlie"].select_one(".price__now")) == ui("From %(price)s") % {"price": "5,00\u00a0€"}
    assert text_of(cards["Bravo"].select_one(".price__now")) == "10,00\u00a0€"
    assert text_of(cards["Charlie"].select_one("a.button")).startswith(ui("Choose options"))
    assert text_of(cards["Bravo"].select_one("a.button")).startswith(ui("Buy"))


def test_card_of_a_product_on_sale_shows_the_former_price_and_a_badge(client, shop):
    ProductPageFactory(parent=shop, title="Rebajado", variants=[variant("R-1", "12.00", "16.00")])
    ProductPageFactory(parent=shop, title="Rebajas varias",
                       variants=[variant("RV-1", "8.00", "10.00"), variant("RV-2", "9.00")])

    html = parse(client.get("/es/tienda/"))

    single, several = html.select(".product-card")
    assert text_of(single.select_one(".price__now")) == "12,00\u00a0€"
    assert text_of(single.select_one("del.price__was")).endswith("16,00\u00a0€")
    assert text_of(single.select_one(".badge--sale")) == ui("Sale")
    # With a price range there is no single former price to cross out, only the badge.
    assert text_of(several.select_one(".price__now")) == ui("From %(price)s") % {"price": "8,00\u00a0€"}
    assert several.select_one("del") is None
    assert several.select_one(".badge--sale") is not None


def test_english_card_shows_from_price_in_english(client, catalog, translate):
    charlie = catalog.get_children().get(title="Charlie").specific
    translate(charlie)

    html = parse(client.get("/en/tienda/"))

    assert text_of(html.select_one(".product-card .price__now")) == "From €5.00"


def test_shop_paginates(client, catalog, settings):
    settings.VITRINA_PRODUCTS_PER_PAGE = 2

    first = client.get("/es/tienda/")
    second = client.get("/es/tienda/", {"page": 2})

    assert titles(first) == ["Bravo", "Alfa"]
    assert titles(second) == ["Charlie"]
    pagination = parse(first).select_one("nav.pagination")
    assert pagination.select_one('[aria-current="page"]').text == "1"
    assert pagination.select_one('a[rel="next"]')["href"] == "?page=2"
    assert parse(second).select_one('nav.pagination a[rel="prev"]')["href"] == "?page=1"


def test_shop_pagination_keeps_filters_and_tolerates_bad_page_numbers(client, catalog, settings):
    settings.VITRINA_PRODUCTS_PER_PAGE = 2

    sorted_first = client.get("/es/tienda/", {"sort": "price"})

    assert parse(sorted_first).select_one('nav.pagination a[rel="next"]')["href"] == "?sort=price&page=2"
    assert titles(client.get("/es/tienda/", {"page": "99"})) == ["Charlie"]
    assert titles(client.get("/es/tienda/", {"page": "uno"})) == ["Bravo", "Alfa"]


def test_category_filter_shows_only_that_subcategory(client, shop):
    coffee = ProductIndexPageFactory(parent=shop, title="Café", slug="cafe")
    cups = ProductIndexPageFactory(parent=shop, title="Tazas", slug="tazas")
    espresso = ProductIndexPageFactory(parent=coffee, title="Espresso", slug="espresso")
    ProductPageFactory(parent=coffee, title="Tueste natural")
    ProductPageFactory(parent=espresso, title="Mezcla espresso")
    ProductPageFactory(parent=cups, title="Taza grande")

    everything = client.get("/es/tienda/")
    filtered = client.get("/es/tienda/", {"category": "cafe"})
    unknown = client.get("/es/tienda/", {"category": "no-existe"})

    assert sorted(titles(everything)) == ["Mezcla espresso", "Taza grande", "Tueste natural"]
    assert sorted(titles(filtered)) == ["Mezcla espresso", "Tueste natural"]
    assert sorted(titles(unknown)) == sorted(titles(everything))
    html = parse(filtered)
    assert text_of(html.h1) == "Tienda: Café"
    assert html.select_one('#filter-category option[selected]')["value"] == "cafe"
    assert [text_of(a) for a in html.select(".category-list a")] == ["Café", "Tazas"]
    assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/es/tienda/cafe/"


def test_category_page_lists_products_of_its_subcategories(client, shop):
    coffee = ProductIndexPageFactory(parent=shop, title="Café", slug="cafe")
    espresso = ProductIndexPageFactory(parent=coffee, title="Espresso", slug="espresso")
    ProductPageFactory(parent=espresso, title="Mezcla espresso")
    ProductPageFactory(parent=shop, title="Taza grande")

    assert titles(client.get("/es/tienda/cafe/")) == ["Mezcla espresso"]


def test_available_only_hides_sold_out_and_quote_only_products(client, shop):
    ProductPageFactory(parent=shop, title="Disponible", stock=7)
    ProductPageFactory(parent=shop, title="Quedan pocos", stock=1)
    ProductPageFactory(parent=shop, title="Agotado", stock=0)
    ProductPageFactory(parent=shop, title="Sin registro de stock", stock={})
    ProductPageFactory(parent=shop, title="Bajo pedido", is_quote_only=True, stock=5)
    ProductPageFactory(parent=shop, title="Una talla agotada",
                       variants=[variant("T-S", "5.00"), variant("T-M", "5.00")], stock={"T-S": 0, "T-M": 2})

    all_products = client.get("/es/tienda/")
    available = client.get("/es/tienda/", {"available": "1"})

    assert len(titles(all_products)) == 6
    assert titles(available) == ["Disponible", "Quedan pocos", "Una talla agotada"]
    assert parse(available).select_one("#filter-available").has_attr("checked")


def test_card_availability_labels(client, shop):
    ProductPageFactory(parent=shop, title="Disponible", stock=7)
    ProductPageFactory(parent=shop, title="Quedan pocos", stock=1)
    ProductPageFactory(parent=shop, title="Agotado", stock=0)
    ProductPageFactory(parent=shop, title="Bajo pedido", is_quote_only=True)

    html = parse(client.get("/es/tienda/"))

    labels = [text_of(card.select_one(".availability")) for card in html.select(".product-card")]
    assert labels == [ui("In stock"), ui("Only a few left"), ui("Out of stock"), ui("Made to order: ask for a quote")]
    quote_card = html.select(".product-card")[3]
    assert text_of(quote_card.select_one(".price")) == ui("Price on request")
    assert text_of(quote_card.select_one("a.button")).startswith(ui("Request a quote"))


def test_empty_filter_result_says_so(client, shop):
    ProductPageFactory(parent=shop, title="Agotado", stock=0)

    html = parse(client.get("/es/tienda/", {"available": "1"}))

    assert html.select(".product-card") == []
    assert ui("No products match these filters.") in text_of(html.select_one("main"))


def test_english_shop_lists_only_english_products(client, catalog, translate):
    alfa = catalog.get_children().get(title="Alfa").specific
    translate(alfa, title="Alpha")

    assert titles(client.get("/en/tienda/")) == ["Alpha"]
    assert titles(client.get("/es/tienda/")) == ["Bravo", "Alfa", "Charlie"]
