"""Browser fixtures: Playwright driving the system's Chromium against live_server.

Without a browser these tests are skipped on a developer's machine, but when
VITRINA_E2E_REQUIRED=1 (set by .ci/run, which installs chromium) a missing
browser is a failure, so CI can never pass by skipping them.
"""

import os
import shutil

import pytest
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from products.models import ProductIndexPage

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path():
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("VITRINA_E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright runs an event loop; Django refuses ORM calls from async contexts.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="es-ES", viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shop_index(live_server):
    """A Spanish home page as the default site's root, with the shop "Tienda" under it (at /es/tienda/).

    Transactional tests start from an empty database, so Wagtail's root is made if missing.
    """
    Locale.objects.get_or_create(language_code="es")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Inicio", slug="inicio-e2e"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home.add_child(instance=ProductIndexPage(title="Tienda", slug="tienda", show_in_menus=True))

