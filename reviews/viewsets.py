"""Review moderation in the Wagtail admin: a listing, a detail page, approve / reject / delete.

Nobody edits a customer's words: the permission policy refuses the generic
add and edit views to everyone, and moderation goes through two small POST
actions (approve, reject with an internal note) that need
reviews.change_review. Seeing reviews needs reviews.view_review, deleting
needs reviews.delete_review; editors have none of them, so they see no menu
item and reach no customer data. Every change renews the product's cached
pages (reviews.moderation).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from vitrina.admin_actions import StaffActionsMixin
from vitrina.admin_permissions import register_actions_only

from .exceptions import ReviewError
from .models import MAX_RATING, MIN_RATING, Review, ReviewStatus
from .moderation import approve_review, delete_review, reject_review

MODERATE_PERMISSION = "reviews.change_review"


register_actions_only(Review, refused=("add", "change"))


def can_moderate(user):
    return user.is_active and user.has_perm(MODERATE_PERMISSION)


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("Why (internal note)"), required=False, max_length=500,
        help_text=_("Only staff see this note; the customer is not told why."),
    )


def _approve(review, data, user):
    approve_review(review, user=user)
    return _("The review “%(title)s” is approved and shows on the product page.")


def _reject(review, data, user):
    reject_review(review, user=user, note=data.get("note", ""))
    return _("The review “%(title)s” is rejected and does not show on the product page.")


ACTIONS = {"approve": (forms.Form, _approve), "reject": (RejectForm, _reject)}


class ReviewActionView(View):
    """POST approve or reject; ends in a redirect (back to `next` or the review) with a message."""

    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk, action):
        if not can_moderate(request.user) or action not in ACTIONS:
            raise PermissionDenied
        review = get_object_or_404(Review, pk=pk)
        form_class, handler = ACTIONS[action]
        form = form_class(request.POST)
        back = redirect(reverse(self.inspect_url_name, args=[review.pk]))
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, str(error))
            return back
        try:
            message = handler(review, form.cleaned_data, request.user)
        except ReviewError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, str(message) % {"title": review.title})
        return back


class ReviewInspectView(generic.InspectView):
    template_name = "reviews/admin/review_inspect.html"
    action_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(Review.objects.select_related("product", "order", "moderated_by"), pk=self.pk)

    def get_page_title(self):
        return _("Review “%(title)s”") % {"title": self.object.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object
        actions = []
        if can_moderate(self.request.user):
            if review.status != ReviewStatus.APPROVED:
                actions.append({"name": "approve", "label": _("Approve"), "form": forms.Form(),
                                "url": reverse(self.action_url_name, args=[review.pk, "approve"]), "classes": "button"})
            if review.status != ReviewStatus.REJECTED:
                actions.append({"name": "reject", "label": _("Reject"), "form": RejectForm(auto_id="id_reject_%s"),
                                "url": reverse(self.action_url_name, args=[review.pk, "reject"]),
                                "classes": "button no"})
        context.update({"review": review, "actions": actions, "order_url": _order_admin_url(review)})
        return context


def _order_admin_url(review):
    if review.order_id is None:
        return ""
    try:
        return reverse("orders:inspect", args=[review.order_id])
    except NoReverseMatch:
        return ""


class ReviewDeleteView(generic.DeleteView):
    """Deleting a review also renews the product's cached pages."""

    def delete_action(self):
        delete_review(self.object)


class ReviewIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("product")


class ReviewFilterSet(WagtailFilterSet):
    rating = django_filters.ChoiceFilter(
        label=_("Rating"), choices=[(n, str(n)) for n in range(MAX_RATING, MIN_RATING - 1, -1)],
        widget=forms.RadioSelect, empty_label=_("All"),
    )

    class Meta:
        model = Review
        fields = ["status", "rating"]


class ReviewViewSet(StaffActionsMixin, ModelViewSet):
    """Customers' product reviews, for customer service to approve or reject before they appear."""

    model = Review
    name = "review_moderation"  # not "reviews": that is the namespace of the public review URLs
    url_prefix = "reviews"
    icon = "pick"
    menu_label = _("Reviews")
    add_to_admin_menu = True
    index_view_class = ReviewIndexView
    inspect_view_enabled = True
    inspect_view_class = ReviewInspectView
    delete_view_class = ReviewDeleteView
    filterset_class = ReviewFilterSet
    search_fields = ["title", "body", "author_name"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "title",
        Column("product", label=_("Product"), accessor=lambda review: review.product.title),
        Column("rating", label=_("Rating"), sort_key="rating"),
        Column("author_name", label=_("Author"), sort_key="author_name"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Written"), sort_key="created_at"),
    ]
    form_fields = ["status"]  # never shown: the policy refuses add and edit
    action_view_class = ReviewActionView
