"""Pagination links stay few however many pages a listing or a search has."""

from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation


def links(page):
    with translation.override("es"):
        html = render_to_string("includes/pagination.html", {"items": page, "query": "q=taza"})
    return BeautifulSoup(html, "html.parser")


def test_thousands_of_pages_show_the_ends_and_the_pages_around_the_current_one():
    nav = links(Paginator(range(100_000), 24).page(500))
    numbers = [item.get_text(" ", strip=True).replace("Página ", "") for item in nav.select("li")]
    with translation.override("es"):
        gap = str(Paginator.ELLIPSIS)
    assert numbers == ["Anterior", "1", gap, "498", "499", "500", "501", "502", gap, "4167", "Siguiente"]
    assert nav.select_one("[aria-current=page]").get_text() == "500"
    assert nav.select_one("a[rel=next]")["href"] == "?q=taza&page=501"


def test_a_few_pages_are_all_linked():
    nav = links(Paginator(range(30), 10).page(1))
    assert [a.get_text(" ", strip=True) for a in nav.select("li a")] == ["Página 2", "Página 3", "Siguiente"]
