"""Stock services: everything that creates or changes a StockRecord goes here."""

from django.db import transaction
from django.db.models import Exists, F, OuterRef

from .models import StockRecord


def create_missing_stock_records(sender, instance, **kwargs):
    """On publish, give every new SKU of a product a stock record with 0 units.

    Staff then see the SKU in the stock screen and enter the real count;
    existing records are never touched, whatever revision is published.
    """
    from .models import ProductPage

    page = instance.specific if not isinstance(instance, ProductPage) else instance
    if not isinstance(page, ProductPage):
        return
    skus = set(page.variants.values_list("sku", flat=True))
    existing = set(StockRecord.objects.filter(sku__in=skus).values_list("sku", flat=True))
    StockRecord.objects.bulk_create(
        [StockRecord(sku=sku, quantity=0) for sku in sorted(skus - existing)], ignore_conflicts=True
    )


def set_stock(sku, quantity):
    """Set the units on hand for a SKU (creating its record if needed)."""
    record, _created = StockRecord.objects.update_or_create(sku=sku, defaults={"quantity": quantity})
    return record


class OutOfStock(Exception):
    """Fewer units on hand than asked for; `shortages` maps SKU to units still available."""

    def __init__(self, shortages):
        self.shortages = shortages
        super().__init__(", ".join(f"{sku}: {units} left" for sku, units in sorted(shortages.items())))


def reserve_stock(quantities):
    """Take units out of stock for an order being placed: all of them or none.

    `quantities` maps SKU to units. Must run inside transaction.atomic(): the
    stock rows are locked in SKU order (so two checkouts never deadlock) and
    each decrement is conditional, so stock can never go below zero even
    where row locks do not exist (SQLite serialises writers instead).
    """
    wanted = {sku: units for sku, units in quantities.items() if units > 0}
    records = {
        record.sku: record
        for record in StockRecord.objects.select_for_update().filter(sku__in=wanted).order_by("sku")
    }
    shortages = {
        sku: (records[sku].quantity if sku in records else 0)
        for sku, units in wanted.items()
        if sku not in records or records[sku].quantity < units
    }
    if shortages:
        raise OutOfStock(shortages)
    for sku in sorted(wanted):
        taken = StockRecord.objects.filter(sku=sku, quantity__gte=wanted[sku]).update(
            quantity=F("quantity") - wanted[sku]
        )
        if not taken:  # changed since the check: only possible without row locks
            raise OutOfStock({sku: StockRecord.objects.get(sku=sku).quantity})
    refresh_availability(wanted)


def release_stock(quantities):
    """Put reserved units back (an order expired, was cancelled or returned)."""
    for sku in sorted(quantities):
        if quantities[sku] > 0:
            StockRecord.objects.filter(sku=sku).update(quantity=F("quantity") + quantities[sku])
    refresh_availability(quantities)


def refresh_availability(skus):
    """Keep ProductPage.is_available (a search filter) and the page cache in step with stock.

    Only pages whose availability flips are written, and those are sent to
    the search index again once the transaction commits (Elasticsearch keeps
    its own copy of the field; the database backend reads the column).
    """
    from wagtail.search.index import insert_or_update_object

    from vitrina.cache_invalidation import stock_changed

    from .models import ProductPage, ProductVariant

    # Pages showing these products show their stock too (kept pages, the CDN).
    stock_changed(set(ProductVariant.objects.filter(sku__in=list(skus)).values_list("product_id", flat=True)))

    in_stock = ProductVariant.objects.filter(
        product=OuterRef("pk"), sku__in=StockRecord.objects.filter(quantity__gt=0).values("sku")
    )
    pages = ProductPage.objects.filter(pk__in=ProductVariant.objects.filter(sku__in=list(skus)).values("product_id"))
    now_available = list(
        pages.filter(is_available=False, is_quote_only=False).filter(Exists(in_stock)).values_list("pk", flat=True)
    )
    now_unavailable = list(pages.filter(is_available=True).exclude(Exists(in_stock)).values_list("pk", flat=True))
    if not now_available and not now_unavailable:
        return
    ProductPage.objects.filter(pk__in=now_available).update(is_available=True)
    ProductPage.objects.filter(pk__in=now_unavailable).update(is_available=False)

    def reindex():
        for page in ProductPage.objects.filter(pk__in=now_available + now_unavailable, live=True):
            insert_or_update_object(page)

    transaction.on_commit(reindex)


def stock_record_saved(sender, instance, **kwargs):
    refresh_availability([instance.sku])


def product_moved(sender, instance, **kwargs):
    """A product moved to another category: its category column follows."""
    from .models import ProductPage

    page = instance.specific
    if isinstance(page, ProductPage):
        page.refresh_search_fields()
        ProductPage.objects.filter(pk=page.pk).update(category_id=page.category_id)
