"""The search page: /es/buscar/?q=... and /en/search/?q=..."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from home.templatetags.site_tags import money
from products.display import prepare_products
from vitrina import page_cache

from . import catalog
from .language import fold
from .querylog import record_search

TABS = ("products", "articles")


@page_cache.cacheable
def search(request):
    raw_query = request.GET.get("q", "")
    query = catalog.clean_query(raw_query)
    locale = Locale.get_active()
    tab = request.GET.get("type") if request.GET.get("type") in TABS else "products"
    filters = catalog.Filters(
        category=_positive_int(request.GET.get("category")),
        price_band=_positive_int(request.GET.get("price")),
        available=request.GET.get("available") == "1",
    )
    sort = request.GET.get("sort", "") if request.GET.get("sort", "") in catalog.SORTS else ""
    page = request.GET.get("page", 1)
    context = {
        "search_query": query,
        "tab": tab,
        "sort": sort,
        "sort_choices": [
            ("", _("Relevance")), ("price", _("Price: low to high")), ("-price", _("Price: high to low")),
            ("newest", _("Newest")),
        ],
        "filters": filters,
    }
    if query:
        context.update(results_context(request, query, raw_query, locale, tab, filters, sort, page))
        if tab == "products" and str(page) in ("", "1"):
            # Counted on every visit, also when the page comes from the page cache.
            page_cache.repeat_on_hit(record_search, query, locale.language_code, context["result_count"])
    if not query or not context.get("result_count"):
        context["popular_products"] = popular_products(locale)
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def results_context(request, query, raw_query, locale, tab, filters, sort, page):
    products = catalog.search_products(
        query, locale=locale, filters=filters, sort=sort, page=page if tab == "products" else 1,
        raw_query=raw_query,
    )
    articles = catalog.search_articles(query, locale=locale, page=page if tab == "articles" else 1)
    shown = products.page.object_list
    extra = 0  # the exact-SKU product when the words alone did not find it
    if products.exact_sku is not None and products.page.number == 1:
        extra = 0 if any(p.pk == products.exact_sku.pk for p in shown) or products.count else 1
        shown = [products.exact_sku] + [p for p in shown if p.pk != products.exact_sku.pk]
    products.page.object_list = prepare_products(shown)
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "products": products,
        "articles": articles,
        "result_count": products.count + extra + articles.paginator.count,
        "facets": facet_options(products.facets, filters, params),
        "active_filters": active_filters(products.facets, filters, params),
        "promotions": promotions(query, locale),
        "page_query": params.urlencode(),
        "tab_links": {tab_name: _with(params, type=tab_name, page=None) for tab_name in TABS},
        "suggestion": None if products.count + extra or articles.paginator.count else spelling_suggestion(query, locale),
    }


def facet_options(facets, filters, params):
    """Facet links with counts; following one applies (or removes) that filter."""
    if not facets:
        return []
    categories = catalog.category_titles(facets.get("category", {}).keys())
    groups = []
    category_options = sorted(
        (
            (categories[value], value, count) for value, count in facets.get("category", {}).items()
            if value in categories and count
        ),
        key=lambda option: (-option[2], option[0]),
    )
    groups.append({
        "name": "category", "label": _("Category"),
        "options": [
            _option(title, count, filters.category == value, params, category=None if filters.category == value else value)
            for title, value, count in category_options
        ],
    })
    band_counts = facets.get("price_band", {})
    groups.append({
        "name": "price", "label": _("Price"),
        "options": [
            _option(price_band_label(band), band_counts[band], filters.price_band == band, params,
                    price=None if filters.price_band == band else band)
            for band in catalog.price_band_bounds() if band_counts.get(band)
        ],
    })
    available_count = facets.get("is_available", {}).get(True, 0)
    groups.append({
        "name": "available", "label": _("Availability"),
        "options": [
            _option(_("Available now"), available_count, filters.available, params,
                    available=None if filters.available else 1)
        ] if available_count else [],
    })
    return [group for group in groups if group["options"]]


def active_filters(facets, filters, params):
    chips = []
    if filters.category is not None:
        title = catalog.category_titles([filters.category]).get(filters.category, _("Category"))
        chips.append({"label": title, "url": _with(params, category=None)})
    if filters.price_band is not None and filters.price_band in catalog.price_band_bounds():
        chips.append({"label": price_band_label(filters.price_band), "url": _with(params, price=None)})
    if filters.available:
        chips.append({"label": _("Available now"), "url": _with(params, available=None)})
    return chips


def price_band_label(band):
    low, high = catalog.price_band_bounds()[band]
    if not low:
        return _("Under %(price)s") % {"price": _whole(high)}
    if high is None:
        return _("%(price)s and over") % {"price": _whole(low)}
    return _("%(low)s to %(high)s") % {"low": _whole(low), "high": _whole(high)}


def _whole(amount):
    """Band limits are whole amounts: "25 €", not "25,00 €"."""
    return money(amount).replace(",00", "").replace(".00", "")


def _option(label, count, selected, params, **changes):
    return {"label": label, "count": count, "selected": selected, "url": _with(params, page=None, **changes)}


def _with(params, **changes):
    params = params.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    return "?" + params.urlencode()


def _positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def promotions(query, locale):
    """Pages marketing pinned to this query (Search promotions), in this language."""
    normalised = normalise_query_string(query)
    picks = (
        SearchPromotion.objects.filter(query__query_string__in={normalised, fold(normalised)})
        .select_related("page").order_by("sort_order")
    )
    shown = []
    for pick in picks:
        if pick.page_id is None:
            shown.append({"title": pick.title, "url": pick.external_link_url, "description": pick.description})
            continue
        page = pick.page if pick.page.locale_id == locale.pk else pick.page.get_translation_or_none(locale)
        if page is not None and page.live and page.get_view_restrictions().count() == 0:
            shown.append({"title": page.title, "url": page.url, "description": pick.description})
    return shown


def popular_products(locale, limit=4):
    """What to show when a search finds nothing: recent products that can be bought."""
    products = catalog.live_products(locale).filter(is_available=True).order_by("-first_published_at")[:limit]
    return prepare_products(list(products))


def spelling_suggestion(query, locale):
    """A nearby query made of words from product titles, brands and categories, or None."""
    from .spelling import suggest

    return suggest(query, locale)
