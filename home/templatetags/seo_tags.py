"""Head tags for crawlers and link previews: title, description, canonical URL, Open Graph and Twitter cards.

`{% seo_head as head %}` works the values out once per request (base.html
asks for them, includes/head_meta.html writes them). Every public page gets a
title and a description that are never empty and differ between pages: the
promote tab wins, then the page's own summary text, then a sentence naming
the page and the shop; page 2+ of a listing says so in both.

Canonical URLs: the page's full URL without query parameters, so sorting and
filtering never make new canonicals. Page 2+ of a listing is canonical to
itself with only `?page=N` kept (each page lists different products, which
is what Google advises for paginated series). A listing filtered to one
subcategory (`?category=`) points to that subcategory's own page, which lists
the same products. Aliases point to their original.
"""

import html
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import ShopSettings
from home.renditions import rendition

from .site_tags import _page_translations

register = template.Library()

DESCRIPTION_LENGTH = 160
SOCIAL_IMAGE_SPEC = "fill-1200x630"
# Open Graph wants language_TERRITORY; the shop sells from Spain.
OG_LOCALES = {"es": "es_ES", "en": "en_GB"}
# Views that are not pages and must stay out of search results, even if a template forgets its robots block.
NOINDEX_NAMESPACES = {"checkout", "search"}

OG_TYPES = {"products.productpage": "product", "blog.blogpage": "article"}
# Fields that hold a page's own short text, in order of preference.
SUMMARY_FIELDS = ("summary", "intro", "hero_text")
STREAM_FIELDS = ("body", "description")
IMAGE_FIELDS = ("search_image", "main_image", "hero_image", "image")


@dataclass
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class HeadTags:
    title: str
    site_name: str
    description: str = ""
    canonical: str = ""
    robots: str = ""
    og_type: str = "website"
    og_url: str = ""
    og_locale: str = ""
    og_locale_alternates: list = field(default_factory=list)
    image: SocialImage | None = None
    twitter_site: str = ""
    article_published: str = ""
    article_modified: str = ""
    price_amount: str = ""
    price_currency: str = ""

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image else "summary"


def plain_text(value):
    """Text without tags, entities or runs of whitespace."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def truncate_description(text, length=DESCRIPTION_LENGTH):
    """Cut at the last whole word that fits, so a snippet never ends mid-word."""
    text = plain_text(text)
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def first_paragraph(stream):
    """The first rich-text paragraph of a StreamField, read from its raw data (no block queries)."""
    for block in getattr(stream, "raw_data", None) or []:
        if block.get("type") == "paragraph":
            text = plain_text(block.get("value"))
            if text:
                return text
    return ""


def page_summary(page):
    for name in SUMMARY_FIELDS:
        text = plain_text(getattr(page, name, ""))
        if text:
            return text
    for name in STREAM_FIELDS:
        text = first_paragraph(getattr(page, name, None))
        if text:
            return text
    return ""


def generic_description(page, shop_name):
    """A sentence naming the page and the shop, for pages with no text of their own."""
    names = {"page": page.title, "shop": shop_name}
    sentences = {
        "products.productpage": _("Buy %(page)s online at %(shop)s."),
        "products.productindexpage": _("%(page)s: shop online at %(shop)s."),
        "blog.blogindexpage": _("%(page)s: articles and buying guides from %(shop)s."),
        "blog.blogpage": _("%(page)s, an article from %(shop)s."),
    }
    return sentences.get(page._meta.label_lower, _("%(page)s at %(shop)s.")) % names


def social_image(request, page):
    """The page's image cut to 1200×630 for link previews, or None."""
    image = None
    for name in IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            break
    if image is None:
        return None
    shared = rendition(image, SOCIAL_IMAGE_SPEC)
    alt = getattr(image, "default_alt_text", "") or image.title
    return SocialImage(request.build_absolute_uri(shared.url), shared.width, shared.height, alt)


