"""The live chat in a real browser: held back until the visitor accepts functional cookies."""

import pytest
from django.core.cache import caches
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import ShopSettings

pytestmark = pytest.mark.django_db(transaction=True)

# A stand-in for a chat service's embed code: it marks the page when it runs.
SNIPPET = '<script>document.documentElement.dataset.liveChat = "running";</script>'


@pytest.fixture
def chat_behind_consent(shop_index):
    settings = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    settings.live_chat_snippet = SNIPPET
    settings.live_chat_needs_consent = True
    settings.save()
    for cache in caches.all():
        cache.clear()


def test_the_chat_runs_only_after_consent(live_server, browser_page, chat_behind_consent):
    page = browser_page
    page.goto(f"{live_server.url}/es/")
    expect(page.locator("html")).not_to_have_attribute("data-live-chat", "running")

    # What the consent banner does when the visitor accepts: store the choice, then announce it.
    page.evaluate("""() => {
        document.cookie = "vitrina_consent=necessary,functional; path=/";
        document.dispatchEvent(new Event("vitrina:consent"));
    }""")
    expect(page.locator("html")).to_have_attribute("data-live-chat", "running")

    # Later visits remember the choice.
    page.goto(f"{live_server.url}/es/tienda/")
    expect(page.locator("html")).to_have_attribute("data-live-chat", "running")
