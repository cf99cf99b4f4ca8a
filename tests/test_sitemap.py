"""What crawlers are told to read and to skip: the sitemap index, one sitemap per language, robots.txt."""

import xml.etree.ElementTree as ElementTree
from datetime import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductPageFactory,
    StandardPageFactory,
)

NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def read_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def sitemap_entries(client):
    """{page URL: its <url> element}, from every sitemap the index lists."""
    entries = {}
    index = read_xml(client, "/sitemap.xml")
    for location in index.findall("sm:sitemap/sm:loc", NAMESPACES):
        for url in read_xml(client, location.text.removeprefix("http://localhost")).findall("sm:url", NAMESPACES):
            entries[url.find("sm:loc", NAMESPACES).text] = url
    return entries


def test_sitemap_is_an_index_of_one_sitemap_per_language_with_lastmod(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    product.save_revision().publish()

    index = read_xml(client, "/sitemap.xml")

    sitemaps = index.findall("sm:sitemap", NAMESPACES)
    assert [s.find("sm:loc", NAMESPACES).text for s in sitemaps] == [
        "http://localhost/sitemap-es.xml", "http://localhost/sitemap-en.xml",
    ]
    product.refresh_from_db()
    assert datetime.fromisoformat(sitemaps[0].find("sm:lastmod", NAMESPACES).text) == product.last_published_at
    assert client.get("/sitemap-fr.xml").status_code == 404


def test_sitemap_lists_live_public_pages_in_both_languages(client, home, shop, blog_index, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    # The English home and shop are made as aliases of the Spanish ones: same
    # content, so the sitemap leaves them out.
    translate(product)
    StandardPageFactory(parent=home, slug="borrador", live=False)
    private = StandardPageFactory(parent=home, slug="privada")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    StandardPageFactory(parent=private, slug="dentro")
    BlogPageFactory(parent=blog_index, slug="articulo")

    assert set(sitemap_entries(client)) == {
        "http://localhost/es/", "http://localhost/es/tienda/", "http://localhost/es/tienda/cafetera/",
        "http://localhost/es/revista/", "http://localhost/es/revista/articulo/",
        "http://localhost/en/tienda/cafetera/",
    }
    english = {loc.text for loc in read_xml(client, "/sitemap-en.xml").findall("sm:url/sm:loc", NAMESPACES)}
    assert english == {"http://localhost/en/tienda/cafetera/"}


def test_each_entry_has_lastmod_and_hreflang_alternates(client, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    product.save_revision().publish()
    translate(product)
    product.refresh_from_db()

    entries = sitemap_entries(client)

    spanish = entries["http://localhost/es/tienda/cafetera/"]
    assert datetime.fromisoformat(spanish.find("sm:lastmod", NAMESPACES).text) == product.last_published_at
    for url in ("http://localhost/es/tienda/cafetera/", "http://localhost/en/tienda/cafetera/"):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in entries[url].findall("xhtml:link[@rel='alternate']", NAMESPACES)
        }
        assert alternates == {
            "es": "http://localhost/es/tienda/cafetera/", "en": "http://localhost/en/tienda/cafetera/",
            "x-default": "http://localhost/es/tienda/cafetera/",
        }
    assert entries["http://localhost/es/tienda/"].findall("xhtml:link", NAMESPACES) == []


def test_products_list_their_gallery_images_as_absolute_urls(client, shop, blog_index):
    ProductPageFactory(parent=shop, slug="cafetera", gallery_images=[
        ProductImageFactory.build(image=ImageFactory()), ProductImageFactory.build(image=ImageFactory()),
    ])
    BlogPageFactory(parent=blog_index, slug="articulo", hero_image=ImageFactory())

    entries = sitemap_entries(client)

    images = [loc.text for loc in entries["http://localhost/es/tienda/cafetera/"].findall(
        "image:image/image:loc", NAMESPACES)]
    assert len(images) == 2
    assert all(url.startswith("http://localhost/media/images/") for url in images)
    assert entries["http://localhost/es/revista/articulo/"].findall("image:image", NAMESPACES) == []


def sitemap_queries(client):
    client.get("/sitemap-es.xml")  # renditions are made on the first visit
    with CaptureQueriesContext(connection) as context:
        assert client.get("/sitemap-es.xml").status_code == 200
    return len(context.captured_queries)


def test_sitemap_queries_do_not_grow_with_products_and_images(client, shop):
    def add_products(count, start):
        for number in range(start, start + count):
            ProductPageFactory(parent=shop, slug=f"p{number}", gallery_images=[
                ProductImageFactory.build(image=ImageFactory()) for _ in range(3)
            ])

    add_products(1, 0)
    few = sitemap_queries(client)
    add_products(8, 1)

    assert sitemap_queries(client) == few


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "User-agent: *" in lines
    assert {"Disallow: /es/buscar/", "Disallow: /en/search/"} <= set(lines)


def test_robots_txt_keeps_crawlers_out_of_cart_checkout_and_orders_in_both_languages(client, home):
    lines = set(client.get("/robots.txt").content.decode().splitlines())

    for language in ("es", "en"):
        assert {
            f"Disallow: /{language}/cart/", f"Disallow: /{language}/checkout/", f"Disallow: /{language}/order/",
        } <= lines
