"""The search reports in the admin's Reports menu, for whoever holds search.view_search_report.

Wagtail's search_promotions app adds its own "Search terms" report (superusers
only, counting its Query hits without language or zero-result figures); the
shop's report replaces it in the menu so editors see one "Search terms".
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import SearchesWithoutResultsReportView, SearchTermsReportView, can_view_search_reports

report_urls = (
    [
        path("search-terms/", SearchTermsReportView.as_view(), name="search_terms"),
        path("search-terms/results/", SearchTermsReportView.as_view(results_only=True), name="search_terms_results"),
        path(
            "searches-without-results/",
            SearchesWithoutResultsReportView.as_view(),
            name="searches_without_results",
        ),
        path(
            "searches-without-results/results/",
            SearchesWithoutResultsReportView.as_view(results_only=True),
            name="searches_without_results_results",
        ),
    ],
    "search_reports",
)

WAGTAIL_SEARCH_TERMS_ITEM = "search-terms"


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("reports/", include(report_urls))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchReportMenuItem(
        _("Search terms"),
        reverse("search_reports:search_terms"),
        name="shop-search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_searches_without_results_menu_item():
    return SearchReportMenuItem(
        _("Searches without results"),
        reverse("search_reports:searches_without_results"),
        name="shop-searches-without-results",
        icon_name="search",
        order=1310,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_SEARCH_TERMS_ITEM]


@hooks.register("register_permissions")
def register_search_report_permission():
    return Permission.objects.filter(content_type__app_label="search", codename="view_search_report")
