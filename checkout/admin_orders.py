"""Orders in the Wagtail admin: a listing, a detail page and the actions that run an order.

Orders are never edited through a generic form: the permission policy refuses
add, change and delete to everyone, and every change goes through an action
(mark paid, packed, shipped, delivered, cancel, refund), a small POST form
that calls the state machine in checkout.orders. Seeing orders needs
checkout.view_order; running them needs checkout.manage_orders (both given to
the "Shop staff" group by migration 0003). Editors have neither, so they see no
Orders menu and reach no customer data.
"""

import uuid

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.templatetags.site_tags import money
from vitrina.admin_actions import StaffActionsMixin
from vitrina.admin_permissions import register_actions_only

from .exceptions import PaymentError
from .models import Order, OrderStatus, Payment, PaymentMethod, PaymentStatus
from .notifications import notify_customer
from .orders import InvalidTransition, can_transition, transition
from .refunds import RefundError, refund_payment, refundable_amount, refundable_payments
from .reservations import release_order_stock

MANAGE_PERMISSION = "checkout.manage_orders"
OFFLINE_METHODS = (PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH_ON_DELIVERY)


register_actions_only(Order)


def can_manage(user):
    return user.is_active and user.has_perm(MANAGE_PERMISSION)


# Forms of the actions

class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class ShippedForm(NoteForm):
    carrier = forms.CharField(label=_("Carrier"), max_length=60)
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=80)


class RefundForm(forms.Form):
    payment = forms.ModelChoiceField(label=_("Payment"), queryset=Payment.objects.none(), empty_label=None)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=12, decimal_places=2, min_value=0.01, required=False,
        help_text=_("Leave empty to refund all that is left."),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=200)
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [payment.pk for payment in refundable_payments(order)]
        self.fields["payment"].queryset = order.payments.filter(pk__in=ids)
        self.fields["payment"].label_from_instance = lambda payment: _(
            "%(method)s — %(left)s left of %(amount)s"
        ) % {"method": payment.get_method_display(), "left": money(refundable_amount(payment)),
             "amount": money(payment.amount)}
        if ids:
            self.fields["payment"].initial = ids[0]
        self.fields["key"].initial = uuid.uuid4().hex


class Action:
    """One thing staff can do to an order: its form, when it is offered and what it does."""

    def __init__(self, name, label, target, form_class=NoteForm, button_class="button"):
        self.name = name
        self.label = label
        self.target = target
        self.form_class = form_class
        self.button_class = button_class

    def make_form(self, order, data=None):
        kwargs = {"auto_id": f"id_{self.name}_%s"}
        if self.form_class is RefundForm:
            kwargs["order"] = order
        return self.form_class(data, **kwargs)

    def is_offered(self, order):
        if self.name == "mark_paid" and order.payment_method not in OFFLINE_METHODS:
            return False
        if self.name == "refund":
            return bool(refundable_payments(order))
        return can_transition(order, self.target)


ACTIONS = {
    action.name: action
    for action in (
        Action("mark_paid", _("Mark paid"), OrderStatus.PAID),
        Action("mark_packed", _("Mark packed"), OrderStatus.PACKED),
        Action("mark_shipped", _("Mark shipped"), OrderStatus.SHIPPED, ShippedForm),
        Action("mark_delivered", _("Mark delivered"), OrderStatus.DELIVERED),
        Action("cancel", _("Cancel order"), OrderStatus.CANCELLED, button_class="button no"),
        Action("refund", _("Refund"), None, RefundForm, button_class="button no"),
    )
}


# What each action does; each returns the success message or raises InvalidTransition / RefundError.

def _mark_paid(order, data, user):
    if order.payment_method not in OFFLINE_METHODS:
        raise RefundError(_("Only bank transfer and cash payments are marked paid by hand."))
    with transaction.atomic():
        _record_offline_payment(order, user)
        transition(order, OrderStatus.PAID, user=user, note=data["note"])
        notify_customer(order, "paid")
    return _("Order %(number)s is marked paid.")


def _record_offline_payment(order, user):
    method = PaymentMethod.BANK_TRANSFER if order.payment_method == PaymentMethod.BANK_TRANSFER else \
        PaymentMethod.CASH_ON_DELIVERY
    return Payment.objects.create(
        order=order, method=method, status=PaymentStatus.CAPTURED, amount=order.total, currency=order.currency,
        recorded_by=user,
    )


def _mark_packed(order, data, user):
    transition(order, OrderStatus.PACKED, user=user, note=data["note"])
    return _("Order %(number)s is marked packed.")


def _mark_shipped(order, data, user):
    with transaction.atomic():
        note = f"{data['carrier']} {data['tracking_number']}"
        if data["note"]:
            note = f"{note} — {data['note']}"
        transition(order, OrderStatus.SHIPPED, user=user, note=note)
        Order.objects.filter(pk=order.pk).update(carrier=data["carrier"], tracking_number=data["tracking_number"])
        notify_customer(order, "shipped")
    return _("Order %(number)s is marked shipped.")


