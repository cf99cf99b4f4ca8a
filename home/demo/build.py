"""Build the demo shop from the data modules, creating only what is missing.

Every object is looked up first (pages by parent and slug, images by title,
authors by name, translations by translation key), so a second run finds
everything and changes nothing. New pages are built in two steps: all of
them are first added to the tree as drafts, then each one gets the content
that points at other pages (product blocks, links, related items) and is
published once, so references can go in any direction and every Spanish page
gets a single revision. (English pages have two: Wagtail's translation copy
saves one of its own before the English text is published.)
"""

from collections import Counter
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from blog.models import BlogIndexPage, BlogPage
from home.models import HomePage, ShopSettings, StandardPage
from products.models import ProductIndexPage, ProductPage
from products.stock import set_stock

from . import content
from .images import PALETTES, ImageLibrary
from .renditions import make_renditions
from .stream import to_stream

DEMO_COLLECTION = "Tienda de demostración"


class Registry:
    """What the builder has found or created so far, shared by every step."""

    def __init__(self, es, en):
        self.es = es
        self.en = en
        self.images = ImageLibrary(collection_name=DEMO_COLLECTION)
        self.pages = {}  # key (the Spanish slug) -> Spanish page
        self.products = {}  # slug -> catalog.Product, filled by build_catalog
        self.pending = []  # (page, finish) created in this run, parents first
        self.new_products = []  # catalog.Product created in this run: they get their stock
        self.created = Counter()  # language code -> pages created

    def page(self, key, locale=None):
        """The page known as `key`, in `locale` when it has that translation."""
        page = self.pages[key]
        if locale is None or page.locale_id == locale.pk:
            return page
        return page.get_translation_or_none(locale) or page

    def image(self, key):
        """An image named in a block: "product:<slug>:<view>"."""
        _kind, slug, view = key.split(":")
        product = self.products[slug]
        return self.images.product(product, int(view), self.palette_for(product.category))

    def palette_for(self, category_slug):
        from .catalog import CATEGORIES

        parents = {category.slug: category.parent for category in CATEGORIES}
        while parents.get(category_slug):
            category_slug = parents[category_slug]
        return PALETTES.get(category_slug, PALETTES["cafe"])

    def stream(self, blocks, locale=None):
        return to_stream(blocks, self, locale or self.es)


def ensure_page(registry, parent, slug, make, finish=None):
    """The child of `parent` with this slug, added as a draft when missing.

    `make()` returns the unsaved page with its own content; `finish(page)`,
    run later by `publish_pending`, adds what points at other pages.
    """
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = make()
        page.slug = slug
        page.live = False
        parent.add_child(instance=page)
        registry.pending.append((page, finish))
        registry.created[parent.locale.language_code] += 1
    registry.pages.setdefault(slug, page)
    return page


def publish_pending(registry):
    """Finish and publish the pages created in this run, parents before children."""
    for page, finish in registry.pending:
        # Children may have been added through another instance of this page (Wagtail's
        # translation copy loads the parent afresh); publishing saves the whole page, so
        # a stale child count would hide them from the tree.
        page.refresh_from_db(fields=["numchild"])
        if finish is not None:
            finish(page)
        page.save_revision().publish()
    registry.pending.clear()


def ensure_home(registry):
    root = Page.get_first_root_node()
    data = content.HOME

    def make():
        return HomePage(
            title=data["title"], locale=registry.es, hero_text=data["hero_text"],
            hero_link_label=data["hero_link_label"],
            hero_image=registry.images.banner(
                "Vitrina", "Café y cocina", registry.palette_for("cafe"),
                "Ilustración de la portada de Vitrina en tonos café",
            ),
        )

    def finish(home):
        home.hero_link = registry.page("tienda")
        home.body = registry.stream(data["body"])

    return ensure_page(registry, root, data["slug"], make, finish)


