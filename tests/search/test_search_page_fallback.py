"""With Elasticsearch configured but unreachable, the search page answers from the database index."""

import logging
import socket

import pytest

from tests.factories.products import ProductPageFactory
from tests.markup import parse, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed when the block ends: connections are refused


@pytest.fixture
def unreachable_elasticsearch(settings, closed_port):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{closed_port}"],
            "INDEX_PREFIX": "vitrina_test_",
            "TIMEOUT": 2,
            "OPTIONS": {"retry_on_timeout": False, "max_retries": 0},
        },
        "database": {"BACKEND": "search.backends.database"},
    }


def test_search_page_answers_from_the_database_when_elasticsearch_refuses(
    unreachable_elasticsearch, client, shop, caplog
):
    # Published while Elasticsearch is down: the database index still gets it.
    ProductPageFactory(parent=shop, title="Cafetera de émbolo")
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        response = client.get("/es/buscar/", {"q": "cafeteras"})
    assert response.status_code == 200
    page = parse(response)
    assert [text_of(t) for t in page.select(".search-results .product-card__title")] == ["Cafetera de émbolo"]
    assert page.select(".search-facets__group")
    assert any("unreachable" in record.getMessage() for record in caplog.records)


def test_articles_tab_and_empty_results_also_fall_back(unreachable_elasticsearch, client, shop):
    assert client.get("/es/buscar/", {"q": "cafetera", "type": "articles"}).status_code == 200
    assert client.get("/es/buscar/", {"q": "zzzz"}).status_code == 200


@pytest.mark.parametrize("sort", ["", "price", "-price", "newest"])
def test_filters_and_sorts_build_valid_elasticsearch_queries_before_falling_back(
    unreachable_elasticsearch, client, shop, sort
):
    # Elasticsearch query building (filters, sorts, facets) runs before the refused connection.
    ProductPageFactory(parent=shop, title="Cafetera de émbolo")
    params = {"q": "cafetera", "category": shop.pk, "price": 1, "available": "1", "sort": sort}
    page = parse(client.get("/es/buscar/", params))
    assert [text_of(t) for t in page.select(".search-results .product-card__title")] == ["Cafetera de émbolo"]
