"""Images for phones on slow networks: AVIF and WebP in several widths, sized boxes, lazy below the fold.

The product's main image is the page's largest paint: it loads eagerly, with
high priority, and the head preloads the very files the gallery shows.
"""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import caches
from django.template import Context, Template
from PIL import Image as PILImage
from PIL import features

from home.image_encoding import AVIF_ENCODER_SPEED
from products.display import prepare_products
from tests.factories import (
    AuthorFactory,
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StandardPageFactory,
    image_block,
)
from tests.markup import parse

WIDTH = re.compile(r" (\d+)w$")
CARD_TEMPLATE = Path(__file__).resolve().parent.parent / "vitrina/templates/includes/product_card.html"
CARD_PICTURE = re.compile(r"\{% picture image .*?%\}")


def big_image(**kwargs):
    # Larger than every rendition, so each width in a srcset is a different file.
    return ImageFactory(file__width=1300, file__height=1300, file__filename="foto.jpg", **kwargs)


def make_product(parent, images=1, **kwargs):
    return ProductPageFactory(
        parent=parent,
        variants=[ProductVariantFactory.build(price=Decimal("12.50"))],
        gallery_images=[ProductImageFactory.build(image=big_image()) for _ in range(images)],
        **kwargs,
    )


def srcset_widths(srcset):
    return [int(WIDTH.search(candidate.strip()).group(1)) for candidate in srcset.split(",")]


def sources_by_type(picture):
    return {source["type"]: source for source in picture.select("source")}


def test_pillow_can_write_avif_and_webp():
    # The templates ask for AVIF renditions: without Pillow's AVIF codec every page would fail.
    assert features.check("avif")
    assert features.check("webp")


def test_main_product_image_is_an_eager_avif_and_webp_picture(client, shop):
    product = make_product(shop, images=1, slug="cafetera")

    picture = parse(client.get(product.url)).select_one(".product__main-image picture")

    avif = sources_by_type(picture)["image/avif"]
    img = picture.img
    assert srcset_widths(avif["srcset"]) == [480, 640, 960, 1200]
    assert srcset_widths(img["srcset"]) == [480, 640, 960, 1200]
    assert img["src"].endswith(".webp") and all(".webp " in c for c in img["srcset"].split(","))
    assert (img["width"], img["height"]) == ("480", "480")
    assert img["sizes"] == avif["sizes"]
    assert img["fetchpriority"] == "high"
    assert not img.has_attr("loading")  # eager: it is above the fold


def test_gallery_thumbnails_are_small_lazy_pictures(client, shop):
    product = make_product(shop, images=3, slug="molinillo")

    thumbs = parse(client.get(product.url)).select(".product__thumb picture")

    assert len(thumbs) == 2
    for picture in thumbs:
        assert srcset_widths(sources_by_type(picture)["image/avif"]["srcset"]) == [160, 320]
        img = picture.img
        assert img["loading"] == "lazy"
        assert (img["width"], img["height"]) == ("160", "160")
        assert not img.has_attr("fetchpriority")


def test_head_preloads_the_main_image_the_gallery_shows(client, shop):
    product = make_product(shop, images=2, slug="tetera")

    html = parse(client.get(product.url))

    preloads = html.head.select('link[rel="preload"][as="image"]')
    assert len(preloads) == 1  # only the main image: preloading more would compete with it
    avif = sources_by_type(html.select_one(".product__main-image picture"))["image/avif"]
    preload = preloads[0]
    assert preload["type"] == "image/avif"  # a browser without AVIF skips it instead of downloading twice
    assert preload["imagesrcset"] == avif["srcset"]
    assert preload["imagesizes"] == avif["sizes"]
    assert preload["fetchpriority"] == "high"


def test_product_without_images_preloads_nothing(client, shop):
    product = ProductPageFactory(parent=shop, slug="sin-fotos")

    html = parse(client.get(product.url))

    assert not html.head.select('link[rel="preload"]')
    assert not html.select(".product__gallery picture")


