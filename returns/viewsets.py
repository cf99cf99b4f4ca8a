"""Return requests in the Wagtail admin: a listing, a detail page with the customer's photo, and staff actions.

Returns are never edited through a generic form: every change is an action
(approve, reject, mark received, refund, record an offline refund), a small
POST form calling `returns.processing`. Seeing returns needs
returns.view_returnrequest; approving, rejecting and receiving need
returns.change_returnrequest; refunding needs checkout.manage_orders, like
refunds of orders. Editors have none of these: no menu, no customer data.
Damaged stock (units received unsellable) is a read-only listing for
returns.view_damagedstock.
"""

import mimetypes

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import cache_control
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from checkout.exceptions import PaymentError
from checkout.models import PaymentMethod
from checkout.orders import InvalidTransition
from checkout.refunds import RefundError, refundable_payments
from home.templatetags.site_tags import money
from vitrina.admin_actions import StaffActionsMixin
from vitrina.admin_permissions import register_actions_only

from .exceptions import ReturnError
from .forms import ApproveForm, ReceiveForm, RefundForm, RejectForm
from .models import DamagedStock, ReturnRequest, ReturnStatus
from .processing import approve_return, receive_return, refund_return, reject_return, returned_value

VIEW_PERMISSION = "returns.view_returnrequest"
CHANGE_PERMISSION = "returns.change_returnrequest"
REFUND_PERMISSION = "checkout.manage_orders"


register_actions_only(ReturnRequest)


class Action:
    """One staff step on a return: its form, who may take it, when it is offered, what it calls."""

    def __init__(self, name, label, form_class, permission, statuses, button_class="button"):
        self.name = name
        self.label = label
        self.form_class = form_class
        self.permission = permission
        self.statuses = statuses
        self.button_class = button_class

    def make_form(self, return_request, data=None):
        kwargs = {"auto_id": f"id_{self.name}_%s"}
        if self.form_class in (ReceiveForm, RefundForm):
            kwargs["return_request"] = return_request
        return self.form_class(data, **kwargs)

    def is_allowed(self, user):
        return user.is_active and user.has_perm(self.permission)

    def is_offered(self, return_request):
        if return_request.status not in self.statuses:
            return False
        if self.form_class is RefundForm:
            payments = refundable_payments(return_request.order)
            if self.name == "refund":
                return any(payment.method == PaymentMethod.PAYPAL for payment in payments)
            return bool(payments)
        return True


ACTIONS = {
    action.name: action
    for action in (
        Action("approve", _("Approve"), ApproveForm, CHANGE_PERMISSION, [ReturnStatus.REQUESTED]),
        Action("reject", _("Reject"), RejectForm, CHANGE_PERMISSION, [ReturnStatus.REQUESTED, ReturnStatus.APPROVED],
               button_class="button no"),
        Action("receive", _("Mark received"), ReceiveForm, CHANGE_PERMISSION, [ReturnStatus.APPROVED]),
        Action("refund", _("Refund through PayPal"), RefundForm, REFUND_PERMISSION, [ReturnStatus.RECEIVED]),
        Action("refund_offline", _("Record a refund made another way"), RefundForm, REFUND_PERMISSION,
               [ReturnStatus.RECEIVED], button_class="button button-secondary"),
    )
}


# What each action does; each returns its success message or raises ReturnError / RefundError.

def _approve(return_request, data, user):
    approve_return(return_request, user=user, message=data["message"])
    return _("Return %(number)s is approved.")


def _reject(return_request, data, user):
    reject_return(return_request, user=user, message=data["message"])
    return _("Return %(number)s is rejected.")


def _receive(return_request, data, user):
    receive_return(return_request, data["outcomes"], user=user, note=data["note"])
    return _("Return %(number)s is marked received.")


def _refund(return_request, data, user, offline=False):
    # Bank transfer and cash payments are always refunded outside PayPal.
    offline = offline or data["payment"].method != PaymentMethod.PAYPAL
    refund_return(return_request, data["payment"], data["amount"], user=user, key=data["key"], offline=offline,
                  reason=data["reason"])
    return _("The refund of return %(number)s is recorded.")


def _refund_offline(return_request, data, user):
    return _refund(return_request, data, user, offline=True)


HANDLERS = {
    "approve": _approve,
    "reject": _reject,
    "receive": _receive,
    "refund": _refund,
    "refund_offline": _refund_offline,
}


class ReturnActionView(View):
    """POST one action's form; always ends in a redirect to the return with a success or error message."""

    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk, action):
        if action not in ACTIONS or not ACTIONS[action].is_allowed(request.user):
            raise PermissionDenied
        return_request = get_object_or_404(ReturnRequest.objects.select_related("order"), pk=pk)
        back = redirect(reverse(self.inspect_url_name, args=[return_request.pk]))
        form = ACTIONS[action].make_form(return_request, request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else str(error))
            return back
        data = dict(form.cleaned_data)
        if isinstance(form, ReceiveForm):
            data["outcomes"] = form.outcomes()
        try:
            message = HANDLERS[action](return_request, data, request.user)
        except (ReturnError, RefundError, InvalidTransition, PaymentError) as error:
            messages.error(request, str(error.message))
        else:
            # Made into text now, in the staff member's admin language.
            messages.success(request, str(message) % {"number": return_request.number})
        return back


