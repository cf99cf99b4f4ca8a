"""Site-wide views that are not pages: the sitemaps and robots.txt."""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Prefetch, prefetch_related_objects
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from home.renditions import rendition

# The gallery's main image size on the product page, so the sitemap lists renditions that already exist.
SITEMAP_IMAGE_SPEC = "fill-800x800"


class LanguageSitemap(Sitemap):
    """The live, public pages of one language, with their translations and product images.

    Aliases repeat another page's content under a second URL, so crawlers don't get them.
    Queries per sitemap are fixed: pages (one per page type), translations, gallery images.
    """

    def __init__(self, request, language_code):
        super().__init__(request)
        self.language_code = language_code

    def pages(self):
        site = self.get_wagtail_site()
        pages = Page.objects.none()
        for root in site.root_page.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().filter(alias_of__isnull=True, locale__language_code=self.language_code)

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page_number, protocol, domain):
        pages = list(self.paginator.page(page_number).object_list)
        translations = translations_of(pages)
        images = gallery_images_of(pages)
        urls = []
        for page in pages:
            location = page.get_full_url(self.request)
            urls.append({
                "location": location,
                "lastmod": page.last_published_at or page.latest_revision_created_at,
                "alternates": self.alternates(translations.get(page.translation_key, [])),
                "images": [self.request.build_absolute_uri(url) for url in images.get(page.pk, [])],
            })
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def alternates(self, translations):
        """hreflang links between translations (only when there are two or more), x-default on Spanish."""
        if len(translations) < 2:
            return []
        by_language = {page.locale.language_code: page.get_full_url(self.request) for page in translations}
        links = [(code, by_language[code]) for code, _name in settings.LANGUAGES if code in by_language]
        if settings.LANGUAGE_CODE in by_language:
            links.append(("x-default", by_language[settings.LANGUAGE_CODE]))
        return links


def translations_of(pages):
    """{translation key: live public non-alias pages sharing it}, in one query."""
    keys = {page.translation_key for page in pages}
    grouped = defaultdict(list)
    translations = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).live().public()
    for page in translations.select_related("locale").only("translation_key", "url_path", "locale__language_code"):
        grouped[page.translation_key].append(page)
    return grouped


def gallery_images_of(pages):
    """{product page id: its gallery's rendition URLs}, prefetched for all products at once."""
    from products.models import ProductImage, ProductPage

    products = [page for page in pages if isinstance(page, ProductPage)]
    prefetch_related_objects(products, Prefetch(
        "gallery_images",
        queryset=ProductImage.objects.select_related("image").prefetch_related("image__renditions")
        .order_by("sort_order", "pk"),
    ))
    return {
        product.pk: [rendition(item.image, SITEMAP_IMAGE_SPEC).url for item in product.gallery_images.all()]
        for product in products
    }


def language_sitemaps(request):
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}


@require_GET
def sitemap_index(request):
    """/sitemap.xml: one sitemap per language, each with the date of its latest publication."""
    return sitemap_views.index(
        request, language_sitemaps(request), template_name="sitemaps/index.xml", sitemap_url_name="sitemap_section"
    )


@require_GET
def sitemap_section(request, section):
    """/sitemap-es.xml, /sitemap-en.xml: pages with lastmod, hreflang alternates and product images."""
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section,
                                 template_name="sitemaps/section.xml")


def disallowed_paths():
    """Paths crawlers have no business in, under every language prefix."""
    # Cart, checkout and order pages are per visitor; search results are endless combinations.
    names = ["checkout:cart", "checkout:checkout", "search:search"]
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in names]
            # The order URL needs a token: keep its prefix (/es/order/).
            paths.append(reverse("checkout:order", kwargs={"token": "x"}).rsplit("x/", 1)[0])
    return paths


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(
        request, "robots.txt", {"sitemap_url": sitemap_url, "disallowed_paths": disallowed_paths()},
        content_type="text/plain; charset=utf-8",
    )
