"""Response-time figures of customer service: how fast tickets get a first answer and get solved.

`response_times(tickets)` groups tickets by category and adds an overall row:
how many there are, how many were answered and solved, and the median and mean
hours from creation to the first reply and from creation to solving. Medians
and means are worked out in Python from the tickets' moments, so SQLite and
PostgreSQL give the same figures.
"""

import statistics

from django.utils.translation import gettext_lazy as _

from .models import TicketCategory


def _hours(start, end):
    return (end - start).total_seconds() / 3600


def _summary(values):
    if not values:
        return None, None
    return round(statistics.median(values), 1), round(statistics.mean(values), 1)


def _row(label, category, tickets):
    first_answers = [_hours(t.created_at, t.first_response_at) for t in tickets if t.first_response_at]
    solves = [_hours(t.created_at, t.solved_at) for t in tickets if t.solved_at]
    median_answer, mean_answer = _summary(first_answers)
    median_solve, mean_solve = _summary(solves)
    return {
        "category": category, "label": label, "tickets": len(tickets), "answered": len(first_answers),
        "solved": len(solves), "median_first_answer_hours": median_answer, "mean_first_answer_hours": mean_answer,
        "median_solve_hours": median_solve, "mean_solve_hours": mean_solve,
    }


def response_times(tickets):
    """One row per category (in the categories' order, empty ones included) and a last "All categories" row."""
    tickets = list(tickets)
    rows = [
        _row(category.label, category.value, [t for t in tickets if t.category == category.value])
        for category in TicketCategory
    ]
    rows.append(_row(_("All categories"), "", tickets))
    return rows
