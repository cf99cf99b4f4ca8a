"""Wagtail's database search backend, made to understand Spanish and English.

- PostgreSQL: each page is indexed with the text search configuration of its
  language (`vitrina_es`: unaccent + Spanish stemming; `vitrina_en`: unaccent +
  English stemming; created by search/migrations/0001) and a search uses the
  configuration of the active language, so "cafe" finds "café" and
  "cafeteras" finds "cafetera".
- SQLite (FTS5): the same effect by storing accent-less Snowball stems in the
  index and stemming the query the same way.

Use as WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from itertools import groupby

from django.db import connection

from ..language import language_of, search_language

# Set while a batch of objects in one language is written to the index.
_indexing_language = ContextVar("indexing_language", default=None)

# Title matches count this many times a body match (SQLite's bm25 column weights).
TITLE_WEIGHT = 10.0


@contextmanager
def indexing_language(language):
    token = _indexing_language.set(language)
    try:
        yield
    finally:
        _indexing_language.reset(token)


def add_items_by_language(add_items, model, objs):
    """Index objects in groups of one language, each under that language."""
    objs = sorted(objs, key=language_of)
    for language, group in groupby(objs, key=language_of):
        with indexing_language(language):
            add_items(model, list(group))


def current_language():
    return _indexing_language.get() or search_language()


def SearchBackend(params):
    if connection.vendor == "postgresql":
        from .postgres import VitrinaPostgresSearchBackend

        return VitrinaPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import VitrinaSQLiteSearchBackend

        return VitrinaSQLiteSearchBackend(params)
    raise NotImplementedError("Vitrina's search runs on SQLite or PostgreSQL.")
