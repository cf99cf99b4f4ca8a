"""A ticket's whole life through the real views: contact form, admin reply, customer reply by link, solved, report."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from support.models import MessageKind, Ticket, TicketStatus
from tests.markup import parse, text_of
from tests.support.conftest import CUSTOMER_SERVICE

pytestmark = pytest.mark.django_db


def link_in(email):
    return re.search(r"http://localhost(/es/support/ticket/[\w-]+/)", email.body).group(1)


def test_from_contact_form_to_solved_and_counted(client, agent_client, shop_settings, order,
                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("support:contact"), {
            "name": "Ana Pérez", "email": order.email, "category": "delivery_problem", "subject": "No llega",
            "message": "Pedido sin noticias.", "order_number": order.number,
        })
    ticket = Ticket.objects.get()
    acknowledgement = next(email for email in mail.outbox if email.to == [order.email])
    assert any(email.to == [CUSTOMER_SERVICE] for email in mail.outbox)
    mail.outbox.clear()

    inbox = agent_client.get(reverse("tickets:index")).content.decode()
    assert ticket.reference in inbox
    with django_capture_on_commit_callbacks(execute=True):
        agent_client.post(reverse("tickets:action", args=[ticket.pk, "note"]), {"body": "Preguntar a Correos"})
        agent_client.post(reverse("tickets:action", args=[ticket.pk, "reply"]),
                          {"body": "Lo hemos reclamado al transportista.", "status": "waiting_on_customer"})
    [reply_email] = mail.outbox
    assert "Lo hemos reclamado al transportista." in reply_email.body
    assert link_in(reply_email) == link_in(acknowledgement)
    mail.outbox.clear()

    link = link_in(reply_email)
    page = parse(client.get(link))
    assert "Lo hemos reclamado" in text_of(page.select_one(".ticket-thread"))
    assert "Preguntar a Correos" not in text_of(page)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"message": "Ya ha llegado, gracias."})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.OPEN
    [notice] = mail.outbox
    assert notice.to == ["marta@vitrina.example"] and "Ya ha llegado" in notice.body

    agent_client.post(reverse("tickets:action", args=[ticket.pk, "status"]), {"status": "solved"})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.SOLVED and ticket.solved_at >= ticket.first_response_at
    assert list(ticket.messages.values_list("kind", flat=True)) == [
        MessageKind.CUSTOMER, MessageKind.INTERNAL_NOTE, MessageKind.STAFF_REPLY, MessageKind.CUSTOMER]

    rows = agent_client.get("/admin/reports/support/response-times/").context["object_list"]
    delivery = next(row for row in rows if row["category"] == "delivery_problem")
    assert (delivery["tickets"], delivery["answered"], delivery["solved"]) == (1, 1, 1)
    assert delivery["median_first_answer_hours"] == 0.0
