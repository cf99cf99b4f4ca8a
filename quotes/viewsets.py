"""Quote requests in the Wagtail admin: the sales inbox, the follow-up form and "I'll take it".

Requests come from customers only: the permission policy refuses "add" to
everyone, and the edit form changes only status, owner and internal notes
(the customer's fields are shown read-only, never part of the form). Seeing
the inbox needs quotes.view_quoterequest, following requests up
quotes.change_quoterequest; editors have neither, so they get no menu item
and no customer data.
"""

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from vitrina.admin_permissions import register_actions_only

from .models import QuoteRequest
from .requests import record_follow_up, take_quote_request

CHANGE_PERMISSION = "quotes.change_quoterequest"


register_actions_only(QuoteRequest, refused=("add",))


def sales_staff():
    """Who can own a request: active users allowed to follow requests up (superusers included)."""
    users = get_user_model().objects.with_perm(CHANGE_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
    return users.order_by("first_name", "last_name", "username")


def staff_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class QuoteRequestForm(WagtailAdminModelForm):
    """Status, owner and notes; the owner is chosen among sales staff, a status change is timestamped."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            self.fields["owner"].queryset = sales_staff()
            self.fields["owner"].label_from_instance = staff_name

    def save(self, commit=True):
        instance = super().save(commit=False)
        if commit:
            record_follow_up(instance, status_changed="status" in self.changed_data)
        return instance


def _read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class QuoteRequestFilterSet(WagtailFilterSet):
    owner = django_filters.ModelChoiceFilter(label=_("Owner"), queryset=lambda request: sales_staff())

    class Meta:
        model = QuoteRequest
        fields = ["status", "owner"]


class QuoteRequestIndexView(generic.IndexView):
    """The inbox; owners are joined so the listing costs one query per page."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("owner")


class QuoteRequestEditView(generic.EditView):
    """The follow-up form, with the customer's request above it and an "I'll take it" button."""

    take_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.owner_id != self.request.user.pk:
            context["take_url"] = reverse(self.take_url_name, args=[self.object.pk])
        return context


class TakeQuoteRequestView(View):
    """POST: the staff member becomes the request's owner; back to the request with a message."""

    http_method_names = ["post"]
    edit_url_name = None

    def post(self, request, pk):
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        quote = get_object_or_404(QuoteRequest, pk=pk)
        take_quote_request(quote, request.user)
        messages.success(request, gettext("You now own quote request %(reference)s.") % {
            "reference": quote.reference})
        return redirect(reverse(self.edit_url_name, args=[quote.pk]))


class QuoteRequestViewSet(ModelViewSet):
    """The sales inbox of quote requests: newest first, filtered by status and owner, searchable."""

    model = QuoteRequest
    name = "quote_requests"
    icon = "mail"
    menu_label = _("Quote requests")
    add_to_admin_menu = True
    url_prefix = "quote-requests"
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = QuoteRequestIndexView
    edit_view_class = QuoteRequestEditView
    edit_template_name = "quotes/admin/edit.html"
    filterset_class = QuoteRequestFilterSet
    search_fields = ["reference", "company", "email", "contact_name", "product_title"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "reference",
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
        Column("company", label=_("Company"), sort_key="company"),
        Column("contact_name", label=_("Contact"), sort_key="contact_name"),
        Column("product_title", label=_("Product"), sort_key="product_title"),
        Column("quantity", label=_("Quantity"), sort_key="quantity"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("owner", label=_("Owner"), accessor=lambda quote: staff_name(quote.owner), sort_key="owner"),
    ]
    inspect_view_fields = [
        "reference", "created_at", "status", "owner", "status_changed_at", "product_title", "sku", "option_label",
        "quantity", "company", "contact_name", "email", "phone", "city", "region", "country", "message", "language",
        "internal_notes",
    ]
    edit_handler = ObjectList([
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("status"), FieldPanel("owner")]),
            FieldPanel("internal_notes"),
        ], heading=_("Follow-up")),
        MultiFieldPanel(_read_only("reference", "created_at", "product_title", "sku", "option_label", "quantity"),
                        heading=_("What the customer asks for")),
        MultiFieldPanel(_read_only("company", "contact_name", "email", "phone", "language"),
                        heading=_("Customer")),
        MultiFieldPanel(_read_only("city", "region", "country", "message"), heading=_("Delivery and message")),
    ], base_form_class=QuoteRequestForm)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(take_url_name=self.get_url_name("take"), **kwargs)

    @property
    def take_view(self):
        return TakeQuoteRequestView.as_view(edit_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"take/<{self.pk_path_converter}:pk>/", self.take_view, name="take"),
        ]
