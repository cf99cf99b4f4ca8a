"""The page cache on Redis, as production runs it with REDIS_URL: shared by every worker."""

import socket
import uuid

import pytest
from django.core.cache import caches

from products.stock import set_stock
from tests.factories import ProductPageFactory

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache(settings):
    if not redis_is_running():
        pytest.skip("needs Redis on 127.0.0.1:6379 (it runs on the CI machines)")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"vitrina-test-{uuid.uuid4().hex}",
        },
    }
    settings.VITRINA_PAGE_CACHE = True
    settings.VITRINA_PAGE_CACHE_ALIAS = "pages"
    yield caches["pages"]
    caches["pages"].clear()


def test_pages_are_kept_in_redis_and_renewed_by_a_stock_change(redis_cache, client, shop,
                                                                django_capture_on_commit_callbacks):
    product = ProductPageFactory(parent=shop, slug="cafetera", stock=5)

    assert client.get(product.url)["X-Cache"] == "miss"
    assert client.get(product.url)["X-Cache"] == "hit"
    assert redis_cache.get("vitrina:pages:edition")

    with django_capture_on_commit_callbacks(execute=True):
        set_stock(product.variants.first().sku, 0)

    assert client.get(product.url)["X-Cache"] == "miss"
