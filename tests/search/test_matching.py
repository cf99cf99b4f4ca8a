"""Spanish- and English-aware matching on the database backend (SQLite and PostgreSQL)."""

import pytest
from django.utils import translation
from wagtail.search.backends import get_search_backend

from products.models import ProductPage
from tests.factories.products import ProductPageFactory, ProductVariantFactory


def search(query, locale, language):
    with translation.override(language):
        queryset = ProductPage.objects.live().filter(locale=locale)
        return [page.title for page in get_search_backend().search(query, queryset)]


@pytest.fixture
def catalog(shop, translate):
    products = {
        "cafetera": ProductPageFactory(parent=shop, title="Cafetera italiana de acero", summary="Para café de moka."),
        "cafeteras": ProductPageFactory(parent=shop, title="Set de dos cafeteras de émbolo", summary="Émbolo y vidrio."),
        "molinillo": ProductPageFactory(parent=shop, title="Molinillo de café manual", summary="Muelas cerámicas."),
        "taza": ProductPageFactory(parent=shop, title="Taza de cerámica", summary="Para espresso."),
    }
    english = {key: translate(page, title=title) for (key, page), title in zip(products.items(), [
        "Italian steel coffee maker", "Set of two french press coffee makers", "Manual coffee grinder", "Ceramic mug",
    ])}
    return products, english


@pytest.mark.django_db
@pytest.mark.parametrize("query, expected", [
    ("cafe", "Molinillo de café manual"),
    ("café molinillo", "Molinillo de café manual"),
    ("cafetera", "Cafetera italiana de acero"),
    ("cafeteras", "Set de dos cafeteras de émbolo"),
    ("ceramica", "Taza de cerámica"),
    ("EMBOLO", "Set de dos cafeteras de émbolo"),
])
def test_spanish_queries_match_accents_and_plurals(catalog, locale_es, query, expected):
    titles = search(query, locale_es, "es")
    assert expected in titles


@pytest.mark.django_db
def test_singular_and_plural_find_each_other(catalog, locale_es):
    assert set(search("cafetera", locale_es, "es")) >= {"Cafetera italiana de acero", "Set de dos cafeteras de émbolo"}
    assert set(search("cafeteras", locale_es, "es")) >= {"Cafetera italiana de acero", "Set de dos cafeteras de émbolo"}


@pytest.mark.django_db
def test_english_pages_match_english_forms_and_stay_in_their_language(catalog, locale_en):
    titles = search("grinders", locale_en, "en")
    assert titles[0] == "Manual coffee grinder"
    assert all(not title.startswith("Molinillo") for title in titles)
    assert set(search("coffee makers", locale_en, "en")) == {
        "Italian steel coffee maker", "Set of two french press coffee makers",
    }


def test_large_result_sets_rank_a_sample_with_title_matches_first(postgres_only, shop, locale_es, monkeypatch):
    """Past RANK_CAP matches, a first page is ranked from a sample that always holds the title matches."""
    from search.backends import postgres

    monkeypatch.setattr(postgres, "RANK_CAP", 3)
    for number in range(8):
        ProductPageFactory(parent=shop, title=f"Jarra {number}", summary="Vidrio soplado para agua.")
    # Created last, so the first matches the index gives are likely body matches.
    ProductPageFactory(parent=shop, title="Vaso de vidrio", summary="Para agua.")
    ProductPageFactory(parent=shop, title="Copa de vidrio", summary="Para vino.")

    with translation.override("es"):
        backend = get_search_backend()
        products = ProductPage.objects.live().filter(locale=locale_es)
        first_page = [page.title for page in backend.search("vidrio", products)[:2]]
        assert set(first_page) == {"Vaso de vidrio", "Copa de vidrio"}
        assert len(list(backend.search("vidrio", products)[:3])) == 3
        assert backend.search("vidrio", products).count() == 10

        # A filter the sample may not fill: the page is ranked over every match instead.
        last_jarras = products.filter(title__in=["Jarra 6", "Jarra 7"])
        assert {page.title for page in backend.search("vidrio", last_jarras)[:3]} == {"Jarra 6", "Jarra 7"}
