"""PostgreSQL full-text search with one text search configuration per language.

Ranking is shaped for catalogues of 100,000 products (measured in
docs/benchmarks.md; indexes in search/migrations/0003). The library ranks
every match before it takes a page: a word in every description means
`ts_rank` on 100,000 rows and a sort, to show 24. Here a page of results
(the first RANK_CAP results) ranks only a sample: the first RANK_CAP matches
the index gives, plus up to RANK_CAP matches with the query in their title
(ts_rank puts those on top). The candidates' ids are fetched first, so the
planner knows it ranks a few thousand rows (one query more per page).

- Fewer matches than RANK_CAP (any shop of the demo's size): the sample is
  every match and the order is exactly the library's.
- More: the page is the best of the sample, so relevance is approximate; a
  page deeper than RANK_CAP, or one the sample cannot fill (a narrow filter),
  is ranked over every match, as the library does.
- Counts and facets are the library's queries, unchanged.
"""

import re

from django.db.models import F, Q, Value
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..language import POSTGRES_AUTOCOMPLETE_CONFIG, POSTGRES_CONFIGS
from .database import add_items_by_language, current_language

# Ranking more matches than this for one page of results costs more than it tells.
RANK_CAP = 1000
INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


class VitrinaPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        add_items_by_language(super().add_items, model, objs)


class VitrinaPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None, capped=True):
        self.was_capped = False
        key = _integer_key(self.queryset.model)
        if (
            not capped or not self.order_by_relevance or stop is None or stop > RANK_CAP
            or self.fields is not None or key is None or not isinstance(self.query, PlainText)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:  # no words
            return self.queryset.none()
        # The candidates are fetched first, so the planner knows it ranks a few thousand rows.
        entries = self._matching_entries(search_query)
        rows = list(
            entries.annotate(_in_title_=Value(False)).values_list(Cast("object_id", key), "_in_title_")[:RANK_CAP]
            .union(entries.filter(title=search_query).annotate(_in_title_=Value(True))
                   .values_list(Cast("object_id", key), "_in_title_")[:RANK_CAP], all=True)
        )
        in_title = sum(1 for _id, is_title in rows if is_title)
        # Fewer matches than the cap: these are all of them, and the order is exact.
        self.was_capped = len(rows) - in_title == RANK_CAP or in_title == RANK_CAP
        ids = {object_id for object_id, _is_title in rows}
        rank = self._build_rank_expression(self.get_index_vectors(search_query), config)
        candidates = self.queryset.filter(pk__in=ids)
        pk = self.queryset.model._meta.pk
        if pk.is_relation:  # multi-table inheritance (pages): the parent table's key too, for the planner
            candidates = candidates.filter(**{f"{pk.target_field.name}__in": ids})
        return self._apply_ordering_and_scoring(candidates, rank, start, stop, score_field)

    def _matching_entries(self, search_query):
        """Index entries that match: per column when that means the same as both columns together."""
        entries = IndexEntry._default_manager.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        )
        terms = [term for term in re.split(r"[\s\-]+", self.query.query_string) if term]
        if len(terms) == 1 or self.query.operator == "or":
            return entries.filter(Q(title=search_query) | Q(body=search_query))
        return entries.annotate(_vector_=F("title")._combine(F("body"), "||", False)).filter(_vector_=search_query)


class VitrinaPostgresSearchResults(PostgresSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        found = list(compiler.search(config, self.start, self.stop, score_field=self._score_field,
                                     backend=self.backend))
        if getattr(compiler, "was_capped", False) and len(found) < self.stop - self.start:
            # The sample cannot fill this page: rank every match.
            found = list(compiler.search(config, self.start, self.stop, score_field=self._score_field,
                                         backend=self.backend, capped=False))
        return found


def _integer_key(model):
    """The model's primary key field when it is an integer (index entries store it as text), else None."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field if field.get_internal_type() in INTEGER_KEYS else None


class VitrinaPostgresSearchBackend(PostgresSearchBackend):
    index_class = VitrinaPostgresIndex
    query_compiler_class = VitrinaPostgresSearchQueryCompiler
    results_class = VitrinaPostgresSearchResults

    # The base class sets both in __init__; here they follow the language.
    @property
    def config(self):
        return POSTGRES_CONFIGS[current_language()]

    @config.setter
    def config(self, value):
        pass

    @property
    def autocomplete_config(self):
        return POSTGRES_AUTOCOMPLETE_CONFIG

    @autocomplete_config.setter
    def autocomplete_config(self, value):
        pass
