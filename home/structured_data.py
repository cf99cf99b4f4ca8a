"""schema.org JSON-LD for crawlers: what each public page is, as plain dicts.

One builder per page type (product, article, home), plus the breadcrumb
trail and the FAQ blocks every page can have. They read what the page's
template loads anyway (prefetched variants, images and stock, the breadcrumb
trail, the shop settings), so a page pays at most one extra query: the
scheduled revision that ends a product's sale, and the product's approved
reviews (shared with the visible list, reviews.display).
"""

import json
import re
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.fields import StreamField
from wagtail.rich_text import get_text_for_indexing

from blog.models import BlogPage
from products.models import Availability, ProductPage
from reviews.display import approved_reviews

from .blocks import FAQBlock
from .models import HomePage, ShopSettings
from .renditions import rendition

SCHEMA_CONTEXT = "https://schema.org"
# Renditions made for crawlers. The product one must stay among the renditions
# products.display.prepare_products prefetches; the article one is the hero the
# article template shows, so both share one rendition lookup.
PRODUCT_IMAGE_SPEC = "max-1200x1200"
ARTICLE_IMAGE_SPEC = "fill-1200x630|format-webp"

# Made-to-order (quote-only) products carry no offer at all; MadeToOrder is the
# schema.org term for them should one ever be shown (PreOrder and BackOrder
# mean a product not yet released or temporarily out, which they are not).
OFFER_AVAILABILITY = {
    Availability.IN_STOCK: "https://schema.org/InStock",
    Availability.LOW_STOCK: "https://schema.org/LimitedAvailability",
    Availability.OUT_OF_STOCK: "https://schema.org/OutOfStock",
    Availability.ON_REQUEST: "https://schema.org/MadeToOrder",
}
NEW_CONDITION = "https://schema.org/NewCondition"

# What json_script escapes: editor text with "</script>" or "<!--" stays data.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def structured_data(request, page):
    """The page's JSON-LD objects (each with its @context), built once per request."""
    memo = request.__dict__.setdefault("_vitrina_structured_data", {}) if request is not None else {}
    if page.pk not in memo:
        builder = next((PAGE_BUILDERS[cls] for cls in type(page).__mro__ if cls in PAGE_BUILDERS), None)
        objects = builder(request, page) if builder else []
        objects += [breadcrumb_list(request, page), faq_page(page)]
        memo[page.pk] = [thing for thing in objects if thing]
    return memo[page.pk]


def to_json(thing):
    """JSON for a <script type="application/ld+json"> element, safe from the text inside it."""
    return json.dumps(thing, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)


def breadcrumb_ancestors(request, page):
    """The live pages above `page`, from its home page down; empty on a home page.

    Shared with the visible breadcrumbs (site_tags), so the trail costs one query.
    """
    if page.depth <= 2:
        return []
    memo = request.__dict__.setdefault("_vitrina_breadcrumbs", {}) if request is not None else {}
    if page.pk not in memo:
        memo[page.pk] = list(page.get_ancestors().filter(depth__gt=1).live())
    return memo[page.pk]


def breadcrumb_list(request, page):
    """The visible breadcrumbs as a BreadcrumbList; None on home pages."""
    ancestors = breadcrumb_ancestors(request, page)
    if not ancestors:
        return None
    names = [gettext("Home")] + [ancestor.title for ancestor in ancestors[1:]] + [page.title]
    urls = [ancestor.get_full_url(request) for ancestor in ancestors] + [page.get_full_url(request)]
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(zip(names, urls), start=1)
        ],
    }


def faq_page(page):
    """Every question of the page's FAQ blocks as one FAQPage (crawlers want one per page)."""
    questions = [
        {
            "@type": "Question",
            "name": item["question"],
            "acceptedAnswer": {"@type": "Answer", "text": plain_text(item["answer"].source)},
        }
        for stream in _streams(page)
        for child in stream
        if isinstance(child.block, FAQBlock)
        for item in child.value["questions"]
    ]
    if not questions:
        return None
    return {"@context": SCHEMA_CONTEXT, "@type": "FAQPage", "mainEntity": questions}


def _streams(page):
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield getattr(page, field.name)


def plain_text(html):
    """Rich text as one line of text; the source is enough (no link lookups)."""
    return re.sub(r"\s+", " ", get_text_for_indexing(html or "")).strip()


def absolute_url(request, url):
    """A media or page path as an absolute URL (already absolute on a CDN or S3)."""
    return request.build_absolute_uri(url) if request is not None else url


# Products


def product(request, page):
    url = page.get_full_url(request)
    data = {"@context": SCHEMA_CONTEXT, "@type": "Product", "name": page.title, "url": url}
    images = [
        absolute_url(request, rendition(item.image, PRODUCT_IMAGE_SPEC).url) for item in page.gallery_images.all()
    ]
    if images:
        data["image"] = images
    description = plain_text(page.search_description or page.summary)
    if description:
        data["description"] = description
    default_variant = page.default_variant
    if default_variant is not None:
        data["sku"] = default_variant.sku
    if page.brand:
        data["brand"] = {"@type": "Brand", "name": page.brand}
    offers = product_offers(page, url)
    if offers:
        data["offers"] = offers
    data.update(product_ratings(page))
    return [data]


