"""Head tags every public page carries: title, description, canonical, Open Graph, Twitter, robots, lang."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from checkout.models import Order
from home.models import ShopSettings
from home.templatetags.seo_tags import truncate_description
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StandardPageFactory,
    paragraph_block,
)
from tests.markup import parse, text_of, ui


def head_of(response):
    return parse(response).head


def meta(head, name):
    tag = head.select_one(f'meta[name="{name}"]') or head.select_one(f'meta[property="{name}"]')
    return tag["content"] if tag is not None else None


def canonical(head):
    link = head.select_one('link[rel="canonical"]')
    return link["href"] if link is not None else None


def test_description_is_cut_on_a_word_boundary():
    text = "palabra " * 40

    cut = truncate_description(text)

    assert len(cut) <= 160
    assert cut.endswith("palabra…")
    assert truncate_description("<p>Corto &amp; claro.</p>") == "Corto & claro."


def test_product_description_falls_back_to_its_summary_then_to_a_sentence(client, shop):
    ProductPageFactory(parent=shop, slug="con", title="Molinillo", summary="Muele fino y grueso. " * 20)
    ProductPageFactory(parent=shop, slug="sin", title="Filtro", summary="")

    with_summary = meta(head_of(client.get("/es/tienda/con/")), "description")
    without = meta(head_of(client.get("/es/tienda/sin/")), "description")

    assert with_summary.startswith("Muele fino y grueso.") and len(with_summary) <= 160
    assert without == ui("Buy %(page)s online at %(shop)s.") % {"page": "Filtro", "shop": "Vitrina"}


def test_article_description_falls_back_to_its_intro_then_its_first_paragraph(client, blog_index):
    BlogPageFactory(parent=blog_index, slug="intro", intro="Cómo elegir cafetera.")
    BlogPageFactory(parent=blog_index, slug="cuerpo", intro="",
                    body=[paragraph_block("<p>Primer <b>párrafo</b> del artículo.</p>")])

    assert meta(head_of(client.get("/es/revista/intro/")), "description") == "Cómo elegir cafetera."
    assert meta(head_of(client.get("/es/revista/cuerpo/")), "description") == "Primer párrafo del artículo."


def test_every_page_type_has_a_title_and_description_of_its_own(client, home, shop, blog_index):
    StandardPageFactory(parent=home, slug="vacia", title="Vacía", intro="")
    ProductIndexPageFactory(parent=shop, slug="molinos", title="Molinos", intro="")
    ProductPageFactory(parent=shop, slug="p", title="Cafetera", summary="")
    BlogPageFactory(parent=blog_index, slug="a", title="Guía", intro="")
    BlogIndexPageFactory(parent=home, slug="recetas", title="Recetas", intro="")
    urls = ["/es/", "/es/vacia/", "/es/tienda/", "/es/tienda/molinos/", "/es/tienda/p/", "/es/revista/",
            "/es/revista/a/", "/es/recetas/"]

    heads = [head_of(client.get(url)) for url in urls]

    titles = [text_of(head.title) for head in heads]
    descriptions = [meta(head, "description") for head in heads]
    assert all(descriptions) and all(title.endswith(" | Vitrina") for title in titles)
    assert len(set(titles)) == len(urls) and len(set(descriptions)) == len(urls)


def test_second_page_of_a_listing_has_its_own_title_description_and_canonical(client, shop, settings):
    settings.VITRINA_PRODUCTS_PER_PAGE = 1
    ProductPageFactory(parent=shop, slug="uno")
    ProductPageFactory(parent=shop, slug="dos")

    first = head_of(client.get("/es/tienda/", {"sort": "price"}))
    second = head_of(client.get("/es/tienda/", {"page": "2", "sort": "price", "available": "1"}))

    page_2 = ui("page %(number)s") % {"number": 2}
    second_title = ui("%(title)s — page %(number)s") % {"title": "Tienda", "number": 2}
    assert text_of(second.title) == f"{second_title} | Vitrina"
    assert meta(second, "description").endswith(f" — {page_2}")
    assert meta(first, "description") != meta(second, "description")
    assert canonical(first) == "http://localhost/es/tienda/"
    assert canonical(second) == "http://localhost/es/tienda/?page=2"


def test_a_listing_filtered_to_a_subcategory_is_canonical_to_the_subcategorys_page(client, shop):
    category = ProductIndexPageFactory(parent=shop, title="Molinos", slug="molinos")
    ProductPageFactory(parent=category, slug="manual")

    head = head_of(client.get("/es/tienda/", {"category": "molinos", "sort": "-price"}))

    assert canonical(head) == "http://localhost/es/tienda/molinos/"
    assert text_of(head.title) == "Tienda: Molinos | Vitrina"
    assert canonical(head_of(client.get("/es/tienda/", {"category": "otra"}))) == "http://localhost/es/tienda/"


def test_magazine_tag_listing_is_canonical_to_itself_without_filters(client, blog_index):
    BlogPageFactory(parent=blog_index, slug="a", tags=["espresso"])

    head = head_of(client.get("/es/revista/tag/espresso/", {"utm_source": "x"}))

    assert canonical(head) == "http://localhost/es/revista/tag/espresso/"
    assert text_of(head.title) == "Revista: espresso | Vitrina"


def test_an_alias_is_canonical_to_its_original(client, home):
    original = StandardPageFactory(parent=home, slug="envios")
    other = StandardPageFactory(parent=home, slug="otra")
    original.create_alias(parent=other, update_slug="envios-copia")

    assert canonical(head_of(client.get("/es/otra/envios-copia/"))) == "http://localhost/es/envios/"


def test_product_open_graph_and_twitter_tags(client, shop, translate):
    image = ImageFactory(title="Cafetera roja", file__width=1600, file__height=1200)
    product = ProductPageFactory(
        parent=shop, slug="cafetera", title="Cafetera", summary="Cafetera italiana.",
        gallery_images=[ProductImageFactory.build(image=image)],
        variants=[ProductVariantFactory.build(price=Decimal(price)) for price in ("24.50", "29")],
    )
    translate(product)

    head = head_of(client.get("/es/tienda/cafetera/"))

    assert meta(head, "og:type") == "product"
    assert meta(head, "og:title") == meta(head, "twitter:title") == "Cafetera"
    assert meta(head, "og:description") == meta(head, "twitter:description") == "Cafetera italiana."
    assert meta(head, "og:url") == canonical(head) == "http://localhost/es/tienda/cafetera/"
    assert meta(head, "og:site_name") == "Vitrina"
    assert meta(head, "og:locale") == "es_ES"
    assert [tag["content"] for tag in head.select('meta[property="og:locale:alternate"]')] == ["en_GB"]
    assert meta(head, "og:image").startswith("http://localhost/media/images/")
    assert ".fill-1200x630" in meta(head, "og:image")
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert meta(head, "og:image:alt") == meta(head, "twitter:image:alt") == "Cafetera roja"
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "twitter:image") == meta(head, "og:image")
    assert (meta(head, "product:price:amount"), meta(head, "product:price:currency")) == ("24.50", "EUR")


def test_quote_only_product_has_no_price_and_a_page_without_image_a_small_card(client, shop):
    ProductPageFactory(parent=shop, slug="a-medida", is_quote_only=True)

    head = head_of(client.get("/es/tienda/a-medida/"))

    assert meta(head, "product:price:amount") is None
    assert meta(head, "og:image") is None
    assert meta(head, "twitter:card") == "summary"


def test_article_open_graph_has_its_dates_and_image(client, blog_index):
    image = ImageFactory(file__width=1300, file__height=700)
    article = BlogPageFactory(parent=blog_index, slug="guia", date=datetime.date(2025, 3, 4), hero_image=image)
    article.save_revision().publish()
    article.refresh_from_db()

    head = head_of(client.get("/es/revista/guia/"))

    assert meta(head, "og:type") == "article"
    assert meta(head, "article:published_time") == "2025-03-04"
    assert meta(head, "article:modified_time") == article.last_published_at.isoformat()
    assert ".fill-1200x630" in meta(head, "og:image")


def test_listings_and_standard_pages_are_websites(client, home, shop):
    StandardPageFactory(parent=home, slug="envios")

    for url in ("/es/", "/es/tienda/", "/es/envios/"):
        assert meta(head_of(client.get(url)), "og:type") == "website"


def test_twitter_site_comes_from_the_shops_x_profile(client, home, site):
    shop_settings = ShopSettings.for_site(site)
    shop_settings.x_url = "https://x.com/vitrina_cafe?lang=es"
    shop_settings.save()

    assert meta(head_of(client.get("/es/")), "twitter:site") == "@vitrina_cafe"


def assert_private_head(response, title):
    head = parse(response).head
    assert "noindex" in meta(head, "robots")
    assert text_of(head.title) == f"{title} | Vitrina"
    assert canonical(head) is None and meta(head, "og:title") is None


@pytest.mark.parametrize("url, title", [
    ("/es/cart/", "Your cart"), ("/en/cart/", "Your cart"), ("/es/buscar/", "Search"), ("/en/search/", "Search"),
])
def test_cart_and_search_are_noindex_with_their_own_title_and_no_canonical(client, shop, url, title):
    assert_private_head(client.get(url), ui(title, url[1:3]))


def test_search_results_are_noindex(client, shop):
    ProductPageFactory(parent=shop, title="Cafetera")

    response = client.get("/es/buscar/", {"q": "cafetera"})

    assert_private_head(response, ui("Search: %(query)s") % {"query": "cafetera"})


def test_checkout_and_order_pages_are_noindex_without_canonical(client, shop):
    product = ProductPageFactory(parent=shop, variants=[ProductVariantFactory.build(sku="TAZA-1")])
    client.post(reverse("checkout:cart_add"), {"product": product.pk, "sku": "TAZA-1", "quantity": 1})
    order = Order.objects.create(
        number="V-00001", email="ana@example.com", name="Ana", payment_method="bank_transfer", currency="EUR",
        subtotal=Decimal("10"), tax_rate=Decimal("21"), tax_total=Decimal("1.74"), total=Decimal("10"),
    )

    assert_private_head(client.get("/es/checkout/"), ui("Checkout"))
    assert_private_head(client.get(reverse("checkout:order", args=[order.token])),
                        ui("Order %(number)s") % {"number": order.number})


@pytest.mark.parametrize("language", ["es", "en"])
def test_html_lang_follows_the_url(client, shop, translate, language):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    translate(product)

    for url in (f"/{language}/tienda/cafetera/", f"/{language}/cart/"):
        assert parse(client.get(url)).html["lang"] == language


@pytest.mark.parametrize("language", ["es", "en"])
def test_unknown_addresses_are_real_404s(client, home, language):
    response = client.get(f"/{language}/no-existe/")

    assert response.status_code == 404
    html = parse_any(response)
    assert html.html["lang"] == language
    assert meta(html.head, "robots") == "noindex"
    assert text_of(html.title) == ui("Page not found", language) + " | Vitrina"
    search = {"es": "/es/buscar/", "en": "/en/search/"}[language]
    assert {link["href"] for link in html.main.select("a")} == {f"/{language}/", search}


def parse_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")
