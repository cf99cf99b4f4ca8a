"""`manage.py update_index` rebuilds the database index, with progress per model."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from products.models import ProductPage
from tests.factories.products import ProductPageFactory


@pytest.mark.django_db
def test_update_index_rebuilds_the_database_index_and_reports_progress(settings, shop, translate):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
    spanish = [ProductPageFactory(parent=shop, title=f"Cafetera {n}") for n in range(3)]
    translate(spanish[0], title="Coffee maker")
    backend = get_search_backend()
    for page in ProductPage.objects.all():
        backend.delete(page)  # as if the index had been lost
    with translation.override("es"):
        assert len(backend.search("cafeteras", ProductPage)) == 0

    out = StringIO()
    call_command("update_index", stdout=out)

    output = out.getvalue()
    assert "Updating backend: default" in output
    # One line per model (a dot per chunk of 1000), then the count for the whole index.
    assert "default: products.ProductPage" in output
    total = sum(model.get_indexed_objects().count() for model in get_indexed_models())
    assert f"default: indexed {total} objects" in output
    with translation.override("es"):
        assert len(backend.search("cafeteras", ProductPage.objects.filter(locale=spanish[0].locale))) == 3
    with translation.override("en"):
        english = ProductPage.objects.exclude(locale=spanish[0].locale)
        assert [page.title for page in backend.search("makers", english)] == ["Coffee maker"]
