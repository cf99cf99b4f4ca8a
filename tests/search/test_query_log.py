"""The search log: one row per day, language and normalised query, counted safely under concurrency."""

import datetime
import logging
import threading

import pytest
from django.db import OperationalError, connection
from hypothesis import given
from hypothesis import strategies as st

from search import querylog
from search.models import DailySearchQuery
from search.querylog import normalise_query, record_search


def rows():
    return list(
        DailySearchQuery.objects.order_by("date", "language", "query").values_list(
            "date", "language", "query", "searches", "searches_without_results", "last_result_count"
        )
    )


@pytest.fixture
def today(monkeypatch):
    """Pin the shop's current day; returns a function to move it."""
    current = {"day": datetime.date(2026, 11, 20)}
    monkeypatch.setattr(querylog.timezone, "localdate", lambda *args: current["day"])

    def move_to(day):
        current["day"] = day

    move_to.day = current
    return move_to


# Normalisation

def test_queries_are_counted_lowercased_with_single_spaces():
    assert normalise_query("  Regalo \t NAVIDAD\n ") == "regalo navidad"


def test_accents_are_kept_but_composed_and_decomposed_forms_match():
    assert normalise_query("Regalo\u0301") == normalise_query("regaló") == "regaló"


def test_long_queries_are_cut_to_200_characters():
    assert normalise_query("cafetera " * 40) == ("cafetera " * 40)[:200].rstrip()
    assert len(normalise_query("x" * 500)) == 200


@given(st.text(max_size=400))
def test_normalised_queries_are_short_trimmed_and_stable(text):
    normalised = normalise_query(text)

    assert len(normalised) <= 200
    assert normalised == normalised.strip()
    assert "  " not in normalised
    assert normalise_query(normalised) == normalised


# Counting

@pytest.mark.django_db
def test_the_same_query_on_the_same_day_adds_to_one_row(today):
    record_search("Cafetera", "es", 12)
    record_search("  cafetera ", "es", 0)
    record_search("CAFETERA", "es", 7)

    assert rows() == [(datetime.date(2026, 11, 20), "es", "cafetera", 3, 1, 7)]


@pytest.mark.django_db
def test_each_language_and_day_has_its_own_row(today):
    record_search("regalo", "es", 0)
    record_search("regalo", "en", 3)
    today(datetime.date(2026, 11, 21))
    record_search("regalo", "es", 2)

    assert rows() == [
        (datetime.date(2026, 11, 20), "en", "regalo", 1, 0, 3),
        (datetime.date(2026, 11, 20), "es", "regalo", 1, 1, 0),
        (datetime.date(2026, 11, 21), "es", "regalo", 1, 0, 2),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "\n\t", None])
def test_empty_queries_are_not_counted(query):
    record_search(query, "es", 0)

    assert not DailySearchQuery.objects.exists()


@pytest.mark.django_db
def test_nothing_about_the_person_searching_is_stored():
    fields = {field.name for field in DailySearchQuery._meta.get_fields()}

    assert fields == {"id", "date", "language", "query", "searches", "searches_without_results", "last_result_count"}


# Failures

@pytest.mark.django_db
def test_a_database_error_is_logged_and_the_search_goes_on(monkeypatch, caplog):
    def broken(*args):
        raise OperationalError("database is locked")

    monkeypatch.setattr(querylog, "_upsert", broken)

    with caplog.at_level(logging.ERROR, logger="search.querylog"):
        record_search("cafetera", "es", 3)

    assert "Could not record the search 'cafetera' (es)" in caplog.text


@pytest.mark.django_db
def test_a_programming_error_is_not_hidden():
    with pytest.raises(TypeError):
        record_search("cafetera", "es", None)


@pytest.mark.django_db
def test_a_failed_insert_leaves_the_callers_transaction_usable(postgres_only, monkeypatch, caplog):
    # A language longer than the column makes PostgreSQL refuse the row; without the savepoint
    # every later query of the request would fail with "current transaction is aborted".
    monkeypatch.setattr(querylog, "LANGUAGE_MAX_LENGTH", 50)

    record_search("cafetera", "es-419-latn-variant", 3)
    record_search("cafetera", "es", 3)

    assert "Could not record the search" in caplog.text
    assert DailySearchQuery.objects.get().searches == 1


# Cost and concurrency

@pytest.mark.django_db(transaction=True)
def test_recording_a_search_is_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        record_search("cafetera", "es", 3)
    with django_assert_num_queries(1):
        record_search("cafetera", "es", 0)

    assert DailySearchQuery.objects.get().searches == 2


@pytest.mark.django_db
def test_inside_a_transaction_it_adds_only_a_savepoint(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # SAVEPOINT, upsert, RELEASE
        record_search("cafetera", "es", 3)


@pytest.mark.django_db(transaction=True)
def test_concurrent_searches_of_a_new_query_lose_no_count(postgres_only):
    threads_count, searches_each = 8, 10
    start = threading.Barrier(threads_count)
    errors = []

    def search(number):
        try:
            start.wait()
            for index in range(searches_each):
                record_search("Regalo navidad", "es", 0 if (number + index) % 2 else 4)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=search, args=(number,)) for number in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    row = DailySearchQuery.objects.get()
    assert (row.query, row.searches, row.searches_without_results) == ("regalo navidad", 80, 40)
