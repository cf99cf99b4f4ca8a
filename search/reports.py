"""Admin reports on what customers search for: the most searched terms, and the searches that found nothing.

Both add up the daily rows of DailySearchQuery over the chosen period (GROUP
BY query, language with Sum) and export as CSV and XLSX through Wagtail's
ReportView. Reading them needs the search.view_search_report permission.
"""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from search.models import DailySearchQuery

REPORT_PERMISSION = "search.view_search_report"


def can_view_search_reports(user):
    return user.has_perm(REPORT_PERMISSION)


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def _in_language(language, lines):
    with translation.override(language):
        yield from lines


class SearchQueryPaginator(WagtailPaginator):
    """Counts rows as "search queries" (each row is one query in one language, not one daily record)."""

    verbose_name = _("search query")
    verbose_name_plural = _("search queries")


class SearchQueryFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget)
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=lambda: settings.LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = DailySearchQuery
        fields = ["date", "language"]


class SearchQueryReportView(ReportView):
    """The searches of the filtered period, one row per query and language, most searched first."""

    model = DailySearchQuery
    filterset_class = SearchQueryFilterSet
    header_icon = "search"
    paginate_by = 50
    paginator_class = SearchQueryPaginator
    no_results_message = _("No searches have been recorded in this period.")
    columns = [
        Column("query", label=_("Search query")),
        Column("language", label=_("Language"), accessor=lambda row: language_name(row["language"])),
        NumberColumn("total_searches", label=_("Searches")),
        NumberColumn("total_without_results", label=_("Searches without results")),
        Column("last_searched", label=_("Last searched")),
    ]
    list_export = ["query", "language", "total_searches", "total_without_results", "last_searched"]
    export_headings = {
        "query": _("Search query"),
        "language": _("Language"),
        "total_searches": _("Searches"),
        "total_without_results": _("Searches without results"),
        "last_searched": _("Last searched"),
    }
    ordering_of_rows = ["-total_searches", "query", "language"]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        rows = self.filter_queryset(DailySearchQuery.objects.all())
        totals = rows.values("query", "language").annotate(
            total_searches=Sum("searches"),
            total_without_results=Sum("searches_without_results"),
            last_searched=Max("date"),
        )
        return self.restrict_totals(totals).order_by(*self.ordering_of_rows)

    def restrict_totals(self, totals):
        """Override point: keep only some of the aggregated rows (a HAVING clause)."""
        return totals

    def stream_csv(self, queryset):
        # The CSV is streamed after the view has returned, when the reader's language is no longer active.
        return _in_language(translation.get_language(), super().stream_csv(queryset))

    def get_filtered_queryset(self):
        # get_queryset() has filtered the daily rows before adding them up; ReportView would filter again.
        return self.get_queryset()


class SearchTermsReportView(SearchQueryReportView):
    page_title = _("Search terms")
    index_url_name = "search_reports:search_terms"
    index_results_url_name = "search_reports:search_terms_results"
    export_filename = "search-terms"


class SearchesWithoutResultsReportView(SearchQueryReportView):
    """Queries that found nothing at least once in the period: products to add, synonyms to set, pages to promote."""

    page_title = _("Searches without results")
    index_url_name = "search_reports:searches_without_results"
    index_results_url_name = "search_reports:searches_without_results_results"
    export_filename = "searches-without-results"
    no_results_message = _("Every search in this period found results.")
    ordering_of_rows = ["-total_without_results", "-total_searches", "query", "language"]

    def restrict_totals(self, totals):
        return totals.filter(total_without_results__gt=0)
