"""Services of customer service: open a ticket, add to its thread, assign it, move its status.

Every change runs in one transaction with the ticket row locked, so two staff
members answering at once keep both messages and the right first-answer time;
emails go out through `support.notifications` only after the change commits.
The response-time moments live here: `first_response_at` is set by the first
reply to the customer and never again; `solved_at` is set when a ticket is
solved and cleared when it is reopened.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import notifications
from .exceptions import InvalidTicketChange
from .models import REFERENCE_OFFSET, MessageKind, Ticket, TicketMessage, TicketStatus, token_digest

ANSWER_PERMISSION = "support.change_ticket"
STAFF_STATUSES = (TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.SOLVED)


def one_line(text):
    """Subjects go into email headers: no line breaks, no runs of spaces."""
    return " ".join(str(text).split())


def open_ticket(*, subject, category, body, name, email, language, order=None, user=None):
    """Create a ticket with the customer's first message; acknowledge it to the customer and tell the staff."""
    now = timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.create(
            subject=one_line(subject), category=category, name=one_line(name), email=email, language=language,
            order=order, user=user if user is not None and user.is_authenticated else None, created_at=now,
        )
        ticket.reference = f"T-{REFERENCE_OFFSET + ticket.pk}"
        Ticket.objects.filter(pk=ticket.pk).update(reference=ticket.reference)
        message = TicketMessage.objects.create(ticket=ticket, kind=MessageKind.CUSTOMER, body=body, created_at=now)
        notifications.acknowledge_ticket(ticket)
        notifications.tell_staff(message)
    return ticket


def find_ticket(token):
    """The ticket of a customer's link, or None. Looked up by digest and compared in constant time."""
    token = str(token or "")
    if not token or len(token) > 64:
        return None
    ticket = Ticket.objects.select_related("order").filter(token_digest=token_digest(token)).first()
    if ticket is None or not secrets.compare_digest(ticket.token.encode(), token.encode()):
        return None
    return ticket


def _locked(ticket):
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def _copy_state(source, target):
    for field in ("status", "assignee_id", "first_response_at", "solved_at", "updated_at"):
        setattr(target, field, getattr(source, field))


def _set_status(ticket, status, now):
    ticket.status = status
    if status == TicketStatus.SOLVED:
        ticket.solved_at = now
    else:
        ticket.solved_at = None


def add_customer_reply(ticket, body):
    """The customer answers through their link: the ticket is open again (a solved one reopens) and staff hear."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(ticket)
        message = TicketMessage.objects.create(ticket=locked, kind=MessageKind.CUSTOMER, body=body, created_at=now)
        _set_status(locked, TicketStatus.OPEN, now)
        locked.save(update_fields=["status", "solved_at", "updated_at"])
        notifications.tell_staff(message)
    _copy_state(locked, ticket)
    return message


def reply_to_customer(ticket, body, *, user, status=TicketStatus.WAITING_ON_CUSTOMER):
    """Answer the customer by email; the first answer starts the response-time clock's stop."""
    if status not in STAFF_STATUSES:
        raise InvalidTicketChange(_("Choose the status the ticket takes after your reply."))
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(ticket)
        message = TicketMessage.objects.create(
            ticket=locked, kind=MessageKind.STAFF_REPLY, author=user, body=body, created_at=now,
        )
        if locked.first_response_at is None:
            locked.first_response_at = now
        _set_status(locked, status, now)
        if locked.assignee_id is None:
            locked.assignee = user  # whoever answers first owns the ticket until someone reassigns it
        locked.save(update_fields=["status", "solved_at", "first_response_at", "assignee", "updated_at"])
        notifications.send_reply(message)
    _copy_state(locked, ticket)
    return message


def add_internal_note(ticket, body, *, user):
    """A note for the staff only: never shown to the customer, never emailed."""
    with transaction.atomic():
        locked = _locked(ticket)
        message = TicketMessage.objects.create(
            ticket=locked, kind=MessageKind.INTERNAL_NOTE, author=user, body=body, created_at=timezone.now(),
        )
        locked.save(update_fields=["updated_at"])
    _copy_state(locked, ticket)
    return message


def staff_who_can_answer():
    """Active users allowed to answer tickets (support.change_ticket directly, by group, or superusers)."""
    app_label, codename = ANSWER_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    user_model = get_user_model()
    granted = Q(is_superuser=True)
    if permission is not None:
        granted |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return user_model.objects.filter(granted, is_active=True).distinct().order_by(user_model.USERNAME_FIELD)


def assign_ticket(ticket, assignee, *, user):
    """Give the ticket to a staff member who can answer it, or to nobody (assignee None)."""
    if assignee is not None and not (assignee.is_active and assignee.has_perm(ANSWER_PERMISSION)):
        raise InvalidTicketChange(_("%(name)s cannot answer tickets.") % {"name": assignee.get_username()})
    with transaction.atomic():
        locked = _locked(ticket)
        locked.assignee = assignee
        locked.save(update_fields=["assignee", "updated_at"])
    _copy_state(locked, ticket)


def change_status(ticket, status, *, user):
    """Move the ticket to open, waiting on the customer or solved; solving stamps solved_at, reopening clears it."""
    if status not in STAFF_STATUSES:
        raise InvalidTicketChange(_("Tickets can be set to open, waiting on customer or solved."))
    with transaction.atomic():
        locked = _locked(ticket)
        if locked.status == status:
            raise InvalidTicketChange(_("The ticket is already %(status)s.") % {
                "status": str(TicketStatus(status).label).lower()})
        _set_status(locked, status, timezone.now())
        locked.save(update_fields=["status", "solved_at", "updated_at"])
    _copy_state(locked, ticket)
