"""Suggestions while typing in the search box: GET /es/buscar/autocompletar/?q=...

Answers JSON for vitrina/static/js/autocomplete.js: products first (with their price and a small picture), then a few articles
and content pages, only live public pages of the page's language. The query
is reduced to words before it reaches a backend, so no SQL, FTS5 or Lucene
syntax can get through; it goes through `run_search`, so with Elasticsearch
down the database index answers.

Nothing in the answer depends on the visitor, so it may be cached publicly
for a minute (a CDN absorbs a burst of typists).
"""

from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale, Page

from blog.models import BlogPage
from home.models import StandardPage
from home.renditions import rendition
from home.templatetags.site_tags import money
from products.display import prepare_products
from products.models import ProductPage

from .catalog import MAX_QUERY_CHARACTERS
from .fallback import run_search
from .language import WORD

MAX_QUERY_WORDS = 8
MIN_WORD_CHARACTERS = 2
MAX_SUGGESTIONS = 8
MAX_ARTICLES = 3  # products get the rest of the list
IMAGE_SPEC = "fill-96x96"  # shown at 48 CSS pixels; made in advance by the demo loader
CACHE_SECONDS = 60
ALLOWED_METHODS = ("GET", "HEAD")


def autocomplete(request):
    if request.method not in ALLOWED_METHODS:
        response = error(_("Only GET requests are accepted."), status=405)
        response["Allow"] = ", ".join(ALLOWED_METHODS)
        return response
    raw_query = request.GET.get("q", "").strip()
    if not raw_query:
        return error(_("Type something to search for."), status=400)
    if len(raw_query) > MAX_QUERY_CHARACTERS:
        return error(_("The search is too long."), status=400)

    words = search_words(raw_query)
    results = suggestions(words, request) if words else []
    response = JsonResponse({
        "query": raw_query,
        "results": results,
        "search_url": f"{reverse('search:search')}?{urlencode({'q': raw_query})}",
    })
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    response["X-Robots-Tag"] = "noindex"
    return response


def error(reason, status):
    response = JsonResponse({"error": reason}, status=status)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def search_words(raw_query):
    """The words of a query, or "" if none is long enough: '"café" AND (moli*' -> 'café AND moli'.

    Operators that survive as words ("AND", "NEAR") are plain words to every
    backend: PostgreSQL and FTS5 get them quoted, Elasticsearch in a match query.
    """
    words = WORD.findall(raw_query)[:MAX_QUERY_WORDS]
    if not any(len(word) >= MIN_WORD_CHARACTERS for word in words):
        return ""
    return " ".join(words)


def suggestions(query, request):
    locale = Locale.get_active()
    pages = page_suggestions(query, locale)
    products = product_suggestions(query, locale, limit=MAX_SUGGESTIONS - len(pages))
    return [product_result(product, request) for product in products] + [page_result(page, request) for page in pages]


def product_suggestions(query, locale, limit):
    queryset = ProductPage.objects.live().public().filter(locale=locale)

    def search(backend):
        return list(backend.autocomplete(query, queryset)[:limit])

    return prepare_products(run_search(search))


def page_suggestions(query, locale):
    """Articles and content pages as their specific types, hero images ready."""
    queryset = Page.objects.live().public().filter(locale=locale).type(BlogPage, StandardPage)

    def search(backend):
        return [page.pk for page in backend.autocomplete(query, queryset)[:MAX_ARTICLES]]

    ids = run_search(search)
    if not ids:
        return []
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
    pages = [specific[pk] for pk in ids if pk in specific]
    prefetch_related_objects([page for page in pages if isinstance(page, BlogPage)], "hero_image__renditions")
    prefetch_related_objects([page for page in pages if isinstance(page, StandardPage)], "image__renditions")
    return pages


def product_result(product, request):
    result = {"type": "product", "title": product.title, "url": product.get_url(request)}
    if not product.is_quote_only and product.price_from is not None:
        price = money(product.price_from)
        result["price"] = _("From %(price)s") % {"price": price} if product.has_price_range else price
    result["image"] = image_url(product.main_image)
    return result


def page_result(page, request):
    image = page.hero_image if isinstance(page, BlogPage) else getattr(page, "image", None)
    return {
        "type": "article" if isinstance(page, BlogPage) else "page",
        "title": page.title,
        "url": page.get_url(request),
        "image": image_url(image),
    }


def image_url(image):
    if image is None:
        return None
    try:
        return rendition(image, IMAGE_SPEC).url
    except SourceImageIOError:  # the original file is gone: a suggestion without a picture
        return None
