"""Write the synthetic catalogue to the database in bulk (see generate_catalog.py)."""

import json
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale, Page

from bench import vocabulary as words
from bench.catalog_data import make_product
from home.models import HomePage
from products.models import ProductIndexPage, ProductPage, ProductSpecification, ProductVariant, StockRecord
from products.models.pages import price_band_for

BENCH_SLUG = r"-b[0-9]{6}$"
BENCH_SKU = r"^[A-Z]{3}-[0-9]{6}-[0-9]$"
PRODUCT_COLUMNS = (
    "page_ptr_id", "brand", "summary", "description", "option1_name", "option2_name", "is_quote_only",
    "category_id", "is_available", "lowest_price", "price_band",
)


@dataclass
class Structure:
    """The pages products go under, and where the next child of each category goes in the tree."""

    es: Locale
    en: Locale
    home: Page
    shop: Page
    categories: list  # Spanish ProductIndexPage per vocabulary.CATEGORIES entry
    categories_en: list  # their English translations
    next_step: dict = field(default_factory=dict)  # category pk -> treebeard step of its next child

    def page_ids(self):
        return [page.pk for page in [self.home, self.shop, *self.categories, *self.categories_en]]

    def child_path(self, category):
        if category.pk not in self.next_step:
            last = Page.objects.filter(path__startswith=category.path, depth=category.depth + 1).aggregate(
                last=Max("path"))["last"]
            self.next_step[category.pk] = Page._str2int(last[-Page.steplen:]) + 1 if last else 1
        step = self.next_step[category.pk]
        self.next_step[category.pk] = step + 1
        return Page._get_path(category.path, category.depth + 1, step)


def ensure_structure():
    """Home page, shop and categories in Spanish and English, created with Wagtail's API when missing."""
    es = Locale.get_default()
    en, _created = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=es, depth=2).first()
    if home is None:
        from home.demo.build import ensure_site

        home = Page.get_first_root_node().add_child(instance=HomePage(title="Vitrina", slug="inicio", locale=es))
        ensure_site(home)
    shop = _child(home, "tienda", lambda: ProductIndexPage(title="Tienda", locale=es))
    categories = [_child(shop, slug, lambda title=title: ProductIndexPage(title=title, locale=es))
                  for slug, title, _title_en, _types in words.CATEGORIES]
    _translation(home, en, "Vitrina", "home")
    _translation(shop, en, "Shop", "shop")
    categories_en = [_translation(page, en, title_en, slug)
                     for page, (slug, _title, title_en, _types) in zip(categories, words.CATEGORIES, strict=True)]
    return Structure(es=es, en=en, home=home, shop=shop, categories=categories, categories_en=categories_en)


def _child(parent, slug, make):
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = make()
        page.slug = slug
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _translation(page, locale, title, slug):
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
        translation.title = translation.draft_title = title
        translation.slug = slug
        translation.save_revision().publish()
    return translation


def existing_numbers(structure):
    slugs = ProductPage.objects.filter(locale=structure.es, slug__regex=BENCH_SLUG).values_list("slug", flat=True)
    return {int(slug.rsplit("-b", 1)[1]) for slug in slugs}


def is_translated(number, share):
    # Spread over the catalogue, and the same products on every run.
    return (number * 2654435761) % 1000 < share * 1000


