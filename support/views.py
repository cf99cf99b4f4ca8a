"""The customer's side of customer service: the contact form, help with an order, and the ticket link.

Every page here holds personal data or a form for it: private, never stored
by caches, noindex. Views validate a form and call one service of
`support.tickets`.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from checkout.models import Order

from .forms import ContactForm, CustomerReplyForm, OrderHelpForm
from .tickets import add_customer_reply, find_ticket, open_ticket


def _prefill(user):
    if not user.is_authenticated:
        return {}
    return {"name": user.get_full_name() or user.get_username(), "email": user.email}


@cache_control(private=True, no_store=True)
def contact(request):
    form = ContactForm(request.POST or None, initial=_prefill(request.user))
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            return redirect("support:contact_sent")
        data = form.cleaned_data
        ticket = open_ticket(
            subject=data["subject"], category=data["category"], body=data["message"], name=data["name"],
            email=data["email"], language=translation.get_language(), order=form.order, user=request.user,
        )
        messages.success(request, _(
            "Thank you: we have received your message. Your ticket is %(reference)s; "
            "we have emailed you a link to follow it and we will answer you by email soon."
        ) % {"reference": ticket.reference})
        return redirect("support:contact_sent")
    return render(request, "support/contact.html", {"form": form})


@cache_control(private=True, no_store=True)
def contact_sent(request):
    return render(request, "support/contact_sent.html")


@require_POST
@cache_control(private=True, no_store=True)
def order_help(request, token):
    """The form at the end of the order page. Errors show on a page of its own, with the text kept."""
    order = get_object_or_404(Order, token=token)
    form = OrderHelpForm(request.POST)
    if not form.is_valid():
        return render(request, "support/order_help.html", {"form": form, "order": order})
    data = form.cleaned_data
    ticket = open_ticket(
        subject=data["subject"], category=data["category"], body=data["message"], name=order.name,
        email=order.email, language=order.language, order=order, user=order.user,
    )
    messages.success(request, _(
        "Thank you: we have received your message about this order (ticket %(reference)s). "
        "We will answer you by email."
    ) % {"reference": ticket.reference})
    return redirect(reverse("checkout:order", args=[order.token]) + "#order-help")


@cache_control(private=True, no_store=True)
def ticket_page(request, token):
    """The customer's ticket: the conversation without internal notes, and a form to answer."""
    ticket = find_ticket(token)
    if ticket is None:
        return render(request, "support/ticket_not_found.html", status=404)
    form = CustomerReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_customer_reply(ticket, form.cleaned_data["message"])
        messages.success(request, _("Your reply has been added to the ticket. We will answer you by email."))
        return redirect("support:ticket", token=ticket.token)
    return render(request, "support/ticket.html", {
        "ticket": ticket, "thread": ticket.public_messages().select_related("author"), "form": form,
    })
