"""Customer service tickets: what a customer asked, the conversation about it, and where it stands.

A Ticket is opened by the contact form or by the "need help with this order?"
form on an order page; every message in it (the customer's, the staff's
replies and the staff's internal notes) is a TicketMessage. The customer follows
and answers a ticket through a secret link (`token`); internal notes are never
shown to the customer nor emailed. Tickets only change through the services in
`support.tickets`, which keep the response-time moments (first answer, solved)
right for the report.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REFERENCE_OFFSET = 10000


def new_ticket_token():
    # 32 random bytes: unguessable, like the order links.
    return secrets.token_urlsafe(32)


def token_digest(token):
    """SHA-256 of a link token: tickets are looked up by it so lookup time tells nothing about the token."""
    return hashlib.sha256(str(token).encode()).hexdigest()


class TicketCategory(models.TextChoices):
    QUESTION = "question", _("Question")
    COMPLAINT = "complaint", _("Complaint")
    CLAIM = "claim", _("Claim")
    DELIVERY_PROBLEM = "delivery_problem", _("Delivery problem")


class TicketStatus(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING_ON_CUSTOMER = "waiting_on_customer", _("Waiting on customer")
    SOLVED = "solved", _("Solved")


class Ticket(models.Model):
    """One customer request, from the first message until it is solved."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)
    token = models.CharField(_("link token"), max_length=64, unique=True, default=new_ticket_token, editable=False)
    token_digest = models.CharField(_("link token digest"), max_length=64, unique=True, editable=False)
    subject = models.CharField(_("subject"), max_length=150)
    category = models.CharField(_("category"), max_length=20, choices=TicketCategory.choices,
                                default=TicketCategory.QUESTION, db_index=True)
    status = models.CharField(_("status"), max_length=24, choices=TicketStatus.choices, default=TicketStatus.NEW,
                              db_index=True)
    order = models.ForeignKey("checkout.Order", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="tickets", verbose_name=_("order"))
    name = models.CharField(_("customer name"), max_length=150)
    email = models.EmailField(_("customer email"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="tickets", verbose_name=_("customer account"))
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="assigned_tickets", verbose_name=_("assigned to"))
    language = models.CharField(_("language"), max_length=8, default="es")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    first_response_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.reference or '—'} · {self.subject}"

    def save(self, *args, **kwargs):
        self.token_digest = token_digest(self.token)
        super().save(*args, **kwargs)

    @property
    def is_solved(self):
        return self.status == TicketStatus.SOLVED

    def public_messages(self):
        """What the customer sees: their messages and the staff's replies, oldest first; never internal notes."""
        return self.messages.exclude(kind=MessageKind.INTERNAL_NOTE).order_by("created_at", "pk")


class MessageKind(models.TextChoices):
    CUSTOMER = "customer", _("Customer message")
    STAFF_REPLY = "staff_reply", _("Reply to the customer")
    INTERNAL_NOTE = "internal_note", _("Internal note")


class TicketMessage(models.Model):
    """One entry of a ticket's thread; internal notes stay between staff."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages", verbose_name=_("ticket"))
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("author"))
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("ticket message")
        verbose_name_plural = _("ticket messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.ticket.reference} · {self.get_kind_display()}"
