"""What search_latency.py times: the search page's and the autocomplete's own functions."""

import os
import platform
import time

import django
import wagtail
from django.db import connection
from wagtail.models import Locale

from products.models import ProductIndexPage, ProductPage

LABELS = {
    "plain": "plain: first page, no facets",
    "facets": "page: first page + facets",
    "filtered": "filtered (category + in stock) + facets",
    "autocomplete": "autocomplete (products + pages)",
    "http": "whole page: GET /es/buscar/ (view + template)",
}


def kinds(names=None):
    """Name -> function(query) that runs one search the way the site does and returns the match count."""
    from search import catalog

    locale = Locale.objects.get(language_code="es")
    # A large category, so filtering does not make the search trivially small.
    category = (ProductIndexPage.objects.filter(locale=locale, depth__gt=3).order_by("-numchild").first()
                or ProductIndexPage.objects.filter(locale=locale).first())

    def search(query, with_facets, filters=None):
        results = catalog.search_products(
            catalog.clean_query(query), locale=locale, filters=filters, with_facets=with_facets, raw_query=query,
        )
        return results.count

    def autocomplete(query):
        from search.autocomplete import page_suggestions, product_suggestions, search_words

        words = search_words(query)
        pages = page_suggestions(words, locale)
        return len(product_suggestions(words, locale, limit=8 - len(pages))) + len(pages)

    from django.test import Client
    from django.urls import reverse

    browser = Client(HTTP_HOST="localhost")
    search_url = reverse("search:search")

    def whole_page(query):
        response = browser.get(search_url, {"q": query})
        assert response.status_code == 200, response.status_code
        return response.context["products"].count if response.context and "products" in response.context else 0

    everything = {
        "plain": lambda query: search(query, with_facets=False),
        "facets": lambda query: search(query, with_facets=True),
        "filtered": lambda query: search(
            query, with_facets=True, filters=catalog.Filters(category=category.pk, available=True)),
        "autocomplete": autocomplete,
        "http": whole_page,
    }
    return {name: run for name, run in everything.items() if names is None or name in names}


def environment():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
        cursor.execute("SELECT current_setting('shared_buffers'), current_setting('work_mem'), "
                       "pg_size_pretty(pg_total_relation_size('wagtailsearch_indexentry'))")
        shared_buffers, work_mem, index_size = cursor.fetchone()
    products = ProductPage.objects.filter(locale__language_code="es").count()
    return "\n".join([
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()),
        f"Python {platform.python_version()}, Django {django.get_version()}, Wagtail {wagtail.__version__}, "
        f"modelsearch {_version('modelsearch')}, psycopg {_version('psycopg')}",
        f"PostgreSQL {server}: shared_buffers {shared_buffers}, work_mem {work_mem}; "
        f"search index {index_size}",
        f"Catalogue: {products} Spanish products",
    ])


def _version(distribution):
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


def time_indexing(count):
    """Seconds to index `count` Spanish products again, as update_index does (in batches of 1,000)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    index = backend.get_index_for_model(ProductPage)
    products = ProductPage.objects.filter(locale__language_code="es").order_by("pk")
    ids = list(products.values_list("pk", flat=True)[:count])
    started = time.perf_counter()
    for start in range(0, len(ids), 1000):
        objects = list(ProductPage.get_indexed_objects().filter(pk__in=ids[start:start + 1000]))
        index.add_items(ProductPage, objects)
    return time.perf_counter() - started
