"""Wagtail admin wiring of customer service: the ticket inbox and the "Response times" report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_tickets import can_view
from .reports import ResponseTimesReportView
from .viewsets import TicketViewSet

report_urls = (
    [
        path("response-times/", ResponseTimesReportView.as_view(), name="response_times"),
        path("response-times/results/", ResponseTimesReportView.as_view(results_only=True),
             name="response_times_results"),
    ],
    "support_reports",
)


@hooks.register("register_admin_viewset")
def register_ticket_viewset():
    return TicketViewSet("tickets")


@hooks.register("register_admin_urls")
def register_support_report_urls():
    return [path("reports/support/", include(report_urls))]


class SupportReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_response_times_menu_item():
    return SupportReportMenuItem(
        _("Response times"), reverse("support_reports:response_times"), name="support-response-times",
        icon_name="help", order=1400,
    )
