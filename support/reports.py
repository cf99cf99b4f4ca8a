"""The "Response times" admin report: first-answer and solve times of the tickets created in a period.

Rows come from `support.figures.response_times`; Wagtail's ReportView gives
the period filter and the CSV/XLSX export. Reading it needs support.view_ticket,
like the inbox.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .admin_tickets import can_view
from .figures import response_times
from .models import Ticket

FIGURES = [
    ("tickets", _("Tickets")),
    ("answered", _("Answered tickets")),
    ("solved", _("Solved tickets")),
    ("median_first_answer_hours", _("Median hours to first answer")),
    ("mean_first_answer_hours", _("Mean hours to first answer")),
    ("median_solve_hours", _("Median hours to solve")),
    ("mean_solve_hours", _("Mean hours to solve")),
]


def _figure(name):
    def show(row):
        value = row[name]
        return "—" if value is None else number_format(value)
    return show


def _in_language(language, lines):
    with translation.override(language):
        yield from lines


class ResponseTimesFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Tickets created"), widget=DateRangePickerWidget)

    class Meta:
        model = Ticket
        fields = ["created_at"]


class ResponseTimesReportView(ReportView):
    """Per category and overall: tickets, answered, solved, median and mean hours to first answer and to solve."""

    page_title = _("Response times")
    header_icon = "help"
    index_url_name = "support_reports:response_times"
    index_results_url_name = "support_reports:response_times_results"
    export_filename = "response-times"
    filterset_class = ResponseTimesFilterSet
    paginate_by = None
    no_results_message = _("No tickets in this period.")
    columns = [Column("label", label=_("Category"))] + [
        Column(name, label=label, accessor=_figure(name)) for name, label in FIGURES
    ]
    list_export = ["label"] + [name for name, _label in FIGURES]
    export_headings = {"label": _("Category"), **dict(FIGURES)}

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Ticket.objects.only("category", "created_at", "first_response_at", "solved_at")

    def get_filtered_queryset(self):
        return response_times(self.filter_queryset(self.get_queryset()))

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["label"] = str(row["label"])
        return row

    def stream_csv(self, queryset):
        # The CSV is streamed after the view has returned, when the reader's language is no longer active.
        return _in_language(translation.get_language(), super().stream_csv(queryset))