def listing_position(context):
    """The paginated page of a listing in the context (products, articles), if any."""
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance would evaluate lazy values such as the CSRF token,
        # which sets a cookie and keeps the page out of the page cache.
        if issubclass(type(value), PaginatorPage):
            return value
    return None


def canonical_url(request, page, number, category=None):
    """The page's own full URL (its original's for an alias), plus a routable subpage and `?page=N` for N > 1.

    A listing filtered to one subcategory shows what that subcategory's own page shows: it is the canonical.
    """
    if isinstance(category, Page):
        page = category
    original = page.alias_of if page.alias_of_id else page
    url = original.get_full_url(request) or ""
    page_path = page.get_url(request) or ""
    # Routable pages (the magazine's tag listings) serve more than one path.
    if page_path.startswith("/") and request.path.startswith(page_path):
        url += request.path[len(page_path):]
    if number > 1:
        url += f"?page={number}"
    return url


def twitter_handle(shop):
    """@name from the shop's X profile URL (https://x.com/name), or "" when there is none."""
    path = urlparse(shop.x_url or "").path.strip("/")
    handle = path.rsplit("/", 1)[-1].lstrip("@")
    return f"@{handle}" if handle else ""


def describe_page(context, request, page, shop):
    position = listing_position(context)
    number = position.number if position is not None else 1
    title = page.seo_title or page.title
    description = plain_text(page.search_description) or page_summary(page) or generic_description(
        page, shop.shop_name
    )
    narrowed_by = context.get("current_tag") or context.get("selected_category")
    if narrowed_by is not None:
        name = getattr(narrowed_by, "name", None) or narrowed_by.title
        title = f"{title}: {name}"
        description = f"{name} — {description}"
    if number > 1:
        title = _("%(title)s — page %(number)s") % {"title": title, "number": number}
        suffix = " — " + _("page %(number)s") % {"number": number}
        description = truncate_description(description, DESCRIPTION_LENGTH - len(suffix)) + suffix
    else:
        description = truncate_description(description)
    canonical = canonical_url(request, page, number, context.get("selected_category"))
    return HeadTags(title=title, site_name=shop.shop_name, description=description, canonical=canonical,
                    og_url=canonical, og_type=OG_TYPES.get(page._meta.label_lower, "website"))


def add_page_details(head, request, page):
    """Languages, image, dates and price: what link previews show besides title and text."""
    language = translation.get_language()  # the URL's language prefix, which is the page's locale
    head.og_locale = OG_LOCALES.get(language, translation.to_locale(language))
    head.og_locale_alternates = [
        OG_LOCALES.get(code, translation.to_locale(code))
        for code in _page_translations({"request": request, "page": page}) if code != language
    ]
    head.image = social_image(request, page)
    if head.og_type == "article":
        head.article_published = page.date.isoformat() if getattr(page, "date", None) else ""
        head.article_modified = page.last_published_at.isoformat() if page.last_published_at else ""
    if head.og_type == "product" and not page.is_quote_only and page.price_from is not None:
        head.price_amount = f"{page.price_from:.2f}"
        head.price_currency = settings.VITRINA_CURRENCY


@register.simple_tag(takes_context=True)
def seo_head(context):
    """HeadTags for the current page or view, worked out once per request."""
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    memo = request.__dict__.setdefault("_vitrina_head_tags", {}) if request is not None else {}
    key = page.pk if page else None
    if key in memo:
        return memo[key]
    shop = ShopSettings.for_request(request) if request is not None else ShopSettings()
    if page is None:
        match = getattr(request, "resolver_match", None)
        robots = "noindex" if match is not None and match.namespace in NOINDEX_NAMESPACES else ""
        head = HeadTags(title="", site_name=shop.shop_name, robots=robots)
    else:
        head = describe_page(context, request, page, shop)
        add_page_details(head, request, page)
    head.twitter_site = twitter_handle(shop)
    memo[key] = head
    return head
