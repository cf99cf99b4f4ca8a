"""Load what a product card or page shows, in a fixed number of queries.

Listings, product blocks inside articles and product pages all show live
prices and availability; `prepare_products` fetches variants, images and
stock for any number of products at once so a page's query count does not
grow with the number of products, variants or images on it.
"""

from django.db.models import Prefetch, prefetch_related_objects

from vitrina import page_cache

from .models import ProductImage, ProductVariant, StockRecord


def prepare_products(products):
    """Prefetch variants (with stock) and gallery images for product pages."""
    products = [product for product in products if product is not None]
    if not products:
        return products
    page_cache.showing_products(products)  # before stock is read: a change after this renews the page
    prefetch_related_objects(
        products,
        Prefetch("variants", queryset=ProductVariant.objects.order_by("sort_order", "pk")),
        # Renditions too, so each {% image %} tag finds its rendition without a query.
        Prefetch(
            "gallery_images",
            queryset=ProductImage.objects.select_related("image")
            .prefetch_related("image__renditions")
            .order_by("sort_order", "pk"),
        ),
    )
    attach_stock([variant for product in products for variant in product.variants.all()])
    return products


def attach_stock(variants):
    """Set each variant's stock from one query over all their SKUs."""
    records = {record.sku: record for record in StockRecord.objects.filter(sku__in={v.sku for v in variants})}
    for variant in variants:
        record = records.get(variant.sku)
        variant._stock_quantity = record.quantity if record else 0
        variant._stock_threshold = record.threshold if record else 0
    return variants
