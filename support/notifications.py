"""Emails about tickets, sent through the tasks framework once the change that causes them commits.

The customer gets an acknowledgement with their reference and reply link, and
each staff reply (plain text, with the link again). The staff get the new
ticket or the customer's answer at the assignee's address, or at the shop's
customer service address when nobody has the ticket yet. Internal notes are
never emailed: nothing here sends them.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from vitrina.emails import absolute_url, send_email, staff_address

ADMIN_INSPECT_URL_NAME = "tickets:inspect"


def acknowledge_ticket(ticket):
    transaction.on_commit(partial(send_acknowledgement.enqueue, ticket.pk))


def tell_staff(message):
    transaction.on_commit(partial(send_staff_notice.enqueue, message.pk))


def send_reply(message):
    transaction.on_commit(partial(send_staff_reply.enqueue, message.pk))


def ticket_url(ticket):
    """The customer's link to their ticket, in their language."""
    with translation.override(ticket.language):
        return absolute_url(reverse("support:ticket", args=[ticket.token]))


def _reply_to():
    address = staff_address("customer_service_email")
    return [address] if address else None


@task()
def send_acknowledgement(ticket_id):
    from .models import Ticket

    ticket = Ticket.objects.get(pk=ticket_id)
    send_email(
        to=ticket.email, subject=_("We have received your message (%(reference)s)"),
        template="support/emails/acknowledgement", language=ticket.language, reply_to=_reply_to(),
        context={"ticket": ticket, "reference": ticket.reference, "ticket_url": ticket_url(ticket),
                 "message": ticket.messages.first()},
    )


@task()
def send_staff_reply(message_id):
    from .models import MessageKind, TicketMessage

    message = TicketMessage.objects.select_related("ticket").get(pk=message_id)
    if message.kind != MessageKind.STAFF_REPLY:  # only replies ever reach the customer
        return
    ticket = message.ticket
    send_email(
        to=ticket.email, subject=_("Re: %(ticket_subject)s (%(reference)s)"),
        template="support/emails/staff_reply", language=ticket.language, reply_to=_reply_to(),
        context={"ticket": ticket, "ticket_subject": ticket.subject, "reference": ticket.reference,
                 "ticket_url": ticket_url(ticket), "message": message},
    )


@task()
def send_staff_notice(message_id):
    from .models import MessageKind, TicketMessage

    message = TicketMessage.objects.select_related("ticket__assignee", "ticket__order").get(pk=message_id)
    if message.kind != MessageKind.CUSTOMER:
        return
    ticket = message.ticket
    assignee_email = ticket.assignee.email if ticket.assignee_id and ticket.assignee.is_active else ""
    is_new = ticket.messages.order_by("created_at", "pk").values_list("pk", flat=True).first() == message.pk
    subject = _("New ticket %(reference)s: %(ticket_subject)s") if is_new else \
        _("Customer reply on %(reference)s: %(ticket_subject)s")
    send_email(
        to=assignee_email or staff_address("customer_service_email"), subject=subject,
        # No Reply-To the customer: answers must go through the admin so they join the thread.
        template="support/emails/staff_notice", language=settings.LANGUAGE_CODE,
        context={"ticket": ticket, "ticket_subject": ticket.subject, "reference": ticket.reference,
                 "message": message, "is_new": is_new,
                 "admin_url": absolute_url(reverse(ADMIN_INSPECT_URL_NAME, args=[ticket.pk]))},
    )