def create_products(structure, numbers, *, english_share, seed):
    """Create these products (and their English copies); returns the new page ids."""
    content_type = ContentType.objects.get_for_model(ProductPage)
    now = timezone.now()
    pages, entries = [], []  # entries: (product, language, category page) per page row
    for product in (make_product(number, seed) for number in numbers):
        key = uuid.uuid4()
        published = now - timedelta(days=product.days_old, minutes=product.number % 1440)
        languages = [("es", structure.categories)]
        if is_translated(product.number, english_share):
            languages.append(("en", structure.categories_en))
        for language, categories in languages:
            category = categories[product.category]
            title = product.title if language == "es" else product.title_en
            slug = f"{slugify(title)[:60]}-b{product.number:06d}"
            pages.append(Page(
                path=structure.child_path(category), depth=category.depth + 1, numchild=0,
                title=title, draft_title=title, slug=slug, url_path=f"{category.url_path}{slug}/",
                live=True, has_unpublished_changes=False, content_type_id=content_type.pk,
                locale_id=(structure.es if language == "es" else structure.en).pk, translation_key=key,
                first_published_at=published, last_published_at=published,
            ))
            entries.append((product, language, category))
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=1000)
        _copy_product_rows(pages, entries)
        variants, specifications, stock = [], [], []
        for page, (product, language, _category) in zip(pages, entries, strict=True):
            english = language == "en"
            for position, variant in enumerate(product.variants):
                variants.append(ProductVariant(
                    product_id=page.pk, sort_order=position, sku=variant.sku,
                    option1=variant.option1_en if english else variant.option1, price=variant.price,
                    compare_at_price=variant.compare_at_price, weight=variant.weight,
                ))
                if not english:  # both languages sell the same units
                    stock.append(StockRecord(sku=variant.sku, quantity=variant.quantity))
            for position, (name, value, name_en, value_en) in enumerate(product.specifications):
                specifications.append(ProductSpecification(
                    product_id=page.pk, sort_order=position,
                    name=name_en if english else name, value=value_en if english else value,
                ))
        ProductVariant.objects.bulk_create(variants, batch_size=2000)
        ProductSpecification.objects.bulk_create(specifications, batch_size=2000)
        StockRecord.objects.bulk_create(stock, batch_size=2000, ignore_conflicts=True)
    return [page.pk for page in pages]


def _copy_product_rows(pages, entries):
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY products_productpage ({', '.join(PRODUCT_COLUMNS)}) FROM STDIN") as copy:
            for page, (product, language, category) in zip(pages, entries, strict=True):
                english = language == "en"
                text = product.description_en if english else product.description
                description = [{"type": "paragraph", "value": f"<p>{escape(text)}</p>", "id": str(uuid.uuid4())}]
                lowest = None if product.is_quote_only else min(v.price for v in product.variants)
                copy.write_row((
                    page.pk, product.brand, product.summary_en if english else product.summary,
                    json.dumps(description), product.option1_name_en if english else product.option1_name, "",
                    product.is_quote_only, category.pk,
                    not product.is_quote_only and any(v.quantity > 0 for v in product.variants),
                    lowest, price_band_for(lowest),
                ))


def fix_numchild(structure):
    for category in structure.categories + structure.categories_en:
        count = Page.objects.filter(path__startswith=category.path, depth=category.depth + 1).count()
        Page.objects.filter(pk=category.pk).update(numchild=count)


def delete_bench_products():
    """Delete the bench products (leaf pages), their index entries, and their stock records."""
    pages = Page.objects.filter(slug__regex=BENCH_SLUG, content_type=ContentType.objects.get_for_model(ProductPage))
    ids = list(pages.values_list("pk", flat=True))
    deleted = 0
    for start in range(0, len(ids), 2000):
        # Django's delete, not treebeard's: these are leaves, and treebeard's builds one
        # path condition per page. numchild is fixed afterwards.
        deleted += models.QuerySet.delete(Page.objects.filter(pk__in=ids[start:start + 2000]))[1].get(
            "wagtailcore.Page", 0)
    StockRecord.objects.filter(sku__regex=BENCH_SKU).delete()
    structure = ensure_structure()
    fix_numchild(structure)
    return deleted


def analyze():
    """Fresh planner statistics, as autovacuum would have after a while."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def summary():
    products = ProductPage.objects.filter(slug__regex=BENCH_SLUG)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('wagtailsearch_indexentry')), "
                       "(SELECT count(*) FROM wagtailsearch_indexentry)")
        size, entries = cursor.fetchone()
    return (f"Bench products: {products.filter(locale__language_code='es').count()} Spanish, "
            f"{products.filter(locale__language_code='en').count()} English; "
            f"search index: {entries} entries, {size}")
