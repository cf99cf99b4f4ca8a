"""What crawlers read in a page's head: titles, descriptions, canonical URLs, hreflang (sitemap: test_sitemap.py)."""

from tests.factories import BlogPageFactory, ProductPageFactory, StandardPageFactory
from tests.markup import parse, text_of


def test_title_uses_the_seo_title_when_set(client, home):
    StandardPageFactory(parent=home, title="Envíos", slug="envios", seo_title="Envíos gratis desde 50 €")

    html = parse(client.get("/es/envios/"))

    assert text_of(html.title) == "Envíos gratis desde 50 € | Vitrina"


def test_title_falls_back_to_the_page_title(client, home):
    StandardPageFactory(parent=home, title="Envíos", slug="envios", seo_title="")

    assert text_of(parse(client.get("/es/envios/")).title) == "Envíos | Vitrina"


def test_meta_description_comes_from_the_search_description_then_the_intro(client, home):
    StandardPageFactory(parent=home, slug="con", search_description="Plazos y precios de envío.")
    StandardPageFactory(parent=home, slug="sin", search_description="")

    assert parse(client.get("/es/con/")).select_one('meta[name="description"]')["content"] == (
        "Plazos y precios de envío."
    )
    # Never empty: without a search description the page's own introduction stands in.
    assert parse(client.get("/es/sin/")).select_one('meta[name="description"]')["content"] == "Una introducción breve."


def test_product_and_article_descriptions_prefer_the_search_description(client, shop, blog_index):
    ProductPageFactory(parent=shop, slug="p", summary="Resumen del producto.", search_description="Para buscadores.")
    BlogPageFactory(parent=blog_index, slug="a", intro="Entradilla.", search_description="Artículo para buscadores.")

    assert parse(client.get("/es/tienda/p/")).select_one('meta[name="description"]')["content"] == "Para buscadores."
    assert parse(client.get("/es/revista/a/")).select_one('meta[name="description"]')["content"] == (
        "Artículo para buscadores."
    )


def test_canonical_link_is_the_pages_full_url(client, home, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    english = translate(product)

    for page, expected in [(home, "http://localhost/es/"), (product, "http://localhost/es/tienda/cafetera/"),
                           (english, "http://localhost/en/tienda/cafetera/")]:
        canonical = parse(client.get(page.url)).select_one('link[rel="canonical"]')["href"]
        assert canonical == expected == page.full_url


def test_canonical_of_a_listing_ignores_sorting_and_paging(client, shop):
    html = parse(client.get("/es/tienda/", {"sort": "price", "page": "1"}))

    assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/es/tienda/"


def test_translated_pages_link_to_each_other_with_hreflang(client, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    english = translate(product)

    for url in ("/es/tienda/cafetera/", english.url):
        links = {
            link["hreflang"]: link["href"]
            for link in parse(client.get(url)).select('head link[rel="alternate"][hreflang]')
        }
        assert links == {
            "es": "http://localhost/es/tienda/cafetera/",
            "en": f"http://localhost{english.url}",
            "x-default": "http://localhost/es/tienda/cafetera/",
        }


def test_a_page_without_translation_has_no_hreflang_links(client, shop):
    ProductPageFactory(parent=shop, slug="solo-es")

    page = parse(client.get("/es/tienda/solo-es/"))

    assert page.select('link[rel="alternate"][hreflang]') == []
