"""What the search page finds: products (with facets) and articles.

Every search runs through `run_search`, so with Elasticsearch down it is
answered from the database index. Queries are reduced to words before they
reach a backend, so no SQL, FTS5 or Lucene syntax can get through.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, F

from blog.models import BlogPage
from home.models import StandardPage
from products.models import ProductIndexPage, ProductPage, ProductVariant
from products.models.pages import PRICE_BANDS

from .fallback import run_search
from .language import WORD

MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 12
COUNT_CAP = 1000  # without facets, counting stops here

SORTS = {
    "": None,  # relevance
    "price": (F("lowest_price").asc(nulls_last=True), "title", "id"),
    "-price": (F("lowest_price").desc(nulls_last=True), "title", "id"),
    "newest": ("-first_published_at", "id"),
}
FACET_FIELDS = ("category", "price_band", "is_available")


def sort_fields(sort, backend):
    """SORTS[sort], or plain field names for backends that take no expressions.

    Elasticsearch already puts products without a price (quote only) last.
    """
    if getattr(backend.query_compiler_class, "HANDLES_ORDER_BY_EXPRESSIONS", False):
        return SORTS[sort]
    return [
        ("-" if field.descending else "") + field.expression.name if hasattr(field, "expression") else field
        for field in SORTS[sort]
    ]


def clean_query(raw):
    """The words of a query, as the box shows it: "  café, (molido)* " -> "café molido"."""
    words = WORD.findall((raw or "")[: MAX_QUERY_CHARACTERS * 2])
    return " ".join(words[:MAX_QUERY_WORDS])[:MAX_QUERY_CHARACTERS].strip()


@dataclass
class Filters:
    category: int | None = None
    price_band: int | None = None
    available: bool = False

    def apply(self, queryset, skip=None):
        if self.category is not None and skip != "category":
            queryset = queryset.filter(category=self.category)
        if self.price_band is not None and skip != "price_band":
            queryset = queryset.filter(price_band=self.price_band)
        if self.available and skip != "is_available":
            queryset = queryset.filter(is_available=True)
        return queryset

    def accepts(self, row, skip):
        """Whether a (category, price_band, is_available) facet row passes the other filters."""
        category, band, available = row
        return (
            (skip == "category" or self.category is None or category == self.category)
            and (skip == "price_band" or self.price_band is None or band == self.price_band)
            and (skip == "is_available" or not self.available or available)
        )


@dataclass
class ProductResults:
    query: str
    page: object  # a paginator Page of ProductPage
    count: int
    count_is_capped: bool = False  # "more than COUNT_CAP products"
    facets: dict = field(default_factory=dict)  # facet name -> {value: count}
    exact_sku: object = None  # the product whose SKU is the query, shown first
    any_word: bool = False  # no product had every word: these have some


def live_products(locale):
    return ProductPage.objects.live().public().filter(locale=locale)


def search_products(query, *, locale, filters=None, sort="", page=1, per_page=24, with_facets=True, raw_query=""):
    filters = filters or Filters()
    if sort not in SORTS:
        sort = ""
    base = live_products(locale)

    def search(backend, operator="and"):
        queryset = filters.apply(base)
        if SORTS[sort]:
            queryset = queryset.order_by(*sort_fields(sort, backend))
        results = backend.search(query, queryset, operator=operator, order_by_relevance=not SORTS[sort])
        facets, count, capped = {}, None, False
        if with_facets:
            facets, count = facet_counts(backend, query, base, filters, operator)
        if count is None:
            count, capped = counted(results)
        paginator = Paginator(KnownCount(results, count), per_page)
        page_obj = paginator.get_page(page)
        page_obj.object_list = list(page_obj.object_list)
        return page_obj, count, capped, facets

    def search_any_word(backend):
        found = search(backend)
        if found[1] == 0 and len(query.split()) > 1:
            return (*search(backend, operator="or"), True)
        return (*found, False)

    page_obj, count, capped, facets, any_word = run_search(search_any_word)
    return ProductResults(
        query=query, page=page_obj, count=count, count_is_capped=capped, facets=facets, any_word=any_word,
        exact_sku=product_with_sku(raw_query or query, base),
    )


def counted(results):
    """(count, capped): exact from Elasticsearch; on the database, counting stops past COUNT_CAP.

    An exact count of 100,000 matches is a pass over all of them; "more than
    1,000 products" tells a shopper as much.
    """
    if hasattr(results, "get_queryset"):
        count = results.get_queryset().order_by().values("pk")[: COUNT_CAP + 1].count()
        return min(count, COUNT_CAP), count > COUNT_CAP
    return results.count(), False


class KnownCount:
    """Results (or the first of them) whose full count is already known, for Paginator."""

    def __init__(self, results, count):
        self.results, self.total = results, count

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.results[index]


def facet_counts(backend, query, base, filters, operator="and"):
    """Counts per category, price band and availability for the matching products, and their total.

    Each facet counts with the other facets' filters applied but not its own,
    so a shopper can switch category or price band without a dead end. On the
    database the same GROUP BY gives the filtered total, so the results need
    no count of their own (Elasticsearch counts for free: total is None).
    """
    results = backend.search(query, base, operator=operator, order_by_relevance=False)
    if hasattr(results, "get_queryset"):
        # Database backends: one GROUP BY over the matches gives every facet.
        rows = (
            results.get_queryset().order_by()
            .values_list("category", "price_band", "is_available").annotate(n=Count("pk"))
        )
        rows = [((category, band, available), n) for category, band, available, n in rows]
        facets = {}
        for position, name in enumerate(FACET_FIELDS):
            counts = {}
            for row, n in rows:
                if filters.accepts(row, skip=name):
                    counts[row[position]] = counts.get(row[position], 0) + n
            facets[name] = counts
        return facets, sum(n for row, n in rows if filters.accepts(row, skip=None))
    # Elasticsearch: one terms aggregation per facet (named by column: "category_id").
    return {
        name: dict(backend.search(query, filters.apply(base, skip=name), operator=operator,
                                  order_by_relevance=False).facet(ProductPage._meta.get_field(name).attname))
        for name in FACET_FIELDS
    }, None


def product_with_sku(text, base):
    """A live product one of whose variants has exactly this SKU (any case)."""
    text = (text or "").strip()
    if not text or len(text) > 64 or " " in text:
        return None
    # Translations of a product share its SKUs: look among the pages being searched (this language).
    return base.filter(pk__in=ProductVariant.objects.filter(sku__iexact=text).values("product_id")).first()


def search_articles(query, *, locale, page=1, per_page=10):
    """Magazine articles and content pages in one list, most relevant first.

    Each page type is searched on its own (so the index is read for that type
    only, not for every product), and the two ranked lists are merged.
    """

    def search(backend):
        results = [
            backend.search(query, model.objects.live().public().filter(locale=locale), operator="and")
            .annotate_score("_score")
            for model in (BlogPage, StandardPage)
        ]
        total = sum(result.count() for result in results)
        number = Paginator(range(total), per_page).get_page(page).number
        found = [item for result in results for item in result[: number * per_page]]
        # SQLite's bm25 is lower for better matches; PostgreSQL and Elasticsearch scores are higher.
        found.sort(key=lambda item: item._score or 0, reverse=not getattr(backend, "lower_score_is_better", False))
        page_obj = Paginator(KnownCount(found, total), per_page).get_page(number)
        page_obj.object_list = list(page_obj.object_list)
        return page_obj

    return run_search(search)


def category_titles(ids):
    return dict(ProductIndexPage.objects.filter(pk__in=[i for i in ids if i]).values_list("pk", "title"))


def price_band_bounds():
    return PRICE_BANDS
