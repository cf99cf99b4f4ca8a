"""Wagtail admin wiring of customer service: the "Customer service" menu and the "Response times" report.

The menu gathers the screens of the after-sale apps (tickets, returns, quote
requests, reviews); each shows only to staff holding that model's
permissions, so editors see none of it.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from quotes.viewsets import QuoteRequestViewSet
from returns.viewsets import DamagedStockViewSet, ReturnRequestViewSet
from reviews.viewsets import ReviewViewSet

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


class CustomerServiceViewSetGroup(ViewSetGroup):
    """The "Customer service" admin menu. Names are fixed: emails and tests reverse their URLs."""

    menu_label = _("Customer service")
    menu_icon = "help"
    menu_order = 220
    items = (
        TicketViewSet("tickets", add_to_admin_menu=False),
        ReturnRequestViewSet("return_requests", add_to_admin_menu=False),
        QuoteRequestViewSet("quote_requests", add_to_admin_menu=False),
        ReviewViewSet("review_moderation", add_to_admin_menu=False),
        DamagedStockViewSet("damaged_stock", add_to_admin_menu=False),
    )


@hooks.register("register_admin_viewset")
def register_customer_service_viewsets():
    return CustomerServiceViewSetGroup()


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