def _mark_delivered(order, data, user):
    with transaction.atomic():
        cash_unpaid = (order.payment_method == PaymentMethod.CASH_ON_DELIVERY
                       and not order.payments.filter(status=PaymentStatus.CAPTURED).exists())
        transition(order, OrderStatus.DELIVERED, user=user, note=data["note"])
        if cash_unpaid:  # cash on delivery is paid on delivery
            _record_offline_payment(order, user)
    return _("Order %(number)s is marked delivered.")


def _cancel(order, data, user):
    with transaction.atomic():
        transition(order, OrderStatus.CANCELLED, user=user, note=data["note"])
        notify_customer(order, "cancelled")
    release_order_stock(order)
    for payment in refundable_payments(order):
        if payment.method == PaymentMethod.PAYPAL:
            try:
                refund_payment(payment, None, user=user, reason=str(_("Order cancelled")), key="cancel")
            except RefundError as error:
                raise RefundError(
                    _("Order %(number)s is cancelled, but its PayPal payment was not refunded: %(error)s")
                    % {"number": order.number, "error": error.message}
                ) from error
    if any(payment.method != PaymentMethod.PAYPAL for payment in refundable_payments(order)):
        return _("Order %(number)s is cancelled. Send the customer's money back and record it with “Refund”.")
    return _("Order %(number)s is cancelled.")


def _refund(order, data, user):
    refund_payment(data["payment"], data["amount"], user=user, reason=data["reason"], key=data["key"])
    return _("The refund of order %(number)s is recorded.")


HANDLERS = {
    "mark_paid": _mark_paid,
    "mark_packed": _mark_packed,
    "mark_shipped": _mark_shipped,
    "mark_delivered": _mark_delivered,
    "cancel": _cancel,
    "refund": _refund,
}


class OrderActionView(View):
    """POST one action's form; always ends in a redirect to the order with a success or error message."""

    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk, action):
        if not can_manage(request.user):
            raise PermissionDenied
        if action not in ACTIONS:
            raise PermissionDenied
        order = get_object_or_404(Order, pk=pk)
        back = redirect(reverse(self.inspect_url_name, args=[order.pk]))
        form = ACTIONS[action].make_form(order, request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else str(error))
            return back
        # Messages are made into text here, in the staff member's admin language;
        # stored lazily they would be rendered later in the site's default one.
        try:
            message = HANDLERS[action](order, form.cleaned_data, request.user)
        except (InvalidTransition, RefundError, PaymentError) as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, str(message) % {"number": order.number})
        return back


# Listing and detail

class OrderFilterSet(WagtailFilterSet):
    placed_at = django_filters.DateFromToRangeFilter(label=_("Date placed"), widget=DateRangePickerWidget)

    class Meta:
        model = Order
        fields = ["status", "payment_method"]


class OrderInspectView(generic.InspectView):
    template_name = "checkout/admin/order_inspect.html"
    action_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(Order.objects.select_related("user", "shipping_method"), pk=self.pk)

    def get_page_title(self):
        return _("Order %(number)s") % {"number": self.object.number}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        payments = list(order.payments.prefetch_related("refunds").select_related("recorded_by"))
        actions = []
        if can_manage(self.request.user):
            for action in ACTIONS.values():
                if action.is_offered(order):
                    actions.append({
                        "action": action, "form": action.make_form(order),
                        "url": reverse(self.action_url_name, args=[order.pk, action.name]),
                    })
        context.update({
            "order": order,
            "lines": list(order.lines.all()),
            "payments": payments,
            "events": list(order.events.select_related("user")),
            "actions": actions,
        })
        return context


class OrderViewSet(StaffActionsMixin, ModelViewSet):
    """Orders of the shop, in the "Sales" menu: listing, detail page and actions; no generic editing."""

    model = Order
    icon = "clipboard-list"
    menu_label = _("Orders")
    add_to_admin_menu = False
    url_prefix = "orders"
    inspect_view_enabled = True
    inspect_view_class = OrderInspectView
    filterset_class = OrderFilterSet
    search_fields = ["number", "email", "name"]
    search_backend_name = None
    ordering = ["-placed_at", "-pk"]
    list_per_page = 50
    list_display = [
        "number",
        DateColumn("placed_at", label=_("Placed"), sort_key="placed_at"),
        Column("name", label=_("Customer"), sort_key="name"),
        "email",
        Column("total", label=_("Total"), accessor=lambda order: money(order.total), sort_key="total"),
        Column("payment_method", label=_("Payment"), accessor="get_payment_method_display",
               sort_key="payment_method"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
    ]
    form_fields = ["carrier", "tracking_number"]  # never shown: the policy refuses add and edit
    action_view_class = OrderActionView
