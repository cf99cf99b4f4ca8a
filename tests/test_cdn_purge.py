"""A CDN in front: publishing and stock changes purge the pages concerned, over real HTTP.

A loopback server stands in for Varnish (Wagtail's HTTPBackend sends it PURGE
requests); Cloudflare and CloudFront take the same list of URLs.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from products.stock import set_stock
from tests.factories import BlogPageFactory, ProductPageFactory, product_block


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


def test_publishing_a_product_purges_it_its_listing_and_the_home_page(cdn, shop, django_capture_on_commit_callbacks):
    product = ProductPageFactory(parent=shop, slug="cafetera")

    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Cafetera italiana"
        product.save_revision().publish()

    assert {("localhost", "/es/tienda/cafetera/"), ("localhost", "/es/tienda/"), ("localhost", "/es/")} <= set(cdn)


def test_a_stock_change_purges_the_pages_that_show_the_product(cdn, shop, blog_index,
                                                               django_capture_on_commit_callbacks):
    product = ProductPageFactory(parent=shop, slug="cafetera", stock=3)
    other = ProductPageFactory(parent=shop, slug="molinillo", stock=3)
    BlogPageFactory(parent=blog_index, slug="guia", body=[product_block(product)])

    with django_capture_on_commit_callbacks(execute=True):
        set_stock(product.variants.first().sku, 0)

    paths = {path for _host, path in cdn}
    assert {"/es/tienda/cafetera/", "/es/tienda/", "/es/revista/guia/"} <= paths
    assert other.url not in paths


def test_nothing_is_purged_before_the_change_is_committed(cdn, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera", stock=3)

    set_stock(product.variants.first().sku, 0)  # the test's transaction never commits

    assert cdn == []
