"""The "Response times" report: figures checked against tickets built by hand with known times."""

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest

from support.figures import response_times
from support.models import Ticket
from tests.clients import english_admin_client

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)
H = timedelta(hours=1)
URL = "/admin/reports/support/response-times/"
NOVEMBER = {"created_at_from": "2026-11-01", "created_at_to": "2026-11-30"}


def ticket(category, created, answered_after=None, solved_after=None):
    return Ticket.objects.create(
        subject="x", category=category, name="Ana", email="ana@example.com", created_at=created,
        first_response_at=created + answered_after if answered_after is not None else None,
        solved_at=created + solved_after if solved_after is not None else None,
        status="solved" if solved_after is not None else "open",
    )


@pytest.fixture
def tickets(db):
    ticket("question", T0, 2 * H, 10 * H)
    ticket("question", T0, 4 * H)
    ticket("question", T0, 9 * H, 30 * H)
    ticket("complaint", T0)
    ticket("delivery_problem", T0 + 24 * H, 1 * H, 5 * H)
    ticket("claim", datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc), 100 * H, 200 * H)  # October: outside


def figures(rows):
    return {row["category"]: (row["tickets"], row["answered"], row["solved"], row["median_first_answer_hours"],
                              row["mean_first_answer_hours"], row["median_solve_hours"], row["mean_solve_hours"])
            for row in rows}


EXPECTED_NOVEMBER = {
    "question": (3, 3, 2, 4.0, 5.0, 20.0, 20.0),
    "complaint": (1, 0, 0, None, None, None, None),
    "claim": (0, 0, 0, None, None, None, None),
    "delivery_problem": (1, 1, 1, 1.0, 1.0, 5.0, 5.0),
    "": (5, 4, 3, 3.0, 4.0, 10.0, 15.0),
}


def test_figures_per_category_and_overall(tickets):
    november = Ticket.objects.filter(created_at__gte=datetime(2026, 11, 1, tzinfo=timezone.utc))

    assert figures(response_times(november)) == EXPECTED_NOVEMBER
    overall = figures(response_times(Ticket.objects.all()))[""]
    assert overall == (6, 5, 4, 4.0, 23.2, 20.0, 61.2)  # answers 2,4,9,1,100 h; solves 10,30,5,200 h


def test_report_page_shows_the_period_figures(admin_client, tickets):
    response = admin_client.get(URL, NOVEMBER)

    assert response.status_code == 200
    assert figures(response.context["object_list"]) == EXPECTED_NOVEMBER
    content = response.content.decode()
    assert "Median hours to first answer" in content and "All categories" in content
    assert "export=csv" in content and "export=xlsx" in content


def test_report_downloads_as_csv_and_xlsx(admin_client, tickets):
    response = admin_client.get(URL, {**NOVEMBER, "export": "csv"})

    assert response.status_code == 200 and response["Content-Type"] == "text/csv"
    assert 'filename="response-times.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[0][:4] == ["Category", "Tickets", "Answered tickets", "Solved tickets"]
    assert lines[1] == ["Question", "3", "3", "2", "4.0", "5.0", "20.0", "20.0"]
    assert lines[2] == ["Complaint", "1", "0", "0", "", "", "", ""]
    assert lines[-1] == ["All categories", "5", "4", "3", "3.0", "4.0", "10.0", "15.0"]

    xlsx = admin_client.get(URL, {**NOVEMBER, "export": "xlsx"})
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]


def test_report_needs_the_ticket_view_permission(viewer, editor, tickets):
    assert english_admin_client(viewer).get(URL).status_code == 200
    client = english_admin_client(editor)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL, {"export": "csv"}).status_code in (302, 403)
