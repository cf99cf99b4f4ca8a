"""The renditions the demo makes in advance: the ones its pages will ask for, and no others.

Each demo image gets the specs of the places it is shown (a product's first
photo: card, main image, cart line...; the others: gallery thumbnails), so
the first visit to a page resizes nothing, and no file is made that no page
shows (every AVIF rendition costs a few hundred milliseconds of CPU).
When a template changes a spec, change it here too: tests/test_demo_renditions.py
compares these with the templates.
"""

from collections import defaultdict

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from blog.models import Author, BlogPage
from home.models import HomePage, StandardPage
from products.models import ProductImage, ProductIndexPage, ProductPage
from search.autocomplete import IMAGE_SPEC as SEARCH_SUGGESTION

PRODUCT_CARD = "fill-{320x320,480x480,640x640,960x960}|format-{avif,webp}"  # includes/product_card.html
PRODUCT_MAIN = "fill-{480x480,640x640,960x960,1200x1200}|format-{avif,webp}"  # products/product_page.html
PRODUCT_THUMB = "fill-{160x160,320x320}|format-{avif,webp}"  # products/product_page.html, gallery
CART_LINE = "fill-200x200"  # checkout/cart.html
ARTICLE_HERO = "fill-{480x252,640x336,960x504,1200x630}|format-{avif,webp}"  # blog/blog_page.html
ARTICLE_CARD = "fill-{480x252,640x336,960x504}|format-{avif,webp}"  # includes/article_card.html
AUTHOR_PHOTO = "fill-160x160|format-{avif,webp}"  # blog/blog_page.html, author box
HOME_HERO = "fill-{640x256,960x384,1280x512,1600x640}|format-{avif,webp}"  # home/home_page.html
PAGE_IMAGE = "width-{480,960,1440}|format-{avif,webp}"  # home/standard_page.html header
BODY_IMAGE = "width-{480,960,1440}|format-{avif,webp}"  # blocks/image_with_caption_block.html
# For crawlers: JSON-LD product images (home/structured_data.py) and link
# previews (home/templatetags/seo_tags.py), both in every page's head.
STRUCTURED_DATA_PRODUCT = "max-1200x1200"
SOCIAL_IMAGE = "fill-1200x630"

# Where an image is shown -> every spec a page showing it there asks for.
SPECS_BY_PLACE = {
    "product_main": (PRODUCT_CARD, PRODUCT_MAIN, CART_LINE, SEARCH_SUGGESTION, STRUCTURED_DATA_PRODUCT, SOCIAL_IMAGE),
    "product_more": (PRODUCT_THUMB, STRUCTURED_DATA_PRODUCT),
    "category": (SOCIAL_IMAGE,),
    "article_hero": (ARTICLE_HERO, ARTICLE_CARD, SEARCH_SUGGESTION, SOCIAL_IMAGE),
    "author": (AUTHOR_PHOTO,),
    "home_hero": (HOME_HERO, SOCIAL_IMAGE),
    "page_image": (PAGE_IMAGE, SEARCH_SUGGESTION, SOCIAL_IMAGE),
    "body": (BODY_IMAGE,),
}


def expand(specs):
    """Every single rendition spec the given (possibly brace-expanding) specs stand for."""
    return {spec for pattern in specs for spec in Filter.expand_spec(pattern)}


def image_places():
    """{image id: set of places}, from where the pages and authors show each image."""
    places = defaultdict(set)
    first_seen = set()
    for product_id, image_id in ProductImage.objects.order_by("product_id", "sort_order", "pk").values_list(
        "product_id", "image_id"
    ):
        places[image_id].add("product_more" if product_id in first_seen else "product_main")
        first_seen.add(product_id)
    for model, field, place in (
        (ProductIndexPage, "image", "category"),
        (BlogPage, "hero_image", "article_hero"),
        (Author, "image", "author"),
        (HomePage, "hero_image", "home_hero"),
        (StandardPage, "image", "page_image"),
    ):
        for image_id in model.objects.exclude(**{field: None}).values_list(f"{field}_id", flat=True):
            places[image_id].add(place)
    for image_id in body_image_ids():
        places[image_id].add("body")
    return places


def body_image_ids():
    """Images of the image blocks in every page body (read from the stored JSON, no block rendering)."""
    for model, field in ((BlogPage, "body"), (StandardPage, "body"), (HomePage, "body"), (ProductPage, "description")):
        for stream in model.objects.values_list(field, flat=True):
            for block in stream.raw_data if hasattr(stream, "raw_data") else stream or ():
                if block["type"] == "image":
                    yield block["value"]["image"]["image"]


def make_renditions(collection):
    """Make the renditions each demo image's places ask for; existing ones are found, not redone."""
    places = image_places()
    count = 0
    images = get_image_model().objects.filter(collection=collection, pk__in=places).prefetch_related("renditions")
    for image in images:
        specs = expand(spec for place in places[image.pk] for spec in SPECS_BY_PLACE[place])
        count += len(image.get_renditions(*sorted(specs)))
    return count
