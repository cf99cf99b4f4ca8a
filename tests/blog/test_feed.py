"""The magazine's Atom feed, and the pages that point feed readers to it."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.factories.blog import AuthorFactory, BlogPageFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_lists_live_articles_newest_first_with_absolute_links(client, blog_index):
    author = AuthorFactory(name="Lucía Pérez")
    guide_page = BlogPageFactory(parent=blog_index, title="Guía de molinillos", date=datetime.date(2026, 3, 1),
                                 intro="Manual o eléctrico.", author=author)
    BlogPageFactory(parent=blog_index, title="Recetas de otoño", date=datetime.date(2026, 10, 1))
    draft = BlogPageFactory(parent=blog_index, title="Borrador", date=datetime.date(2026, 11, 1))
    draft.unpublish()

    response = client.get("/es/revista/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Revista"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Recetas de otoño", "Guía de molinillos"]
    guide = entries[1]
    assert guide.find(f"{ATOM}link").get("href") == guide_page.full_url
    assert guide_page.full_url.startswith("http://localhost/es/revista/")
    assert guide.find(f"{ATOM}summary").text == "Manual o eléctrico."
    assert guide.find(f"{ATOM}author/{ATOM}name").text == "Lucía Pérez"
    assert guide.find(f"{ATOM}published").text.startswith("2026-03-01")
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"][0]
    assert self_link.get("href") == "http://localhost/es/revista/feed/"


def test_magazine_and_articles_link_to_the_feed(client, blog_index):
    article = BlogPageFactory(parent=blog_index, title="Guía de teteras")
    for url in ("/es/revista/", article.url):
        link = parse(client.get(url)).select_one('link[rel=alternate][type="application/atom+xml"]')
        assert link["href"] == "http://localhost/es/revista/feed/"
        assert link["title"] == "Revista"
