"""Which URLs page_throughput.py loads, and how many SQL queries each page makes.

Run by page_throughput.py as a subprocess with the production settings and
the page cache off; prints one JSON object: kind -> {"url", "queries"}.
Queries (and the CPU time of a request) are measured in-process with
Django's test client from the second request on (the first one makes image renditions and fills the per-process
caches, as the first visitors after a deploy do), so they are the count of
a worker in its steady state.
"""

import json
import re
import statistics
import sys
import time

from setup_django import setup

setup()

from django.db import connection  # noqa: E402  (after Django is set up)
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from blog.models import BlogPage  # noqa: E402
from products.models import ProductIndexPage, ProductPage  # noqa: E402

SEARCH_QUERY = "cafetera"
# The demo's buying guide: one product card and a grid of three products.
ARTICLE_SLUG = "como-elegir-tu-primera-cafetera"
PRODUCT_SLUG = "cafetera-italiana-clasica"
PRODUCT_BLOCKS = {"product", "product_grid"}


def product_blocks(article):
    return sum(1 for block in article.body if block.block_type in PRODUCT_BLOCKS)


def find_article(locale):
    """The buying guide, or else the Spanish article with the most product blocks."""
    articles = BlogPage.objects.live().filter(locale=locale).specific()
    article = articles.filter(slug=ARTICLE_SLUG).first()
    if article is None:
        article = max(articles, key=product_blocks, default=None)
    if article is None or product_blocks(article) == 0:
        sys.exit("The demo has no article with product blocks: load it with `manage.py load_demo`.")
    return article


def find_product(locale):
    products = ProductPage.objects.live().filter(locale=locale)
    product = products.filter(slug=PRODUCT_SLUG).first() or products.order_by("path").first()
    if product is None:
        sys.exit("The demo has no products: load it with `manage.py load_demo`.")
    return product


def find_category(locale):
    """The category with the most products (the shop itself only if it has no categories)."""
    categories = ProductIndexPage.objects.live().filter(locale=locale)
    category = categories.filter(depth__gt=3).order_by("-numchild", "path").first() or categories.first()
    if category is None:
        sys.exit("The demo has no shop pages: load it with `manage.py load_demo`.")
    return category


def page_urls():
    locale = Locale.objects.get(language_code="es")
    with translation.override("es"):
        search = f"{reverse('search:search')}?q={SEARCH_QUERY}"
    urls = {
        "home": "/es/",
        "category": find_category(locale).url,
        "product": find_product(locale).url,
        "article": find_article(locale).url,
        "search": search,
        "trivial": reverse("health_live"),
    }
    return urls


def stylesheet_url(browser, home_url):
    """The hashed CSS URL the home page links to: what a visitor's browser fetches from whitenoise."""
    html = browser.get(home_url).content.decode()
    match = re.search(r'<link rel="stylesheet" href="([^"]+\.css)"', html)
    if match is None:
        sys.exit("The home page links no stylesheet: the static-file baseline needs one.")
    return match.group(1)


def count_queries(browser, url):
    first = browser.get(url)
    if first.status_code != 200:
        sys.exit(f"GET {url} answered {first.status_code} in-process; the benchmark needs 200.")
    with CaptureQueriesContext(connection) as context:
        browser.get(url)
    return len(context.captured_queries)


def cpu_ms(browser, url, runs=7):
    """Median CPU time of this process (Django, not PostgreSQL) per request: load on other cores barely moves it."""
    timings = []
    for _ in range(runs):
        started = time.process_time()
        browser.get(url)
        timings.append((time.process_time() - started) * 1000)
    return round(statistics.median(timings), 1)


def measure(browser, url):
    return {"url": url, "queries": count_queries(browser, url), "cpu_ms": cpu_ms(browser, url)}


def main():
    browser = Client(HTTP_HOST="localhost")
    pages = {kind: measure(browser, url) for kind, url in page_urls().items()}
    pages["static"] = {"url": stylesheet_url(browser, pages["home"]["url"]), "queries": None, "cpu_ms": None}
    json.dump(pages, sys.stdout)


if __name__ == "__main__":
    main()
