"""The Elasticsearch backend: index settings and mapping (no server needed), and searches on a real server.

Tests marked `needs_elasticsearch` run against the server named by
ELASTICSEARCH_URL, in indexes of their own that are deleted afterwards, and
are reported as skipped when it is not set (see README, "Elasticsearch").
"""

import os
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.search.backends import get_search_backend

from products.models import ProductPage
from search.backends.elasticsearch import VitrinaElasticsearchMapping
from tests.factories.products import ProductPageFactory, ProductVariantFactory

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_elasticsearch = pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="needs an Elasticsearch 9 server: set ELASTICSEARCH_URL (README, 'Elasticsearch')",
)


@pytest.fixture(autouse=True)
def _database_search(settings):
    """Pages built here are indexed in the database only, never in a real server's indexes."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}


def backend_without_server():
    # Building the client opens no connection; the port is never contacted.
    return get_search_backend("search.backends.elasticsearch", URLS=["http://127.0.0.1:9"])


def product_mapping():
    return VitrinaElasticsearchMapping(ProductPage).get_mapping()["properties"]


def analysis():
    return backend_without_server().settings["settings"]["analysis"]


def test_spanish_and_english_analyzers_fold_accents_and_stem():
    analyzers, filters = analysis()["analyzer"], analysis()["filter"]
    spanish, english = analyzers["spanish_folded"]["filter"], analyzers["english_folded"]["filter"]
    assert {"lowercase", "asciifolding", "spanish_stop", "spanish_stemmer"} <= set(spanish)
    assert {"lowercase", "asciifolding", "english_stop", "english_stemmer"} <= set(english)
    # Stop words before stemming, folding after it, as the database backend does (stem, then fold).
    chains = [(spanish, "spanish_stop", "spanish_stemmer"), (english, "english_stop", "english_stemmer")]
    for chain, stop, stemmer in chains:
        assert chain.index("lowercase") < chain.index(stop) < chain.index(stemmer) < chain.index("asciifolding")
    assert filters["spanish_stemmer"] == {"type": "stemmer", "language": "spanish"}
    assert filters["english_stemmer"] == {"type": "stemmer", "language": "english"}
    assert filters["spanish_stop"]["stopwords"] == "_spanish_"


def test_modelsearch_autocomplete_analyzers_are_kept():
    analyzers = analysis()["analyzer"]
    assert "asciifolding" in analyzers["edgengram_analyzer"]["filter"]
    assert analyzers["folding"]["filter"] == ["lowercase", "asciifolding"]


def test_index_settings_override_from_settings_still_merges():
    backend = get_search_backend(
        "search.backends.elasticsearch", URLS=["http://127.0.0.1:9"],
        INDEX_SETTINGS={"settings": {"index": {"number_of_shards": 1}}},
    )
    assert backend.settings["settings"]["index"]["number_of_shards"] == 1
    assert "spanish_folded" in backend.settings["settings"]["analysis"]["analyzer"]


def test_every_text_field_exists_once_per_language_with_its_analyzer():
    properties = product_mapping()
    for column in ["title", "products_productpage__summary", "products_productpage__description", "_all_text"]:
        assert properties[column]["analyzer"] == "spanish_folded"
        assert properties[f"{column}__en"]["analyzer"] == "english_folded"
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_10_0"]
    assert properties["title__en"]["copy_to"] == ["_all_text__en", "_all_text_boost_10_0__en"]
    assert properties["_all_text_boost_10_0__en"] == {"type": "text", "analyzer": "english_folded"}


def test_nested_text_fields_are_per_language_too():
    variants = product_mapping()["products_productpage__variants"]
    assert variants["type"] == "nested"
    assert variants["properties"]["sku"]["analyzer"] == "spanish_folded"
    assert variants["properties"]["sku__en"] == {
        "type": "text", "copy_to": ["_all_text__en"], "analyzer": "english_folded",
    }


def test_filter_and_autocomplete_fields_are_language_neutral():
    properties = product_mapping()
    assert properties["products_productpage__brand_filter"] == {"type": "keyword"}
    assert properties["locale_id_filter"]["type"] == "integer"
    assert properties["products_productpage__lowest_price_filter"]["type"] == "double"
    assert "products_productpage__brand_filter__en" not in properties
    for column in ["_edgengrams", "title_edgengrams"]:
        assert properties[column]["analyzer"] == "edgengram_analyzer"
        assert properties[column]["search_analyzer"] == "folding"


@pytest.mark.django_db
def test_spanish_product_document_fills_the_spanish_fields(shop):
    page = ProductPageFactory(
        parent=shop, title="Cafetera de émbolo", brand="Moka", summary="Para café.",
        variants=[ProductVariantFactory.build(sku="CAF-1", option1="Acero")],
    )
    page = ProductPage.objects.get(pk=page.pk)  # as indexed: availability follows the stock set after saving
    document = VitrinaElasticsearchMapping(ProductPage).get_document(page)
    assert document["title"] == "Cafetera de émbolo"
    assert document["products_productpage__summary"] == "Para café."
    assert document["products_productpage__brand"] == "Moka"
    assert document["products_productpage__brand_filter"] == "Moka"
    assert document["products_productpage__is_available_filter"] is True
    assert document["locale_id_filter"] == page.locale_id
    assert document["products_productpage__variants"] == [{"sku": "CAF-1", "option1": "Acero", "option2": ""}]
    assert "Cafetera de émbolo" in document["_edgengrams"]
    assert "products.ProductPage" in document["_django_content_type"]
    assert not [key for key in document if key.endswith("__en")]


@pytest.mark.django_db
def test_english_translation_document_fills_the_english_fields(shop, translate):
    page = ProductPageFactory(
        parent=shop, title="Cafetera de émbolo", variants=[ProductVariantFactory.build(sku="CAF-2")],
    )
    english = translate(page, title="French press", summary="For coffee.")
    document = VitrinaElasticsearchMapping(ProductPage).get_document(english)
    assert document["title__en"] == "French press"
    assert document["products_productpage__summary__en"] == "For coffee."
    assert document["products_productpage__variants"][0]["sku__en"] == english.variants.get().sku
    assert "title" not in document
    # Filters and autocomplete do not depend on the language.
    assert document["title_filter"] == "French press"
    assert "French press" in document["_edgengrams"]


def test_a_query_runs_over_both_languages_fields():
    backend = backend_without_server()
    query = backend.search("cafeteras", ProductPage).query_compiler.get_query()
    fields = query["bool"]["must"]["multi_match"]["fields"]
    assert {"_all_text", "_all_text__en", "_all_text_boost_10_0^10.0", "_all_text_boost_10_0__en^10.0"} <= set(fields)

    query = backend.search("cafeteras", ProductPage, fields=["title"]).query_compiler.get_query()
    assert query["bool"]["must"]["multi_match"]["fields"] == ["title^10", "title__en^10"]


def test_autocomplete_queries_the_language_neutral_prefixes():
    query = backend_without_server().autocomplete("cafe", ProductPage).query_compiler.get_query()
    assert query["bool"]["must"] == {"match": {"_edgengrams": {"query": "cafe"}}}


# With a server ---------------------------------------------------------------


@pytest.fixture
def elasticsearch(_database_search, settings):
    """The Elasticsearch backend on test indexes of its own, with the database backend beside it."""
    prefix = f"vitrina_test_{uuid.uuid4().hex[:8]}_"
    options = {}
    if os.environ.get("ELASTICSEARCH_USERNAME"):
        options["basic_auth"] = (os.environ["ELASTICSEARCH_USERNAME"], os.environ.get("ELASTICSEARCH_PASSWORD", ""))
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch", "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix, "TIMEOUT": 10, "OPTIONS": options,
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    call_command("update_index", backend_name="default", schema_only=True, stdout=StringIO())
    backend = get_search_backend()
    yield backend
    for name in backend.es.indices.get(index=f"{prefix}*"):
        backend.es.indices.delete(index=name)


@pytest.fixture
def catalog(elasticsearch, shop, translate):
    spanish = [
        ProductPageFactory(parent=shop, title="Cafetera italiana de acero", brand="Moka", summary="Para café de moka."),
        ProductPageFactory(
            parent=shop, title="Set de dos cafeteras de émbolo", brand="Moka", summary="Émbolo y vidrio.",
        ),
        ProductPageFactory(parent=shop, title="Molinillo de café manual", brand="Muela", summary="Muelas cerámicas."),
        ProductPageFactory(parent=shop, title="Taza de cerámica", brand="Barro", summary="Para espresso."),
    ]
    for page, title in zip(spanish, ["Italian steel coffee maker", "Set of two french press coffee makers",
                                     "Manual coffee grinder", "Ceramic mug"]):
        translate(page, title=title)
    # A full rebuild, as `manage.py update_index` does in production.
    call_command("update_index", backend_name="default", stdout=StringIO())
    return elasticsearch


def search(backend, query, locale, language, **kwargs):
    with translation.override(language):
        queryset = ProductPage.objects.live().filter(locale=locale)
        return [page.title for page in backend.search(query, queryset, **kwargs)]


@needs_elasticsearch
@pytest.mark.django_db
@pytest.mark.parametrize("query, expected", [
    ("cafe", "Molinillo de café manual"),
    ("CAFÉ", "Molinillo de café manual"),
    ("ceramica", "Taza de cerámica"),
    ("embolo", "Set de dos cafeteras de émbolo"),
])
def test_accents_do_not_matter(catalog, locale_es, query, expected):
    assert expected in search(catalog, query, locale_es, "es")


@needs_elasticsearch
@pytest.mark.django_db
def test_singular_and_plural_find_each_other(catalog, locale_es):
    both = {"Cafetera italiana de acero", "Set de dos cafeteras de émbolo"}
    assert set(search(catalog, "cafetera", locale_es, "es")) >= both
    assert set(search(catalog, "cafeteras", locale_es, "es")) >= both


@needs_elasticsearch
@pytest.mark.django_db
def test_english_pages_are_stemmed_in_english(catalog, locale_en):
    assert search(catalog, "grinders", locale_en, "en")[0] == "Manual coffee grinder"
    assert set(search(catalog, "coffee makers", locale_en, "en")) >= {
        "Italian steel coffee maker", "Set of two french press coffee makers",
    }


@needs_elasticsearch
@pytest.mark.django_db
def test_brand_facet_counts_matching_products(catalog, locale_es):
    queryset = ProductPage.objects.live().filter(locale=locale_es)
    facets = catalog.search("cafe", queryset).facet("brand")
    assert facets["Moka"] == 2
    assert facets["Muela"] == 1
    assert "Barro" not in facets


@needs_elasticsearch
@pytest.mark.django_db
def test_autocomplete_completes_prefixes_with_or_without_accents(catalog, locale_es):
    queryset = ProductPage.objects.live().filter(locale=locale_es)
    for prefix in ["cafet", "cafe", "café", "ceram"]:
        titles = {page.title for page in catalog.autocomplete(prefix, queryset)}
        assert titles, prefix
    assert "Cafetera italiana de acero" in {page.title for page in catalog.autocomplete("cafet", queryset)}
    assert "Taza de cerámica" in {page.title for page in catalog.autocomplete("ceram", queryset)}


@needs_elasticsearch
@pytest.mark.django_db
def test_publishing_and_deleting_update_the_index(catalog, shop, locale_es):
    page = ProductPageFactory(parent=shop, title="Hervidor de agua")
    page.save_revision().publish()
    catalog.refresh_indexes()
    assert search(catalog, "hervidores", locale_es, "es") == ["Hervidor de agua"]
    page_id = str(page.pk)
    page.delete()
    catalog.refresh_indexes()
    index = catalog.get_index_for_model(ProductPage).name
    assert catalog.es.count(index=index, query={"term": {"pk": page_id}})["count"] == 0
