"""Stock services: everything that creates or changes a StockRecord goes here."""

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
