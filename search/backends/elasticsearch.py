"""Wagtail's Elasticsearch 9 backend, made to understand Spanish and English.

Elasticsearch picks an analyzer per field, never per document, so each text
field of the index exists once per language:

- `title` is analyzed with `spanish_folded` (lower case, Spanish stop words,
  Spanish Snowball stemmer, accents folded) and `title__en` with
  `english_folded`; likewise the catch-all `_all_text` / `_all_text__en` and
  the boosted `_all_text_boost_*` fields.
- A Spanish page's document fills the plain fields, an English page's the
  `__en` ones (the page's language is its Wagtail locale, see
  `search.language.language_of`), so each page is stemmed in its own language.
- A query runs over both sets of fields; Elasticsearch analyzes it with each
  field's own analyzer, so "cafeteras" meets Spanish pages with Spanish
  stemming and "grinders" English pages with English stemming. Which locale a
  search returns is the caller's filter (`.filter(locale=...)`), as with the
  database backend.

One index per root model is kept (as modelsearch does), so rebuilding,
aliases, filters, facets and sorting work unchanged. The Snowball stemmers
and folding after stemming are those of the database backend
(search/language.py), so both backends find the same word forms: the
"database" backend keeps its own index as the fallback (search/fallback.py).

Autocomplete stays language-neutral: prefixes of accent-folded words, and the
query is folded too, so "cafe" and "café" both complete "Cafetera".

Use as WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch", ...}}.
"""

from contextvars import ContextVar
from copy import deepcopy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField
from modelsearch.utils import deep_update

from ..language import STEMMER_NAMES, base_language, language_of

ANALYZERS = {"es": "spanish_folded", "en": "english_folded"}
# Stop words are removed before stemming and folding, as the lists are accented ("él", "más").
ANALYSIS = {
    "filter": {
        "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
        "spanish_stemmer": {"type": "stemmer", "language": "spanish"},
        "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
        "english_stop": {"type": "stop", "stopwords": "_english_"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "analyzer": {
        "spanish_folded": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "spanish_stop", "spanish_stemmer", "asciifolding"],
        },
        "english_folded": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["english_possessive_stemmer", "lowercase", "english_stop", "english_stemmer", "asciifolding"],
        },
        "folding": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    },
}

# The language of the document being built; None outside get_document (mapping, queries).
_document_language = ContextVar("document_language", default=None)


def default_language():
    return base_language(None)  # the site's default language (LANGUAGE_CODE)


def column_for_language(column, language):
    """The index field holding `column`'s text in `language`: "title" / "title__en"."""
    return column if language == default_language() else f"{column}__{language}"


def _is_catch_all(name):
    return name == "_all_text" or name.startswith("_all_text_boost_")


def _per_language(properties):
    """Properties with every text field (the ones copied to `_all_text`, and `_all_text*`) once per language."""
    result = {}
    for name, field in properties.items():
        if field.get("type") == "nested":
            result[name] = {**field, "properties": _per_language(field["properties"])}
        elif "copy_to" in field or _is_catch_all(name):
            for language in STEMMER_NAMES:
                twin = deepcopy(field)
                if twin["type"] == "text":
                    twin.setdefault("analyzer", ANALYZERS[language])
                if "copy_to" in twin:
                    targets = twin["copy_to"] if isinstance(twin["copy_to"], list) else [twin["copy_to"]]
                    twin["copy_to"] = [column_for_language(target, language) for target in targets]
                result[column_for_language(name, language)] = twin
        else:
            result[name] = field
    return result


class VitrinaElasticsearchMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "folding"}

    def get_field_column_name(self, field):
        column = super().get_field_column_name(field)
        language = _document_language.get()
        if language and isinstance(field, SearchField):
            return column_for_language(column, language)
        return column

    def get_mapping(self):
        mapping = super().get_mapping()
        return {**mapping, "properties": _per_language(mapping["properties"])}

    def get_document(self, obj):
        token = _document_language.set(language_of(obj))
        try:
            return super().get_document(obj)
        finally:
            _document_language.reset(token)


class VitrinaSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = VitrinaElasticsearchMapping

    def _remap_fields(self, fields):
        # Every searched field in each language; each is matched with its own analyzer.
        return [
            Field(column_for_language(field.field_name, language), field.boost)
            for field in super()._remap_fields(fields)
            for language in STEMMER_NAMES
        ]


class VitrinaAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = VitrinaElasticsearchMapping


class VitrinaElasticsearchSearchBackend(Elasticsearch9SearchBackend):
    """Elasticsearch 9 with Spanish and English analyzers, each page analyzed in its own language.

    Indexing errors (server down) are logged and swallowed by modelsearch's
    signal handlers (`catch_indexing_errors`), so publishing never fails
    because of Elasticsearch; the "database" backend is still updated.
    """

    mapping_class = VitrinaElasticsearchMapping
    query_compiler_class = VitrinaSearchQueryCompiler
    autocomplete_query_compiler_class = VitrinaAutocompleteQueryCompiler
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), {"settings": {"analysis": ANALYSIS}})


SearchBackend = VitrinaElasticsearchSearchBackend
