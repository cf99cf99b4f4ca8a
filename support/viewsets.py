"""The ticket inbox in the Wagtail admin: listing with filters and search, inspect page, actions.

`TicketViewSet("tickets")` is registered in the "Customer service" menu
(support/wagtail_hooks.py). Emails to staff link to `tickets:inspect`, so keep
the name "tickets".
"""

import django_filters
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from vitrina.admin_actions import StaffActionsMixin

from .admin_tickets import TicketActionView, TicketInspectView
from .models import Ticket, TicketCategory, TicketStatus
from .tickets import staff_who_can_answer


class TicketFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TicketStatus.choices)
    category = django_filters.ChoiceFilter(label=_("Category"), choices=TicketCategory.choices)
    assignee = django_filters.ModelChoiceFilter(label=_("Assigned to"), queryset=lambda request: staff_who_can_answer())
    mine = django_filters.BooleanFilter(label=_("Assigned to me"), method="filter_mine")
    created_at = django_filters.DateFromToRangeFilter(label=_("Created"), widget=DateRangePickerWidget)

    class Meta:
        model = Ticket
        fields = ["status", "category", "assignee", "created_at"]

    def filter_mine(self, queryset, name, value):
        if value is None or self.request is None:
            return queryset
        if value:
            return queryset.filter(assignee=self.request.user)
        return queryset.exclude(assignee=self.request.user)


class TicketIndexView(IndexView):
    """Unsolved tickets first, newest first within each group."""

    def get_base_queryset(self):
        solved_last = Case(When(status=TicketStatus.SOLVED, then=Value(1)), default=Value(0),
                           output_field=IntegerField())
        return super().get_base_queryset().select_related("order", "assignee").annotate(solved_last=solved_last)


def _assignee(ticket):
    if ticket.assignee is None:
        return ""
    return ticket.assignee.get_full_name() or ticket.assignee.get_username()


class TicketViewSet(StaffActionsMixin, ModelViewSet):
    """Customer service tickets: an inbox, each ticket's thread and the actions that answer it."""

    model = Ticket
    icon = "help"
    menu_label = _("Tickets")
    add_to_admin_menu = True
    menu_order = 220
    url_prefix = "tickets"
    index_view_class = TicketIndexView
    inspect_view_enabled = True
    inspect_view_class = TicketInspectView
    filterset_class = TicketFilterSet
    search_fields = ["reference", "email", "subject", "name"]
    search_backend_name = None
    ordering = ["solved_last", "-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "reference",
        Column("subject", label=_("Subject"), sort_key="subject"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("category", label=_("Category"), accessor="get_category_display", sort_key="category"),
        Column("assignee", label=_("Assigned to"), accessor=_assignee),
        Column("customer", label=_("Customer"), accessor=lambda ticket: f"{ticket.name} <{ticket.email}>",
               sort_key="name"),
        Column("order", label=_("Order"), accessor=lambda ticket: ticket.order.number if ticket.order else ""),
        DateColumn("created_at", label=_("Age"), sort_key="created_at"),
    ]
    form_fields = ["subject"]  # never shown: the policy refuses add and edit
    action_view_class = TicketActionView
