"""The "Search terms" and "Searches without results" admin reports: figures, filters, exports, who may read them."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from search.models import DailySearchQuery
from tests.checkout.test_admin import menu_labels
from tests.clients import english_admin_client

pytestmark = pytest.mark.django_db

TERMS_URL = "/admin/reports/search-terms/"
WITHOUT_RESULTS_URL = "/admin/reports/searches-without-results/"
NOV = datetime.date(2026, 11, 1)


def day(number):
    return NOV.replace(day=number)


def log(date, query, searches, without_results=0, language="es", last_result_count=0):
    DailySearchQuery.objects.create(
        date=date, query=query, language=language, searches=searches,
        searches_without_results=without_results, last_result_count=last_result_count,
    )


@pytest.fixture
def searches():
    """Three weeks of searches: 'cafetera' is popular, 'regalo' often finds nothing, 'molinillo' is old news."""
    log(day(2), "molinillo", 50)
    log(day(10), "cafetera", 7, last_result_count=12)
    log(day(11), "cafetera", 5, last_result_count=12)
    log(day(10), "regalo", 4, without_results=3)
    log(day(12), "regalo", 6, without_results=1, last_result_count=2)
    log(day(11), "taza roja", 2, without_results=2)
    log(day(11), "coffee maker", 9, language="en", last_result_count=12)
    log(day(11), "gift", 1, without_results=1, language="en")


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.com")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get(name=group))
    return django_user_model.objects.get(pk=user.pk)


def table(response):
    return [
        (row["query"], row["language"], row["total_searches"], row["total_without_results"], row["last_searched"])
        for row in response.context["object_list"]
    ]


# Figures and filters

def test_search_terms_adds_up_the_period_most_searched_first(admin_client, searches):
    response = admin_client.get(TERMS_URL, {"date_from": "2026-11-10", "date_to": "2026-11-12"})

    assert response.status_code == 200
    assert table(response) == [
        ("cafetera", "es", 12, 0, day(11)),
        ("regalo", "es", 10, 4, day(12)),
        ("coffee maker", "en", 9, 0, day(11)),
        ("taza roja", "es", 2, 2, day(11)),
        ("gift", "en", 1, 1, day(11)),
    ]
    html = response.content.decode()
    assert "Search terms" in html and "cafetera" in html and "English" in html


def test_without_a_period_every_day_counts(admin_client, searches):
    response = admin_client.get(TERMS_URL)

    assert table(response)[0] == ("molinillo", "es", 50, 0, day(2))
    assert len(table(response)) == 6


def test_search_terms_can_be_narrowed_to_one_language(admin_client, searches):
    response = admin_client.get(TERMS_URL, {"language": "en"})

    assert [row[0] for row in table(response)] == ["coffee maker", "gift"]


def test_searches_without_results_lists_only_queries_that_found_nothing_most_often_first(admin_client, searches):
    response = admin_client.get(WITHOUT_RESULTS_URL, {"date_from": "2026-11-10", "date_to": "2026-11-12"})

    assert response.status_code == 200
    assert table(response) == [
        ("regalo", "es", 10, 4, day(12)),
        ("taza roja", "es", 2, 2, day(11)),
        ("gift", "en", 1, 1, day(11)),
    ]


def test_the_period_excludes_days_outside_it(admin_client, searches):
    response = admin_client.get(WITHOUT_RESULTS_URL, {"date_from": "2026-11-12"})

    assert table(response) == [("regalo", "es", 6, 1, day(12))]


def test_the_filtered_results_fragment_renders(admin_client, searches):
    response = admin_client.get(reverse("search_reports:search_terms_results"), {"language": "es"})

    assert response.status_code == 200
    assert "cafetera" in response.content.decode() and "coffee maker" not in response.content.decode()


def test_an_empty_period_says_so(admin_client, searches):
    response = admin_client.get(TERMS_URL, {"date_from": "2027-01-01"})

    assert response.status_code == 200
    assert "No searches have been recorded in this period." in response.content.decode()
    assert table(response) == []


# Exports

def test_search_terms_download_as_csv(admin_client, searches):
    response = admin_client.get(TERMS_URL, {"date_from": "2026-11-10", "language": "es", "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="search-terms.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines == [
        ["Search query", "Language", "Searches", "Searches without results", "Last searched"],
        ["cafetera", "es", "12", "0", "2026-11-11"],
        ["regalo", "es", "10", "4", "2026-11-12"],
        ["taza roja", "es", "2", "2", "2026-11-11"],
    ]


def test_searches_without_results_download_as_xlsx(admin_client, searches):
    response = admin_client.get(WITHOUT_RESULTS_URL, {"date_from": "2026-11-10", "export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "searches-without-results.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet_rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert sheet_rows[0] == ["Search query", "Language", "Searches", "Searches without results", "Last searched"]
    assert [row[:4] for row in sheet_rows[1:]] == [
        ["regalo", "es", 10, 4], ["taza roja", "es", 2, 2], ["gift", "en", 1, 1],
    ]
    assert sheet_rows[1][4] == day(12)


def test_the_report_page_offers_both_downloads(admin_client, searches):
    html = admin_client.get(TERMS_URL, {"language": "es"}).content.decode()

    assert "export=xlsx" in html and "export=csv" in html


# Who may read them

def test_superusers_get_both_reports_and_one_search_terms_item(admin_user):
    labels = menu_labels(admin_user)

    assert {"Reports/Search terms", "Reports/Searches without results"} <= set(labels)
    assert labels.count("Reports/Search terms") == 1


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_read_the_reports(django_user_model, group, searches):
    user = user_in(django_user_model, "marketing", group)

    assert {"Reports/Search terms", "Reports/Searches without results"} <= set(menu_labels(user))
    client = english_admin_client(user)
    assert client.get(TERMS_URL).status_code == 200
    assert client.get(WITHOUT_RESULTS_URL, {"export": "csv"}).status_code == 200


def test_shop_staff_get_no_search_reports(django_user_model, searches):
    user = user_in(django_user_model, "packer", "Shop staff")

    labels = menu_labels(user)
    assert "Reports/Search terms" not in labels and "Reports/Searches without results" not in labels
    client = english_admin_client(user)
    results_fragment = reverse("search_reports:search_terms_results")
    for url in (TERMS_URL, WITHOUT_RESULTS_URL, TERMS_URL + "?export=csv", results_fragment):
        response = client.get(url)
        # Wagtail turns the PermissionDenied into "Sorry, you do not have permission" on the dashboard.
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_the_report_permission_is_granted_to_editors_and_moderators_only():
    permission = Permission.objects.get(content_type__app_label="search", codename="view_search_report")

    assert set(permission.group_set.values_list("name", flat=True)) == {"Editors", "Moderators"}
