"""Build the shop: category pages and product pages with variants, gallery and specifications."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from products.models import (
    ProductImage,
    ProductIndexPage,
    ProductPage,
    ProductRelatedArticle,
    ProductRelatedProduct,
    ProductSpecification,
    ProductVariant,
)

from .build import ensure_page
from .catalog import CATEGORIES, CATEGORY_ARTICLES, all_products
from .stream import rich_text


def build_catalog(registry, shop):
    products = all_products()
    registry.products = {product.slug: product for product in products}
    _check_skus(products)
    for category in CATEGORIES:
        _ensure_category(registry, shop, category, products)
    for index, product in enumerate(products):
        ensure_page(
            registry,
            registry.pages[product.category],
            product.slug,
            lambda product=product: _make_product(registry, product),
            lambda page, product=product, index=index: _finish_product(registry, page, product, index),
        )


def _check_skus(products):
    # The admin form refuses a SKU used by another product; the demo data must obey the same rule.
    skus = [variant.sku for product in products for variant in product.variants]
    duplicates = {sku for sku in skus if skus.count(sku) > 1}
    if duplicates:
        raise ValueError(f"Demo SKUs used twice: {sorted(duplicates)}")


def _ensure_category(registry, shop, category, products):
    parent = registry.pages[category.parent] if category.parent else shop
    # The category's picture is the first photo of its first product (its own or a subcategory's).
    descendants = {category.slug} | {c.slug for c in CATEGORIES if c.parent == category.slug}
    first = next(product for product in products if product.category in descendants)

    def make():
        image = registry.images.product(first, 1, registry.palette_for(first.category))
        return ProductIndexPage(title=category.title, intro=rich_text(category.intro), image=image)

    ensure_page(registry, parent, category.slug, make)


def _make_product(registry, product):
    palette = registry.palette_for(product.category)
    option1, option2 = product.options
    description = [("p", paragraph) for paragraph in product.text]
    if product.faq:
        description.append(("faq", "Preguntas frecuentes", product.faq))
    return ProductPage(
        title=product.title,
        brand=product.brand,
        summary=product.summary,
        option1_name=option1,
        option2_name=option2,
        is_quote_only=product.quote_only,
        description=registry.stream(description),
        variants=[_variant(product, variant) for variant in product.variants],
        specifications=[ProductSpecification(name=name, value=value) for name, value in product.specs],
        gallery_images=[
            ProductImage(image=registry.images.product(product, view, palette))
            for view in range(1, product.images + 1)
        ],
    )


def _variant(product, variant):
    weight = variant.weight or product.weight
    return ProductVariant(
        sku=variant.sku,
        option1=variant.option1,
        option2=variant.option2,
        price=Decimal(variant.price),
        compare_at_price=Decimal(variant.was) if variant.was else None,
        weight=Decimal(weight) if weight else None,
    )


def _related_slugs(registry, product):
    """The product's own picks, or else up to three neighbours from its category."""
    if product.related:
        return product.related
    neighbours = [p.slug for p in registry.products.values() if p.category == product.category]
    return [slug for slug in neighbours if slug != product.slug][:3]


def _finish_product(registry, page, product, index):
    page.related_product_links = [
        ProductRelatedProduct(related=registry.pages[slug]) for slug in _related_slugs(registry, product)
    ]
    page.related_article_links = [
        ProductRelatedArticle(article=registry.pages[slug])
        for slug in product.articles or CATEGORY_ARTICLES[product.category]
    ]
    # Spread first publication over the last weeks so "Newest" sorts like a real shop.
    page.first_published_at = timezone.now() - timedelta(days=(index * 5) % 90, hours=index)
    registry.new_products.append(product)
