"""SQLite FTS5 search that matches Spanish and English word forms.

FTS5 folds accents but does not stem, so the index stores each text as
accent-less Snowball stems of its page's language, and queries are stemmed
in the active language before they reach FTS5. Only stems reach the MATCH
expression, so FTS5's own syntax characters in a query can never break it.
"""

from django.db.models import F
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ..language import WORD, fold, language_of, search_language, stems
from .database import TITLE_WEIGHT


class StemmingIndexer(ObjectIndexer):
    @cached_property
    def language(self):
        return language_of(self.obj)

    @cached_property
    def title(self):
        return " ".join(stems(super().title, self.language))

    @cached_property
    def body(self):
        return " ".join(stems(super().body, self.language))

    @cached_property
    def autocomplete(self):
        # Prefix matching on whole words, so no stemming: only accents go.
        return " ".join(WORD.findall(fold(super().autocomplete)))


class VitrinaSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with the stemming indexer.
        if not model.get_search_fields():
            return
        indexers = [StemmingIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, title=title,
                       autocomplete=autocomplete, body=body)
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class WeightedBM25(BM25):
    """bm25() with the FTS table's columns (autocomplete, body, title) weighted."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, {TITLE_WEIGHT})", []


def stemmed(query):
    if isinstance(query, PlainText):
        return PlainText(" ".join(stems(query.query_string, search_language())), operator=query.operator)
    if isinstance(query, Phrase):
        return Phrase(" ".join(stems(query.query_string, search_language())))
    return query


class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(stemmed(query), config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText)):
            return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self):
        # One bm25 over the whole row: the title's weight is in WeightedBM25.
        return [(F("index_entry__body"), 1.0)]

    def search(self, config, start, stop, score_field=None):
        query = stemmed(self.query)
        if isinstance(query, (PlainText, Phrase)) and not query.query_string:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class FoldingAutocompleteCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(" ".join(WORD.findall(fold(query.query_string))), operator=query.operator)
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, PlainText) and not WORD.findall(fold(self.query.query_string)):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class VitrinaSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = VitrinaSQLiteIndex
    query_compiler_class = StemmingQueryCompiler
    autocomplete_query_compiler_class = FoldingAutocompleteCompiler
    results_class = SQLiteSearchResults
    lower_score_is_better = True  # bm25
