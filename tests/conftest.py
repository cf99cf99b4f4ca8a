"""Fixtures shared by the whole suite: a Spanish site with an English locale, clients, shop sections.

Every test that touches pages uses `home`: it builds the tree Wagtail's own
migrations leave (root + "Welcome" page + default Site) into Vitrina's
shape: a Spanish HomePage as the default Site's root, and the "en" locale
ready for translations.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from wagtail.models import Locale, Page, Site

from tests.clients import english_admin_client
from tests.factories import BlogIndexPageFactory, HomePageFactory, ProductIndexPageFactory


@pytest.fixture(autouse=True)
def _empty_caches():
    """Rendition and site-root caches must not leak between tests (ids are reused after rollback)."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture
def postgres_only():
    """Skip on SQLite: for row locks (select_for_update) and PostgreSQL-only search code; CI runs the suite on both.

    List it first among a test's fixtures so nothing is built before the skip.
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL; CI runs this test on PostgreSQL")


@pytest.fixture
def locale_es(db):
    # get_or_create: transactional tests run after a flush that removed the migrations' rows.
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home(locale_es, locale_en):
    """The Spanish home page, root of the default Site (hostname localhost)."""
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale_es))
    home = HomePageFactory(parent=root, locale=locale_es)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        return home
    welcome = site.root_page
    site.root_page = home
    site.save()
    if welcome.pk != root.pk:
        welcome.delete()
    return home


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def shop(home):
    return ProductIndexPageFactory(parent=home)


@pytest.fixture
def blog_index(home):
    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def client():
    """'testserver' is not an allowed host; the site's hostname is."""
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def admin_client(admin_user):
    """A superuser who reads the admin in English, so messages are the source strings."""
    return english_admin_client(admin_user)


@pytest.fixture
def translate(locale_en):
    """Translate a page into English (parents copied as needed) and publish it, like an editor would."""

    def translate(page, **changes):
        translation = page.copy_for_translation(locale_en, copy_parents=True)
        for name, value in changes.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return type(page).objects.get(pk=translation.pk)

    return translate


@pytest.fixture
def video_embeds(settings):
    """Embeds of https://video.example/... resolve offline (see tests/video_provider.py)."""
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.video_provider.VideoExampleFinder"}]
