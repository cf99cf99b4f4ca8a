"""The demo makes in advance exactly the renditions its pages ask for, so no first visit resizes an image."""

import re
from pathlib import Path

import pytest
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.demo import renditions as demo
from tests.factories import (
    AuthorFactory,
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductPageFactory,
    StandardPageFactory,
    image_block,
)

REPO = Path(__file__).resolve().parent.parent
# {% image x spec %}, {% srcset_image x spec spec %}, {% picture x spec spec attr="..." %}
IMAGE_TAG = re.compile(r"\{%\s*(?:image|srcset_image|picture)\s+\S+\s+(.*?)%\}")
PRELOAD_TAG = re.compile(r"\{%\s*preload_picture\s+\S+\s+(.*?)%\}")
SPEC = re.compile(r"^[a-z]+-[\w{},|-]+$")
# Asked for by Python code, not by a template tag.
NOT_IN_TEMPLATES = {demo.SEARCH_SUGGESTION, demo.STRUCTURED_DATA_PRODUCT, demo.SOCIAL_IMAGE}


def template_specs():
    """Every single rendition spec the project's templates ask for, braces expanded."""
    specs = []
    for path in REPO.glob("*/templates/**/*.html"):
        text = path.read_text()
        for arguments in IMAGE_TAG.findall(text):
            specs.append("|".join(bit for bit in arguments.split() if SPEC.match(bit)))
        for arguments in PRELOAD_TAG.findall(text):
            specs.append("|".join(bit.strip('"') for bit in arguments.split() if SPEC.match(bit.strip('"'))))
    return demo.expand(specs)


def test_the_demo_makes_every_rendition_the_templates_ask_for_and_no_other():
    used = template_specs()
    made = demo.expand(spec for specs in demo.SPECS_BY_PLACE.values() for spec in specs)

    assert "fill-480x480|format-avif" in used, "the tag pattern is out of date"
    assert used - made == set(), "add these to home/demo/renditions.py"
    assert made - demo.expand(NOT_IN_TEMPLATES) - used == set(), "no template shows these any more"


def test_the_demo_makes_the_renditions_crawlers_are_shown():
    structured_data = pytest.importorskip("home.structured_data")
    seo_tags = pytest.importorskip("home.templatetags.seo_tags")
    made = {place: demo.expand(specs) for place, specs in demo.SPECS_BY_PLACE.items()}

    assert structured_data.PRODUCT_IMAGE_SPEC in made["product_main"] & made["product_more"]
    assert structured_data.ARTICLE_IMAGE_SPEC in made["article_hero"]
    for place in ("product_main", "category", "article_hero", "home_hero", "page_image"):
        assert seo_tags.SOCIAL_IMAGE_SPEC in made[place], place


def rendition_specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_each_image_gets_the_renditions_of_the_places_it_is_shown(client, home, shop, blog_index):
    collection = Collection.get_first_root_node().add_child(name="Demo")
    photo, detail, hero, portrait, inline, header = (ImageFactory(collection=collection) for _ in range(6))
    product = ProductPageFactory(parent=shop, slug="cafetera", gallery_images=[
        ProductImageFactory.build(image=photo), ProductImageFactory.build(image=detail),
    ])
    article = BlogPageFactory(parent=blog_index, slug="guia", hero_image=hero,
                              author=AuthorFactory(image=portrait), body=[image_block(inline)])
    page = StandardPageFactory(parent=home, slug="envios", image=header)
    home.hero_image = hero
    home.save_revision().publish()

    demo.make_renditions(collection)

    place_specs = {name: demo.expand(specs) for name, specs in demo.SPECS_BY_PLACE.items()}
    assert rendition_specs(photo) == place_specs["product_main"]
    assert rendition_specs(detail) == place_specs["product_more"]
    assert rendition_specs(hero) == place_specs["article_hero"] | place_specs["home_hero"]
    assert rendition_specs(portrait) == place_specs["author"]
    assert rendition_specs(inline) == place_specs["body"]
    assert rendition_specs(header) == place_specs["page_image"]
    made = get_image_model().get_rendition_model().objects.count()
    for url in (product.url, shop.url, article.url, blog_index.url, page.url, "/es/"):
        assert client.get(url).status_code == 200
    assert get_image_model().get_rendition_model().objects.count() == made, "a page view had to resize an image"


def test_images_outside_the_demo_collection_are_left_alone(shop):
    other = ImageFactory()
    ProductPageFactory(parent=shop, gallery_images=[ProductImageFactory.build(image=other)])

    assert demo.make_renditions(Collection.get_first_root_node().add_child(name="Demo")) == 0
    assert rendition_specs(other) == set()
