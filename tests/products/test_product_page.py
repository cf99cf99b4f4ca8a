"""The product page: gallery, variants chosen without JavaScript, sale prices, money in each language."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from home.models import ShopSettings
from products.models import ProductRelatedArticle, ProductRelatedProduct, ProductSpecification
from tests.factories import (
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    heading_block,
)
from tests.markup import parse, text_of, ui


def variant(sku, price, compare_at=None, size="", weight=None):
    return ProductVariantFactory.build(
        sku=sku, price=Decimal(price), compare_at_price=Decimal(compare_at) if compare_at else None,
        option1=size, weight=Decimal(weight) if weight else None,
    )


@pytest.fixture
def tshirt(shop):
    """Sizes S (sold out), M (on sale), L; M is the first that can be bought."""
    return ProductPageFactory(
        parent=shop, title="Camiseta barista", slug="camiseta", option1_name="Talla",
        variants=[variant("TEE-S", "15.00", size="S"), variant("TEE-M", "15.00", "20.00", size="M"),
                  variant("TEE-L", "17.50", size="L", weight="0.25")],
        stock={"TEE-S": 0, "TEE-M": 8, "TEE-L": 20},
    )


def radios(html):
    return {radio["value"]: radio for radio in html.select('.variant-form input[type="radio"][name="variant"]')}


def test_product_page_renders_content_gallery_and_specifications(client, shop):
    product = ProductPageFactory(
        parent=shop, title="Molinillo manual", slug="molinillo", brand="Muela", summary="Muele fino y regular.",
        description=[heading_block("Por qué moler en casa")],
        gallery_images=[ProductImageFactory.build(image=ImageFactory(), caption=f"Vista {n}") for n in (1, 2, 3)],
        variants=[variant("MOL-1", "45.00", weight="0.650")],
    )
    ProductSpecification.objects.create(product=product, name="Material", value="Acero inoxidable")

    response = client.get("/es/tienda/molinillo/")
    html = parse(response)

    assert response.templates[0].name == "products/product_page.html"
    assert text_of(html.h1) == "Molinillo manual"
    assert text_of(html.select_one(".product__brand")) == "Muela"
    assert text_of(html.select_one(".product__buy .lead")) == "Muele fino y regular."
    assert len(html.select(".product__main-image img")) == 1
    assert len(html.select(".product__thumb img")) == 2
    assert [text_of(c) for c in html.select(".product__gallery figcaption")] == ["Vista 1", "Vista 2", "Vista 3"]
    assert text_of(html.select_one("#product-description + .stream h2")) == "Por qué moler en casa"
    rows = [(text_of(r.th), text_of(r.td)) for r in html.select(".specifications tr")]
    assert rows == [("Material", "Acero inoxidable"), (ui("Weight"), "0,650 kg")]
    assert text_of(html.select_one(".product__sku")).endswith("MOL-1")
    assert text_of(html.select_one(".product__buy .availability")) == ui("In stock")
    assert html.select_one('meta[name="description"]')["content"] == "Muele fino y regular."


def test_single_variant_product_has_no_option_picker(client, shop):
    product = ProductPageFactory(parent=shop, variants=[variant("ONE-1", "9.90")])

    html = parse(client.get(product.url))

    assert radios(html) == {}
    assert text_of(html.select_one(".product__buy .price__now")) == "9,90\u00a0€"


def test_variants_are_listed_and_the_first_buyable_one_is_selected(client, tshirt):
    html = parse(client.get(tshirt.url))

    options = radios(html)
    assert list(options) == ["TEE-S", "TEE-M", "TEE-L"]
    assert [sku for sku, radio in options.items() if radio.has_attr("checked")] == ["TEE-M"]
    assert text_of(html.select_one(".variant-form legend")) == "Talla"
    assert text_of(html.select_one(".product__sku")).endswith("TEE-M")


def test_sale_variant_shows_both_prices_and_a_sale_badge(client, tshirt):
    html = parse(client.get(tshirt.url, {"variant": "TEE-M"}))

    price = html.select_one(".product__buy .price")
    assert text_of(price.select_one(".price__now")).endswith("15,00\u00a0€")
    assert text_of(price.select_one("del.price__was")).endswith("20,00\u00a0€")
    assert text_of(price.select_one(".badge--sale")) == ui("Sale")


def test_query_parameter_selects_a_variant_without_javascript(client, tshirt):
    html = parse(client.get(tshirt.url, {"variant": "TEE-L"}))

    options = radios(html)
    assert [sku for sku, radio in options.items() if radio.has_attr("checked")] == ["TEE-L"]
    price = html.select_one(".product__buy .price")
    assert text_of(price.select_one(".price__now")) == "17,50\u00a0€"
    assert price.select_one("del") is None and price.select_one(".badge--sale") is None
    assert text_of(html.select_one(".product__sku")) == f"{ui('SKU')}: TEE-L"
    # The form submits to the page itself, so the choice works with JavaScript off.
    form = html.select_one("form.variant-form")
    assert form["method"] == "get" and form["action"] == tshirt.url
    assert form.select_one('button[type="submit"]') is not None


def test_out_of_stock_variant_is_disabled_and_cannot_be_selected(client, tshirt):
    html = parse(client.get(tshirt.url, {"variant": "TEE-S"}))

    options = radios(html)
    assert options["TEE-S"].has_attr("disabled")
    assert not options["TEE-M"].has_attr("disabled") and not options["TEE-L"].has_attr("disabled")
    assert not options["TEE-S"].has_attr("checked")
    assert options["TEE-M"].has_attr("checked")
    assert text_of(html.select_one(".product__sku")).endswith("TEE-M")
    label = html.select_one('label[for="%s"]' % options["TEE-S"]["id"])
    assert ui("out of stock") in text_of(label)


def test_unknown_variant_in_the_query_falls_back_to_the_default(client, tshirt):
    html = parse(client.get(tshirt.url, {"variant": "NOPE"}))

    assert text_of(html.select_one(".product__sku")).endswith("TEE-M")


def test_product_with_every_variant_sold_out_says_so(client, shop):
    product = ProductPageFactory(parent=shop, variants=[variant("GONE-1", "5.00"), variant("GONE-2", "6.00")], stock=0)

    html = parse(client.get(product.url))

    assert text_of(html.select_one(".product__buy .availability")) == ui("Out of stock")
    assert all(radio.has_attr("disabled") for radio in radios(html).values())


def test_quote_only_product_shows_no_price_and_a_quote_request(client, shop, site):
    ShopSettings.objects.update_or_create(site=site, defaults={"email": "hola@vitrina.example"})
    product = ProductPageFactory(parent=shop, title="Cafetera industrial", is_quote_only=True,
                                 variants=[variant("PRO-1", "2500.00")])

    html = parse(client.get(product.url))

    buy = html.select_one(".product__buy")
    assert text_of(buy.select_one(".price--on-request")) == ui("Price on request")
    assert "2500" not in text_of(buy) and "2.500" not in text_of(buy)
    assert buy.select_one("form.variant-form") is None
    quote = buy.select_one(f'a.button[href="/es/quote/{product.pk}/"]')
    assert text_of(quote) == ui("Request a quote")


def test_money_is_written_the_spanish_way_on_spanish_pages_and_the_english_way_on_english_pages(
    client, shop, translate
):
    product = ProductPageFactory(parent=shop, slug="filtro", variants=[variant("FIL-1", "19.90")])
    english = translate(product, title="Filter")

    spanish_html = parse(client.get("/es/tienda/filtro/"))
    english_html = parse(client.get("/en/tienda/filtro/"))

    assert english.url == "/en/tienda/filtro/"
    assert text_of(spanish_html.select_one(".product__buy .price__now")) == "19,90\u00a0€"
    assert text_of(english_html.select_one(".product__buy .price__now")) == "€19.90"


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [("es", "19.9", "19,90\u00a0€"), ("es", "1234.5", "1\u00a0234,50\u00a0€"), ("es", "0", "0,00\u00a0€"),
     ("en", "19.9", "€19.90"), ("en", "1234.5", "€1,234.50")],
)
def test_money_filter(language, amount, expected):
    template = Template("{% load site_tags %}{{ amount|money }}")

    with translation.override(language):
        assert template.render(Context({"amount": Decimal(amount)})) == expected


def test_money_filter_uses_the_store_currency(settings):
    settings.VITRINA_CURRENCY = "USD"
    template = Template("{% load site_tags %}{{ amount|money }}")

    with translation.override("en"):
        assert template.render(Context({"amount": Decimal("5")})) == "$5.00"


def test_related_products_and_articles_are_shown_in_the_pages_language(client, shop, blog_index, translate):
    product = ProductPageFactory(parent=shop, title="Cafetera", slug="cafetera")
    related = ProductPageFactory(parent=shop, title="Filtros", slug="filtros")
    article = BlogPageFactory(parent=blog_index, title="Cómo usar la cafetera", slug="como-usar")
    ProductRelatedProduct.objects.create(product=product, related=related)
    ProductRelatedArticle.objects.create(product=product, article=article)
    english_product = translate(product, title="Coffee maker")
    translate(related, title="Filters")
    translate(article, title="How to use the coffee maker")

    spanish = parse(client.get(product.url))
    english = parse(client.get(english_product.url))

    assert [text_of(t) for t in spanish.select("#related-products ~ .product-grid .product-card__title")] == ["Filtros"]
    assert [text_of(t) for t in spanish.select(".article-card__title")] == ["Cómo usar la cafetera"]
    assert [text_of(t) for t in english.select("#related-products ~ .product-grid .product-card__title")] == ["Filters"]
    assert [text_of(t) for t in english.select(".article-card__title")] == ["How to use the coffee maker"]


def test_product_breadcrumbs_show_shop_and_category(client, shop):
    category = ProductIndexPageFactory(parent=shop, title="Cafeteras", slug="cafeteras")
    product = ProductPageFactory(parent=category, title="Moka", slug="moka")

    html = parse(client.get(product.url))

    crumbs = [(text_of(a), a["href"]) for a in html.select(".breadcrumbs a")]
    assert crumbs == [("Inicio", "/es/"), ("Tienda", "/es/tienda/"), ("Cafeteras", "/es/tienda/cafeteras/")]