class ReturnPhotoView(View):
    """The customer's photo, only for staff who may see returns (media files are otherwise public)."""

    http_method_names = ["get"]

    def get(self, request, pk):
        if not request.user.is_active or not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return_request = get_object_or_404(ReturnRequest, pk=pk)
        if not return_request.photo:
            raise Http404
        content_type = mimetypes.guess_type(return_request.photo.name)[0] or "application/octet-stream"
        response = FileResponse(return_request.photo.open("rb"), content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ReturnRequestFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Date requested"), widget=DateRangePickerWidget)

    class Meta:
        model = ReturnRequest
        fields = ["status", "reason"]


class ReturnRequestInspectView(generic.InspectView):
    template_name = "returns/admin/return_inspect.html"
    action_url_name = None
    photo_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(
            ReturnRequest.objects.select_related("order", "decided_by", "received_by", "refund"), pk=self.pk,
        )

    def get_page_title(self):
        return _("Return %(number)s") % {"number": self.object.number}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return_request = self.object
        order = return_request.order
        actions = [
            {"action": action, "form": action.make_form(return_request),
             "url": reverse(self.action_url_name, args=[return_request.pk, action.name])}
            for action in ACTIONS.values()
            if action.is_allowed(self.request.user) and action.is_offered(return_request)
        ]
        context.update({
            "return_request": return_request,
            "order": order,
            "lines": list(return_request.lines.select_related("order_line")),
            "returned_value": returned_value(return_request),
            "photo_url": reverse(self.photo_url_name, args=[return_request.pk]) if return_request.photo else "",
            "events": list(order.events.select_related("user")),
            "payments": list(order.payments.prefetch_related("refunds")),
            "actions": actions,
        })
        return context


class ReturnRequestViewSet(StaffActionsMixin, ModelViewSet):
    """Return requests: listing, detail page and actions; no generic editing. Name it "return_requests"."""

    model = ReturnRequest
    icon = "rotate"
    menu_label = _("Returns")
    menu_order = 220
    add_to_admin_menu = True
    url_prefix = "returns"
    inspect_view_enabled = True
    inspect_view_class = ReturnRequestInspectView
    filterset_class = ReturnRequestFilterSet
    search_fields = ["number", "order__number", "order__email", "order__name"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "number",
        DateColumn("created_at", label=_("Requested"), sort_key="created_at"),
        Column("order", label=_("Order"), accessor=lambda rr: rr.order.number, sort_key="order__number"),
        Column("email", label=_("Customer"), accessor=lambda rr: rr.order.email, sort_key="order__email"),
        Column("reason", label=_("Reason"), accessor="get_reason_display", sort_key="reason"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("refunded_amount", label=_("Refunded"),
               accessor=lambda rr: money(rr.refunded_amount) if rr.refunded_amount else ""),
    ]
    form_fields = ["staff_message"]  # never shown: the policy refuses add and edit
    action_view_class = ReturnActionView

    def get_queryset(self, request):
        return ReturnRequest.objects.select_related("order")

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(photo_url_name=self.get_url_name("photo"), **kwargs)

    @property
    def photo_view(self):
        return cache_control(private=True, no_store=True)(ReturnPhotoView.as_view())

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"photo/<{self.pk_path_converter}:pk>/", self.photo_view, name="photo"),
        ]


# Seen with returns.view_damagedstock; written only by "mark received", never by hand.
register_actions_only(DamagedStock)


class DamagedStockFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Date recorded"), widget=DateRangePickerWidget)

    class Meta:
        model = DamagedStock
        fields = []


class DamagedStockViewSet(ModelViewSet):
    """Units that came back unsellable, per SKU and return: a read-only record. Name it "damaged_stock"."""

    model = DamagedStock
    icon = "warning"
    menu_label = _("Damaged stock")
    menu_order = 221
    add_to_admin_menu = True
    url_prefix = "returns/damaged-stock"
    filterset_class = DamagedStockFilterSet
    search_fields = ["sku", "order__number", "note"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "sku",
        Column("quantity", label=_("Units"), sort_key="quantity"),
        Column("order", label=_("Order"), accessor=lambda item: item.order.number if item.order else ""),
        Column("return", label=_("Return"),
               accessor=lambda item: item.return_line.return_request.number if item.return_line else ""),
        "note",
        Column("created_by", label=_("By"), accessor=lambda item: item.created_by or ""),
        DateColumn("created_at", label=_("When"), sort_key="created_at"),
    ]
    form_fields = ["note"]  # never shown: the policy refuses add and edit

    def get_queryset(self, request):
        return DamagedStock.objects.select_related("order", "return_line__return_request", "created_by")