def product_ratings(page):
    """aggregateRating and review from the approved reviews the page shows (the same query); {} without any."""
    summary = approved_reviews(page)
    if not summary:
        return {}
    return {
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": str(summary.average),
            "reviewCount": summary.count,
            "bestRating": 5,
            "worstRating": 1,
        },
        "review": [
            {
                "@type": "Review",
                "reviewRating": {"@type": "Rating", "ratingValue": review.rating, "bestRating": 5, "worstRating": 1},
                "author": {"@type": "Person", "name": review.author_name},
                "name": review.title,
                "reviewBody": review.body,
                "datePublished": timezone.localdate(review.created_at).isoformat(),
                "inLanguage": review.language,
            }
            for review in summary.reviews
        ],
    }


def product_offers(page, url):
    """One Offer, or an AggregateOffer over the variants; None for quote-only products (no price shown)."""
    variants = page.variant_list
    if page.is_quote_only or not variants:
        return None
    sale_ends = sale_end_date(page) if page.is_on_sale else None
    if len(variants) == 1:
        return variant_offer(variants[0], url, sale_ends)
    prices = [variant.price for variant in variants]
    return {
        "@type": "AggregateOffer",
        "lowPrice": schema_price(min(prices)),
        "highPrice": schema_price(max(prices)),
        "priceCurrency": settings.VITRINA_CURRENCY,
        "offerCount": len(variants),
        "offers": [
            variant_offer(variant, f"{url}?{urlencode({'variant': variant.sku})}", sale_ends)
            for variant in variants
        ],
    }


def variant_offer(variant, url, sale_ends):
    offer = {
        "@type": "Offer",
        "sku": variant.sku,
        "price": schema_price(variant.price),
        "priceCurrency": settings.VITRINA_CURRENCY,
        "availability": OFFER_AVAILABILITY[variant.availability],
        "itemCondition": NEW_CONDITION,
        "url": url,
    }
    if variant.option_label:
        offer["name"] = variant.option_label
    if sale_ends and variant.is_on_sale:
        offer["priceValidUntil"] = sale_ends
    return offer


def sale_end_date(page):
    """The day a scheduled revision replaces the live sale prices (ISO date), or None."""
    revision = page.scheduled_revision
    go_live_at = revision.approved_go_live_at if revision else None
    if go_live_at is None or go_live_at <= timezone.now():
        return None
    return timezone.localdate(go_live_at).isoformat()


def schema_price(amount):
    """Prices as crawlers want them: a string with two decimals and a dot."""
    return format(Decimal(amount).quantize(Decimal("0.01")), "f")


# Articles


def blog_posting(request, page):
    url = page.get_full_url(request)
    ancestors = breadcrumb_ancestors(request, page)
    publisher = organization(request, ancestors[0].get_full_url(request) if ancestors else url)
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "BlogPosting",
        "headline": Truncator(page.title).chars(110),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article_published(page),
        "author": person(page.author) if page.author else publisher,
        "publisher": publisher,
        "inLanguage": page.locale.language_code,
    }
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    description = plain_text(page.search_description or page.intro)
    if description:
        data["description"] = description
    if page.hero_image:
        data["image"] = [absolute_url(request, rendition(page.hero_image, ARTICLE_IMAGE_SPEC).url)]
    return [data]


def article_published(page):
    """The date the article shows; with the time of day when it was first published that day."""
    if page.first_published_at:
        first_published = timezone.localtime(page.first_published_at)
        if first_published.date() == page.date:
            return first_published.isoformat()
    return page.date.isoformat()


def person(author):
    data = {"@type": "Person", "name": author.name}
    if author.role:
        data["jobTitle"] = author.role
    return data


# The shop


def organization(request, home_url, with_contact=False):
    """The shop as an Organization; contact details and social profiles on the home page."""
    shop = ShopSettings.for_request(request)
    data = {"@type": "Organization", "@id": f"{home_url}#organization", "name": shop.shop_name, "url": home_url}
    logo = getattr(shop, "logo", None)  # for when the shop settings get a logo
    if logo is not None and hasattr(logo, "get_rendition"):
        data["logo"] = absolute_url(request, rendition(logo, "max-600x600").url)
    if not with_contact:
        return data
    if shop.email:
        data["email"] = shop.email
    if shop.phone:
        data["telephone"] = shop.phone
    address = ", ".join(line.strip() for line in shop.address.splitlines() if line.strip())
    if address:
        data["address"] = address
    if shop.email or shop.phone:
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "customer service",
            **({"email": shop.email} if shop.email else {}),
            **({"telephone": shop.phone} if shop.phone else {}),
        }
    same_as = [url for _name, url in shop.social_links()]
    if same_as:
        data["sameAs"] = same_as
    return data


def home(request, page):
    url = page.get_full_url(request)
    shop = organization(request, url, with_contact=True)
    language = page.locale.language_code
    with translation.override(language):
        search_url = absolute_url(request, reverse("search:search"))
    website = {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "@id": f"{url}#website",
        "url": url,
        "name": shop["name"],
        "inLanguage": language,
        "publisher": {"@id": shop["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
    return [{"@context": SCHEMA_CONTEXT, **shop}, website]


# Dispatch on the page's class (subclasses inherit their parent's builder).
PAGE_BUILDERS = {ProductPage: product, BlogPage: blog_posting, HomePage: home}
