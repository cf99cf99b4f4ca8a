"""Reading rendered pages in tests."""

import re

from bs4 import BeautifulSoup


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node):
    """Visible text with runs of ordinary whitespace collapsed (non-breaking spaces kept, as in prices)."""
    if node is None:
        return ""
    return re.sub(r"[ \t\r\n]+", " ", node.get_text(" ")).strip()


def ui(message, language="es"):
    """A UI string as the site shows it in `language` (the source string until a catalog translates it)."""
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(message)


def ui_count(singular, plural, count, language="es"):
    """A counted UI string ({% blocktranslate count %}) as the site shows it in `language`."""
    from django.utils import translation

    with translation.override(language):
        return translation.ngettext(singular, plural, count) % {"counter": count}