def test_product_cards_are_lazy_pictures_in_four_widths(client, shop):
    for slug in ("taza", "jarra"):
        make_product(shop, slug=slug)

    cards = parse(client.get(shop.url)).select(".product-card picture")

    assert len(cards) == 2
    for picture in cards:
        img = picture.img
        assert srcset_widths(sources_by_type(picture)["image/avif"]["srcset"]) == [320, 480, 640, 960]
        assert srcset_widths(img["srcset"]) == [320, 480, 640, 960]
        assert img["loading"] == "lazy"
        assert img["sizes"]
        assert (img["width"], img["height"]) == ("320", "320")


def test_article_hero_is_eager_and_its_cards_author_and_body_images_are_lazy(client, blog_index):
    article = BlogPageFactory(
        parent=blog_index, slug="guia", hero_image=big_image(), author=AuthorFactory(image=big_image()),
        body=[image_block(big_image(), caption="En la cocina")],
    )

    page = parse(client.get(article.url))
    hero = page.select_one("img.article__hero")
    assert hero["fetchpriority"] == "high" and not hero.has_attr("loading")
    assert srcset_widths(hero["srcset"]) == [480, 640, 960, 1200]
    assert (hero["width"], hero["height"]) == ("480", "252")
    block = page.select_one(".block-image img")
    assert block["loading"] == "lazy" and srcset_widths(block["srcset"]) == [480, 960, 1300]
    assert page.select_one(".author-box img")["loading"] == "lazy"

    card = parse(client.get(blog_index.url)).select_one(".article-card img")
    assert card["loading"] == "lazy"
    assert srcset_widths(card["srcset"]) == [480, 640, 960]  # the hero's own files, minus the largest


def test_home_hero_and_page_header_are_eager_pictures(client, home):
    home.hero_image = big_image()
    home.save_revision().publish()
    page = StandardPageFactory(parent=home, slug="envios", image=big_image())

    hero = parse(client.get("/es/")).select_one(".hero > picture img.hero__image")
    header = parse(client.get(page.url)).select_one("picture img.page-image")

    for img in (hero, header):
        assert img["fetchpriority"] == "high" and not img.has_attr("loading")
        assert img["width"] and img["height"] and img["sizes"]
    assert srcset_widths(hero["srcset"]) == [640, 960, 1280, 1300]


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_card_pictures_use_the_prefetched_renditions(shop, cold_cache, django_assert_num_queries):
    """prepare_products prefetches image__renditions: a card's <picture> then costs no query."""
    product = make_product(shop, slug="prensa")
    card_picture = Template("{% load wagtailimages_tags %}" + CARD_PICTURE.search(CARD_TEMPLATE.read_text()).group(0))
    card_picture.render(Context({"image": prepare_products([product])[0].main_image}))  # makes the renditions
    if cold_cache:
        for cache in caches.all():
            cache.clear()
    product = ProductPageFactory._meta.model.objects.get(pk=product.pk)
    image = prepare_products([product])[0].main_image

    with django_assert_num_queries(0):
        html = card_picture.render(Context({"image": image}))

    assert html.count(".avif ") == 4 and html.count(".webp ") == 4


def test_avif_is_written_at_the_faster_encoder_speed():
    """home/image_encoding.py: without it a cold listing of new products costs seconds of CPU per card."""
    picture = PILImage.linear_gradient("L").convert("RGB").resize((160, 120))

    def avif_bytes(**options):
        buffer = io.BytesIO()
        picture.save(buffer, "AVIF", quality=61, **options)
        return buffer.getvalue()

    assert avif_bytes() == avif_bytes(speed=AVIF_ENCODER_SPEED)
    assert avif_bytes() != avif_bytes(speed=6)  # Pillow's own default


def test_a_listing_parses_its_image_specs_once_not_on_every_view(client, shop, monkeypatch):
    from wagtail.images.models import Filter

    for slug in ("taza", "jarra", "tetera"):
        make_product(shop, slug=slug)
    client.get(shop.url)  # renditions made, templates compiled
    made = []
    original = Filter.__init__

    def counting_init(self, spec=None):
        made.append(spec)
        original(self, spec=spec)

    monkeypatch.setattr(Filter, "__init__", counting_init)
    html = parse(client.get(shop.url))

    assert len(html.select(".product-card picture")) == 3
    # {% picture %} keeps the filters it parsed on its template node (home/renditions.py).
    assert [spec for spec in made if "format-avif" in spec] == []