def ensure_site(home):
    """Point the default site at the Spanish home and remove Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or "Vitrina"
        site.save()
    # The "Welcome to your new Wagtail site!" page is a plain Page with no children;
    # anything else at that level belongs to someone and is left alone.
    plain_page = ContentType.objects.get_for_model(Page)
    welcome_pages = Page.objects.filter(depth=2, content_type=plain_page, numchild=0, sites_rooted_here=None)
    for welcome in welcome_pages:
        welcome.delete()
    return site


def ensure_shop_settings(site):
    """Fill in the shop details once; an edited email means someone owns them now."""
    shop = ShopSettings.for_site(site)
    if not shop.email:
        for name, value in content.SHOP_SETTINGS.items():
            setattr(shop, name, value)
        shop.save()
    return shop


def ensure_indexes(registry, home):
    shop = ensure_page(registry, home, content.SHOP["slug"], lambda: ProductIndexPage(
        title=content.SHOP["title"], intro=content.SHOP["intro"], show_in_menus=True, image=home.hero_image,
    ))
    blog = ensure_page(registry, home, content.MAGAZINE["slug"], lambda: BlogIndexPage(
        title=content.MAGAZINE["title"], intro=content.MAGAZINE["intro"], show_in_menus=True,
    ))
    return shop, blog


# Header images for these pages, in their category's colours; the FAQ page has none.
PAGE_PALETTES = {
    "quienes-somos": "hogar-y-textil", "envios-y-devoluciones": "mesa-y-vajilla", "semana-del-cafe": "cafe",
}


def ensure_standard_pages(registry, home):
    for data in content.PAGES:
        palette = PAGE_PALETTES.get(data.slug)

        def make(data=data, palette=palette):
            image = None
            if palette:
                image = registry.images.banner(
                    data.title, "Vitrina", registry.palette_for(palette), f"Cabecera de la página {data.title}"
                )
            return StandardPage(title=data.title, intro=data.intro, show_in_menus=data.in_menu, image=image)

        def finish(page, data=data):
            page.body = registry.stream(data.body)

        ensure_page(registry, home, data.slug, make, finish)


def set_new_stock(registry):
    """Stock is not page content: write the demo quantities for the SKUs created now only."""
    for product in registry.new_products:
        for variant in product.variants:
            set_stock(variant.sku, variant.stock)
    registry.new_products.clear()


def published_at(days_ago):
    """A publication time `days_ago` days back, at 9:00 local time."""
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def build_demo(renditions=True):
    """Build (or complete) the demo shop; returns what was created."""
    from .after_sale import build_after_sale
    from .build_catalog import build_catalog
    from .build_magazine import build_magazine
    from .sales import build_sales
    from .search import build_search_promotions
    from .translate import translate_all

    with transaction.atomic():
        es = Locale.get_default()
        en, _created = Locale.objects.get_or_create(language_code="en")
        registry = Registry(es, en)
        home = ensure_home(registry)
        site = ensure_site(home)
        ensure_shop_settings(site)
        shop, blog = ensure_indexes(registry, home)
        build_catalog(registry, shop)
        build_magazine(registry, blog)
        ensure_standard_pages(registry, home)
        publish_pending(registry)
        set_new_stock(registry)
        translate_all(registry)
        publish_pending(registry)
        sales = build_sales(site, registry)
        after_sale = build_after_sale(site, registry)
        build_search_promotions(registry)
    rendition_count = make_renditions(registry.images.collection) if renditions else 0
    return {
        "pages_created": dict(registry.created),
        "images_created": registry.images.created,
        "renditions": rendition_count,
        "sales_created": sales,
        "after_sale": after_sale,
    }


def summary():
    """Counts of what the demo shop holds now, per language."""
    counts = {}
    for locale in Locale.objects.order_by("pk"):
        code = locale.language_code
        pages = Page.objects.filter(locale=locale, depth__gt=1)
        counts[code] = {
            "pages": pages.count(),
            "products": ProductPage.objects.filter(locale=locale).count(),
            "articles": BlogPage.objects.filter(locale=locale).count(),
        }
    return counts
