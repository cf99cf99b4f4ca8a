"""Build the magazine: author snippets and articles whose bodies sell products."""

from datetime import timedelta

from django.utils import timezone

from blog.models import Author, BlogPage

from .build import ensure_page, published_at
from .magazine import ARTICLES, AUTHORS

# Colours of an article's header image, after its first tag.
TAG_PALETTES = {"Café": "cafe", "Guías de compra": "cafe", "Cocina": "cocina", "Té": "te-e-infusiones",
                "Hogar": "mesa-y-vajilla"}


def build_magazine(registry, blog):
    authors = {data.name: _ensure_author(registry, data) for data in AUTHORS}
    for article in ARTICLES:
        ensure_page(
            registry,
            blog,
            article.slug,
            lambda article=article: _make_article(registry, article, authors),
            lambda page, article=article: _finish_article(registry, page, article),
        )


def _ensure_author(registry, data):
    author = Author.objects.filter(name=data.name).first()
    if author is None:
        portrait = registry.images.portrait(data.name, registry.palette_for("hogar-y-textil"))
        author = Author.objects.create(name=data.name, role=data.role, bio=data.bio, image=portrait)
    return author


def _make_article(registry, article, authors):
    palette = registry.palette_for(TAG_PALETTES.get(article.tags[0], "cafe"))
    hero = registry.images.banner(article.title, "Revista Vitrina", palette, f"Portada del artículo «{article.title}»")
    return BlogPage(
        title=article.title,
        intro=article.intro,
        date=timezone.localdate() - timedelta(days=article.days_ago),
        author=authors[article.author],
        hero_image=hero,
    )


def _finish_article(registry, page, article):
    page.body = registry.stream(article.body)
    page.tags.add(*article.tags)
    page.first_published_at = published_at(article.days_ago)
