"""Load what a product card or page shows, in a fixed number of queries.

Listings, product blocks inside articles and product pages all show live
prices and availability; `prepare_products` fetches variants, images and
stock for any number of products at once so a page's query count does not
grow with the number of products, variants or images on it.
"""

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects

from vitrina import page_cache

from .models import ProductImage, ProductVariant, StockRecord


def prepare_products(products, images=()):
    """Prefetch variants (with stock) and gallery images for product pages.

    `images`: other images the page shows (an article's hero); their
    renditions come in the same query as the products' ones.
    """
    products = [product for product in products if product is not None]
    if not products:
        prefetch_renditions(images)
        return products
    page_cache.showing_products(products)  # before stock is read: a change after this renews the page
    prefetch_related_objects(
        products,
        # Stock in the variants' own query: it is matched by SKU, not by a foreign key.
        Prefetch("variants", queryset=with_stock(ProductVariant.objects.order_by("sort_order", "pk"))),
        Prefetch("gallery_images", queryset=ProductImage.objects.select_related("image").order_by("sort_order", "pk")),
    )
    for variant in (variant for product in products for variant in product.variants.all()):
        set_stock(variant, variant.units_on_hand, variant.units_low_threshold)
    # Renditions too, so each {% image %} tag finds its rendition without a query.
    prefetch_renditions([item.image for product in products for item in product.gallery_images.all()] + list(images))
    return products


def with_stock(variants):
    """Variants annotated with their stock record's quantity and threshold (None without a record)."""
    record = StockRecord.objects.filter(sku=OuterRef("sku"))
    return variants.annotate(
        units_on_hand=Subquery(record.values("quantity")[:1]),
        units_low_threshold=Subquery(record.values("low_stock_threshold")[:1]),
    )


def set_stock(variant, quantity, threshold):
    variant._stock_quantity = quantity or 0
    variant._stock_threshold = (
        0 if quantity is None else settings.VITRINA_LOW_STOCK_THRESHOLD if threshold is None else threshold
    )


def prefetch_renditions(images):
    """Every rendition of these images in one query (any size or format a template asks for)."""
    images = [image for image in {id(image): image for image in images if image is not None}.values()
              if "renditions" not in getattr(image, "_prefetched_objects_cache", {})]
    if images:
        prefetch_related_objects(images, "renditions")


def attach_stock(variants):
    """Set each variant's stock from one query over all their SKUs."""
    records = {record.sku: record for record in StockRecord.objects.filter(sku__in={v.sku for v in variants})}
    for variant in variants:
        record = records.get(variant.sku)
        variant._stock_quantity = record.quantity if record else 0
        variant._stock_threshold = record.threshold if record else 0
    return variants
