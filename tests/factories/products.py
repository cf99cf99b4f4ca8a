from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from products.models import ProductImage, ProductIndexPage, ProductPage, ProductVariant, StockRecord

from .images import ImageFactory


class ProductIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tienda"
    slug = "tienda"
    intro = "<p>Todo para el café.</p>"

    class Meta:
        model = ProductIndexPage


class ProductVariantFactory(factory.django.DjangoModelFactory):
    """Use `.build()` to pass variants to ProductPageFactory(variants=[...])."""

    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    price = Decimal("19.90")
    compare_at_price = None

    class Meta:
        model = ProductVariant


class ProductImageFactory(factory.django.DjangoModelFactory):
    image = factory.SubFactory(ImageFactory)

    class Meta:
        model = ProductImage


class ProductPageFactory(wagtail_factories.PageFactory):
    """A live product. Variants and gallery are in-memory child rows saved with the page.

    `stock` sets units on hand for every variant's SKU: an int for all of them,
    a {sku: quantity} dict, or {} for no stock records at all (default 10 each).
    """

    title = factory.Sequence(lambda n: f"Producto {n}")
    summary = "Un producto de prueba."
    first_published_at = factory.LazyFunction(timezone.now)
    variants = factory.LazyFunction(lambda: [ProductVariantFactory.build()])
    gallery_images = factory.LazyFunction(list)

    class Meta:
        model = ProductPage
        skip_postgeneration_save = True

    @factory.post_generation
    def stock(obj, create, extracted, **kwargs):
        if not create:
            return
        quantities = extracted if isinstance(extracted, dict) else {
            variant.sku: 10 if extracted is None else extracted for variant in obj.variants.all()
        }
        for sku, quantity in quantities.items():
            StockRecordFactory(sku=sku, quantity=quantity)


class StockRecordFactory(factory.django.DjangoModelFactory):
    sku = factory.Sequence(lambda n: f"STK-{n:05d}")
    quantity = 10

    class Meta:
        model = StockRecord
