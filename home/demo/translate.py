"""English translations of the demo pages, made with Wagtail's own translation copy.

`copy_for_translation` gives a draft copy in the English locale with the same
translation_key (so the language switcher, hreflang links and product blocks
find it), with the Spanish page's images, variants and related items. Only the
text is replaced here. Product variants keep their SKUs: both languages sell
the same units, from the same stock record.
"""

from django.utils import timezone
from wagtail.coreutils import find_available_slug

from products.models import ProductSpecification

from . import english
from .build import published_at


def translate_all(registry):
    """Create the missing English pages as drafts; `publish_pending` finishes and publishes them."""
    home = english.HOME
    _translate(registry, "inicio", home["title"], home["slug"], lambda page: _finish_home(registry, page))
    # Parents first: a page is copied under its parent's English translation.
    for key, (title, slug, intro) in english.INDEXES.items():
        _translate(registry, key, title, slug, lambda page, intro=intro: setattr(page, "intro", intro))
    for key, data in english.PRODUCTS.items():
        _translate(
            registry, key, data["title"], data["slug"], lambda page, data=data: _finish_product(registry, page, data)
        )
    for key, data in english.ARTICLES.items():
        _translate(
            registry, key, data["title"], data["slug"], lambda page, data=data: _finish_article(registry, page, data)
        )
    for key, (title, slug, intro, body) in english.PAGES.items():
        _translate(
            registry, key, title, slug, lambda page, intro=intro, body=body: _finish_page(registry, page, intro, body)
        )


def _translate(registry, key, title, slug, finish):
    source = registry.pages[key]
    if source.get_translation_or_none(registry.en) is not None:
        return
    # copy_parents=False: parents are translated first, and a missing one should fail loudly
    # rather than become an alias that shows Spanish text on the English site.
    page = source.copy_for_translation(registry.en, copy_parents=False, alias=False)
    page.title = title
    page.slug = find_available_slug(page.get_parent(), slug, ignore_page_id=page.pk)
    page.save()
    registry.pending.append((page, finish))
    registry.created[registry.en.language_code] += 1


def _finish_home(registry, page):
    data = english.HOME
    page.hero_text = data["hero_text"]
    page.hero_link_label = data["hero_link_label"]
    page.hero_link = registry.page("tienda", registry.en)
    page.body = registry.stream(data["body"], registry.en)


def _finish_product(registry, page, data):
    page.summary = data["summary"]
    page.description = registry.stream([("p", text) for text in data["text"]], registry.en)
    page.specifications = [ProductSpecification(name=name, value=value) for name, value in data["specs"]]
    page.option1_name = english.OPTION_NAMES.get(page.option1_name, page.option1_name)
    page.option2_name = english.OPTION_NAMES.get(page.option2_name, page.option2_name)
    variants = list(page.variants.all())
    for variant in variants:
        variant.option1 = english.OPTION_VALUES.get(variant.option1, variant.option1)
        variant.option2 = english.OPTION_VALUES.get(variant.option2, variant.option2)
    page.variants = variants


def _finish_article(registry, page, data):
    page.intro = data["intro"]
    page.body = registry.stream(data["body"], registry.en)
    page.tags.set(list(data["tags"]))
    # The copy starts unpublished; keep the Spanish article's publication day.
    page.first_published_at = published_at((timezone.localdate() - page.date).days)


def _finish_page(registry, page, intro, body):
    page.intro = intro
    page.body = registry.stream(body, registry.en)
