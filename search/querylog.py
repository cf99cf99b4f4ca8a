"""Record what customers search for, counted per day, language and normalised query.

The search page calls record_search() once per search (not for autocomplete or
later result pages). Recording must never break a search: a database error is
logged and swallowed. Anything else (a wrong argument type) is a bug and
raises, so tests see it.
"""

import logging
import unicodedata

from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone

from search.models import LANGUAGE_MAX_LENGTH, QUERY_MAX_LENGTH, DailySearchQuery

logger = logging.getLogger(__name__)


def normalise_query(query):
    """The form a query is counted under: NFC, lowercase, single spaces, at most QUERY_MAX_LENGTH characters.

    "Regalo  Navidad " and "regalo navidad" are the same search; accents are
    kept, because "regaló" and "regalo" are what the customer typed.
    """
    text = unicodedata.normalize("NFC", query or "")
    return " ".join(text.lower().split())[:QUERY_MAX_LENGTH].rstrip()


def record_search(query, language, result_count):
    """Count one search of `query` in `language` that found `result_count` results today.

    Empty queries are not counted. One statement (an upsert) in autocommit
    mode; inside a transaction it runs in a savepoint, so a failure here leaves
    the caller's transaction usable.
    """
    term = normalise_query(query)
    if not term:
        return
    language = (language or "").lower()[:LANGUAGE_MAX_LENGTH]
    result_count = max(int(result_count), 0)
    database = router.db_for_write(DailySearchQuery)
    connection = connections[database]
    try:
        if connection.in_atomic_block:
            with transaction.atomic(using=database):
                _upsert(connection, term, language, result_count)
        else:
            _upsert(connection, term, language, result_count)
    except DatabaseError:
        logger.exception("Could not record the search %r (%s)", term, language)


def _upsert(connection, term, language, result_count):
    """Insert today's row or add to it, in one statement, so concurrent searches never lose a count.

    INSERT ... ON CONFLICT DO UPDATE has the same syntax on PostgreSQL and
    SQLite (3.24+); the ORM's bulk_create(update_conflicts=True) can only
    overwrite columns, not increment them.
    """
    meta = DailySearchQuery._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    date, language_column, query, searches, without_results, last_count = (
        quote(meta.get_field(name).column)
        for name in ("date", "language", "query", "searches", "searches_without_results", "last_result_count")
    )
    sql = (
        f"INSERT INTO {table} ({date}, {language_column}, {query}, {searches}, {without_results}, {last_count}) "
        f"VALUES (%s, %s, %s, 1, %s, %s) "
        f"ON CONFLICT ({date}, {language_column}, {query}) DO UPDATE SET "
        f"{searches} = {table}.{searches} + 1, "
        f"{without_results} = {table}.{without_results} + EXCLUDED.{without_results}, "
        f"{last_count} = EXCLUDED.{last_count}"
    )
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute(sql, [today, language, term, 1 if result_count == 0 else 0, result_count])
