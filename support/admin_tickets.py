"""Tickets in the Wagtail admin: the inspect page with the thread and the actions that answer a ticket.

Tickets are never edited through a generic form: the permission policy
refuses add, change and delete there, and staff act through small POST forms
(reply, internal note, assign, change status) that call `support.tickets`.
Seeing tickets needs support.view_ticket; acting on them needs
support.change_ticket. Editors have neither: no menu item, no customer data.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views import generic

from vitrina.admin_permissions import register_actions_only

from .exceptions import SupportError
from .forms import MESSAGE_MAX_LENGTH
from .models import Ticket, TicketStatus
from .tickets import (
    ANSWER_PERMISSION,
    STAFF_STATUSES,
    add_internal_note,
    assign_ticket,
    change_status,
    reply_to_customer,
    staff_who_can_answer,
)

VIEW_PERMISSION = "support.view_ticket"


register_actions_only(Ticket)


def can_view(user):
    return user.is_active and user.has_perm(VIEW_PERMISSION)


def can_answer(user):
    return user.is_active and user.has_perm(ANSWER_PERMISSION)


def _staff_statuses():
    return [(status.value, status.label) for status in STAFF_STATUSES]


def _body_field(label):
    return forms.CharField(label=label, max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}))


class ReplyForm(forms.Form):
    body = _body_field(_("Reply to the customer"))
    status = forms.ChoiceField(label=_("Then set the ticket to"), choices=_staff_statuses,
                               initial=TicketStatus.WAITING_ON_CUSTOMER)


class InternalNoteForm(forms.Form):
    body = _body_field(_("Internal note (the customer never sees it)"))


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False,
                                      empty_label=_("Nobody"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_who_can_answer()
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class AssignToMeForm(forms.Form):
    pass


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=_staff_statuses)


def _reply(ticket, data, user):
    reply_to_customer(ticket, data["body"], user=user, status=data["status"])
    return _("Your reply to %(reference)s has been emailed to the customer.")


def _note(ticket, data, user):
    add_internal_note(ticket, data["body"], user=user)
    return _("Internal note added to %(reference)s.")


def _assign(ticket, data, user):
    assign_ticket(ticket, data["assignee"], user=user)
    if data["assignee"] is None:
        return _("Ticket %(reference)s is now unassigned.")
    return _("Ticket %(reference)s is assigned.")


def _assign_to_me(ticket, data, user):
    assign_ticket(ticket, user, user=user)
    return _("Ticket %(reference)s is assigned to you.")


def _status(ticket, data, user):
    change_status(ticket, data["status"], user=user)
    return _("Ticket %(reference)s is now %(status)s.")


class Action:
    """One thing staff can do to a ticket: its label, form and handler."""

    def __init__(self, name, label, form_class, handler, button_class="button"):
        self.name = name
        self.label = label
        self.form_class = form_class
        self.handler = handler
        self.button_class = button_class

    def make_form(self, ticket, data=None):
        initial = {}
        if self.name == "assign":
            initial["assignee"] = ticket.assignee_id
        if self.name == "status":
            initial["status"] = ticket.status
        return self.form_class(data, initial=initial, auto_id=f"id_{self.name}_%s")


ACTIONS = {
    action.name: action
    for action in (
        Action("reply", _("Send reply"), ReplyForm, _reply),
        Action("note", _("Add internal note"), InternalNoteForm, _note, "button button-secondary"),
        Action("assign_to_me", _("Assign to me"), AssignToMeForm, _assign_to_me, "button button-secondary"),
        Action("assign", _("Assign"), AssignForm, _assign, "button button-secondary"),
        Action("status", _("Change status"), StatusForm, _status, "button button-secondary"),
    )
}


class TicketActionView(View):
    """POST one action's form; always ends in a redirect to the ticket with a success or error message."""

    http_method_names = ["post"]
    inspect_url_name = None

    def post(self, request, pk, action):
        if not can_answer(request.user) or action not in ACTIONS:
            raise PermissionDenied
        ticket = get_object_or_404(Ticket, pk=pk)
        back = redirect(reverse(self.inspect_url_name, args=[ticket.pk]))
        form = ACTIONS[action].make_form(ticket, request.POST)
        if not form.is_valid():
            # Keep what was typed: the inspect page puts it back into the form.
            request.session[f"support_ticket_{ticket.pk}_{action}"] = request.POST.get("body", "")
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else str(error))
            return back
        try:
            message = ACTIONS[action].handler(ticket, form.cleaned_data, request.user)
        except SupportError as error:
            messages.error(request, str(error.message))
        else:
            # Made into text here, in the staff member's admin language.
            messages.success(request, str(message) % {
                "reference": ticket.reference, "status": str(ticket.get_status_display()).lower()})
        return back


class TicketInspectView(generic.InspectView):
    template_name = "support/admin/ticket_inspect.html"
    action_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(Ticket.objects.select_related("order", "user", "assignee"), pk=self.pk)

    def get_page_title(self):
        return _("Ticket %(reference)s") % {"reference": self.object.reference}

    def get_page_subtitle(self):
        return self.object.subject

    def _actions(self):
        ticket = self.object
        actions = []
        for action in ACTIONS.values():
            if action.name == "assign_to_me" and ticket.assignee_id == self.request.user.pk:
                continue
            form = action.make_form(ticket)
            typed = self.request.session.pop(f"support_ticket_{ticket.pk}_{action.name}", None)
            if typed and "body" in form.fields:
                form.initial["body"] = typed
            actions.append({"action": action, "form": form,
                            "url": reverse(self.action_url_name, args=[ticket.pk, action.name])})
        return actions

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({
            "ticket": self.object,
            "thread": list(self.object.messages.select_related("author")),
            "actions": self._actions() if can_answer(self.request.user) else [],
            "order_url": reverse("orders:inspect", args=[self.object.order_id])
            if self.object.order_id and self.request.user.has_perm("checkout.view_order") else "",
        })
        return context
