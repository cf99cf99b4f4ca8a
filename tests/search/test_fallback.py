"""With Elasticsearch unreachable, searches answer from the database index and publishing still works."""

import logging
import socket

import pytest
from django.utils import translation
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig, TransportError
from elasticsearch import ApiError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from products.models import ProductPage
from search.backends.elasticsearch import VitrinaElasticsearchSearchBackend
from search.fallback import run_search
from tests.factories.products import ProductPageFactory


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "search.backends.database"},
    }


def spanish_products():
    return ProductPage.objects.live().filter(locale=Locale.objects.get(language_code="es"))


@pytest.fixture
def catalog(elasticsearch_down, shop):
    return [
        ProductPageFactory(parent=shop, title="Cafetera italiana", brand="Moka"),
        ProductPageFactory(parent=shop, title="Set de dos cafeteras", brand="Moka"),
        ProductPageFactory(parent=shop, title="Taza de cerámica", brand="Barro"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("evaluate, expected", [
    (lambda results: sorted(page.title for page in results), ["Cafetera italiana", "Set de dos cafeteras"]),
    (len, 2),
    (lambda results: dict(results.facet("brand")), {"Moka": 2}),
])
def test_search_answers_from_the_database_when_elasticsearch_is_down(catalog, caplog, evaluate, expected):
    def search(backend):
        return evaluate(backend.search("cafeteras", spanish_products()))

    with translation.override("es"), caplog.at_level(logging.WARNING, logger="search.fallback"):
        assert run_search(search) == expected
    warnings = [record for record in caplog.records if record.name == "search.fallback"]
    assert [record.levelno for record in warnings] == [logging.WARNING]
    assert "unreachable" in warnings[0].getMessage()


@pytest.mark.django_db
def test_autocomplete_answers_from_the_database_when_elasticsearch_is_down(catalog, caplog):
    def complete(backend):
        return [page.title for page in backend.autocomplete("cafet", spanish_products())]

    with translation.override("es"):
        assert sorted(run_search(complete)) == ["Cafetera italiana", "Set de dos cafeteras"]
    assert any(record.name == "search.fallback" for record in caplog.records)


def api_error(status):
    meta = ApiResponseMeta(status=status, http_version="1.1", headers=HttpHeaders(), duration=0.0,
                           node=NodeConfig("http", "127.0.0.1", 9200))
    return ApiError(f"status {status}", meta, {})


@pytest.mark.django_db
def test_a_server_error_falls_back_but_a_bad_request_is_raised(elasticsearch_down):
    def search_failing_with(error):
        def search(backend):
            if isinstance(backend, VitrinaElasticsearchSearchBackend):
                raise error
            return "database"
        return search

    assert run_search(search_failing_with(api_error(503))) == "database"
    with pytest.raises(ApiError):
        run_search(search_failing_with(api_error(400)))


@pytest.mark.django_db
def test_without_a_database_backend_errors_are_not_hidden(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [f"http://127.0.0.1:{closed_port()}"]},
    }
    with pytest.raises(TransportError):
        run_search(lambda backend: len(backend.search("cafe", ProductPage)))


@pytest.mark.django_db
def test_publishing_unpublishing_and_deleting_keep_the_database_index_current(elasticsearch_down, shop, caplog):
    database = get_search_backend("database")

    def found(query, queryset=None):
        with translation.override("es"):
            return [page.title for page in database.search(query, queryset or ProductPage.objects.live())]

    page = ProductPageFactory(parent=shop, title="Hervidor de agua")
    assert found("hervidores") == ["Hervidor de agua"]

    page.title = "Hervidor eléctrico"
    page.save_revision().publish()
    assert found("electrico") == ["Hervidor eléctrico"]

    page.unpublish()
    assert found("electrico") == []
    assert found("electrico", ProductPage.objects.all()) == ["Hervidor eléctrico"]

    ProductPage.objects.get(pk=page.pk).delete()
    assert found("electrico", ProductPage.objects.all()) == []

    # Each change tried Elasticsearch, and the failure was logged, not raised.
    failures = [record for record in caplog.records if record.name == "modelsearch.index"]
    assert failures and all(record.levelno == logging.ERROR for record in failures)
    assert any("deleting" in record.getMessage() for record in failures)
