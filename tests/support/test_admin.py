"""The ticket inbox in the admin: listing, thread, reply, note, assign, status, and who may do what."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from support.models import MessageKind, Ticket, TicketStatus
from tests.checkout.test_admin import menu_labels
from tests.clients import english_admin_client
from tests.support.conftest import CUSTOMER_SERVICE, admin_user_with
from tests.support.helpers import new_ticket

pytestmark = pytest.mark.django_db


def act(client, ticket, action, **data):
    """POST an action's form; returns (status, [messages in English]); 403 when Wagtail refused it."""
    response = client.post(reverse("tickets:action", args=[ticket.pk, action]), data, follow=True)
    ticket.refresh_from_db()
    if not response.redirect_chain:
        return response.status_code, []
    url, status = response.redirect_chain[0]
    if url != reverse("tickets:inspect", args=[ticket.pk]):
        return 403, []  # Wagtail turns PermissionDenied into a redirect to the dashboard
    with translation.override("en"):
        return status, [str(message.message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def ticket(shop_settings, order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = new_ticket(order=order)
    mail.outbox.clear()
    return ticket


# Listing

def test_inbox_lists_unsolved_first_and_filters_and_searches(agent_client, agent, shop_settings):
    old_open = new_ticket(subject="Antiguo", email="luis@example.com")
    solved = new_ticket(subject="Resuelto", category="complaint")
    newest = new_ticket(subject="Reciente", category="claim")
    Ticket.objects.filter(pk=old_open.pk).update(created_at=timezone.now() - timedelta(days=5))
    Ticket.objects.filter(pk=solved.pk).update(status=TicketStatus.SOLVED, created_at=timezone.now() + timedelta(1))
    Ticket.objects.filter(pk=newest.pk).update(assignee=agent, status=TicketStatus.OPEN)
    url = reverse("tickets:index")

    def references(**params):
        response = agent_client.get(url, params)
        assert response.status_code == 200
        return [ticket.reference for ticket in response.context["object_list"]]

    assert references() == [newest.reference, old_open.reference, solved.reference]
    assert references(status="solved") == [solved.reference]
    assert references(category="claim") == [newest.reference]
    assert references(assignee=agent.pk) == [newest.reference]
    assert references(mine="true") == [newest.reference]
    assert references(q="luis@example") == [old_open.reference]
    assert references(q=solved.reference) == [solved.reference]
    assert references(q="Recien") == [newest.reference]
    content = agent_client.get(url).content.decode()
    assert "Delivery problem" in content and "luis@example.com" in content and newest.order is None
    assert reverse("tickets:inspect", args=[newest.pk]) in content
    assert reverse("tickets:add") not in content


def test_tickets_cannot_be_added_edited_or_deleted_through_generic_forms(admin_client, ticket):
    assert admin_client.get(reverse("tickets:add")).status_code in (302, 403)
    assert admin_client.get(reverse("tickets:edit", args=[ticket.pk])).status_code in (302, 403)
    assert admin_client.post(reverse("tickets:delete", args=[ticket.pk])).status_code in (302, 403)
    assert Ticket.objects.filter(pk=ticket.pk).exists()


def test_inspect_page_shows_the_whole_thread_with_notes_and_the_order(agent_client, ticket, agent):
    act(agent_client, ticket, "note", body="Llamar a Correos")

    response = agent_client.get(reverse("tickets:inspect", args=[ticket.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "No ha llegado todavía." in content and "Llamar a Correos" in content
    assert 'data-message-kind="internal_note"' in content and ticket.order.number in content
    for action in ("reply", "note", "assign_to_me", "assign", "status"):
        assert f'data-ticket-action="{action}"' in content


# Actions

def test_reply_emails_the_customer_plain_text_and_sets_first_response_once(
        agent_client, agent, ticket, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        status, texts = act(agent_client, ticket, "reply", body="Hola Ana:\n<b>mañana</b> llega.",
                            status="waiting_on_customer")

    assert (status, texts) == (302, [f"Your reply to {ticket.reference} has been emailed to the customer."])
    first = ticket.first_response_at
    assert first is not None and ticket.status == TicketStatus.WAITING_ON_CUSTOMER and ticket.assignee == agent
    reply = ticket.messages.get(kind=MessageKind.STAFF_REPLY)
    assert reply.author == agent
    [email] = mail.outbox
    assert email.to == ["ana@example.com"] and email.reply_to == [CUSTOMER_SERVICE]
    assert ticket.reference in email.subject and "¿Dónde está mi pedido?" in email.subject
    assert "<b>mañana</b> llega." in email.body
    html = email.alternatives[0][0]
    assert "&lt;b&gt;mañana&lt;/b&gt; llega." in html and "<b>mañana</b>" not in html
    assert f"/es/support/ticket/{ticket.token}/" in email.body

    with django_capture_on_commit_callbacks(execute=True):
        act(agent_client, ticket, "reply", body="Ya está en reparto.", status="solved")
    assert ticket.first_response_at == first
    assert ticket.status == TicketStatus.SOLVED and ticket.solved_at is not None
    assert len(mail.outbox) == 2


def test_an_empty_reply_is_refused_with_a_message_and_nothing_is_sent(
        agent_client, ticket, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        status, texts = act(agent_client, ticket, "reply", body="", status="open")

    assert status == 302 and texts and texts[0].startswith("Reply to the customer:")
    assert ticket.first_response_at is None and not mail.outbox
    assert not ticket.messages.filter(kind=MessageKind.STAFF_REPLY).exists()


def test_a_reply_with_a_bad_status_keeps_the_text_typed(agent_client, ticket):
    response = agent_client.post(reverse("tickets:action", args=[ticket.pk, "reply"]),
                                 {"body": "Texto largo que no se pierde", "status": "new"})
    assert response["Location"] == reverse("tickets:inspect", args=[ticket.pk])

    page = agent_client.get(response["Location"])
    with translation.override("en"):
        texts = [str(message.message) for message in get_messages(page.wsgi_request)]
    assert texts[0].startswith("Then set the ticket to:")
    assert "Texto largo que no se pierde</textarea>" in page.content.decode()
    assert ticket.messages.count() == 1


def test_internal_note_is_stored_and_not_emailed(agent_client, agent, ticket, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        status, texts = act(agent_client, ticket, "note", body="Cliente habitual")

    assert texts == [f"Internal note added to {ticket.reference}."]
    note = ticket.messages.get(kind=MessageKind.INTERNAL_NOTE)
    assert (note.body, note.author) == ("Cliente habitual", agent)
    assert not mail.outbox and ticket.first_response_at is None and ticket.status == TicketStatus.NEW


def test_assign_to_me_to_a_colleague_to_nobody_and_never_to_someone_without_access(
        agent_client, agent, ticket, django_user_model, editor):
    colleague = admin_user_with(django_user_model, "pablo", ["view_ticket", "change_ticket"])

    assert act(agent_client, ticket, "assign_to_me")[1] == [f"Ticket {ticket.reference} is assigned to you."]
    assert ticket.assignee == agent
    assert act(agent_client, ticket, "assign", assignee=colleague.pk)[1] == [
        f"Ticket {ticket.reference} is assigned."]
    assert ticket.assignee == colleague
    status, texts = act(agent_client, ticket, "assign", assignee=editor.pk)
    assert status == 302 and texts[0].startswith("Assign to:") and ticket.assignee == colleague
    assert act(agent_client, ticket, "assign", assignee="")[1] == [f"Ticket {ticket.reference} is now unassigned."]
    assert ticket.assignee is None


def test_status_solved_stamps_solved_at_and_reopening_clears_it(agent_client, ticket):
    assert act(agent_client, ticket, "status", status="solved")[1] == [f"Ticket {ticket.reference} is now solved."]
    assert ticket.status == TicketStatus.SOLVED and ticket.solved_at is not None

    assert act(agent_client, ticket, "status", status="solved")[1] == ["The ticket is already solved."]

    assert act(agent_client, ticket, "status", status="open")[1] == [f"Ticket {ticket.reference} is now open."]
    assert ticket.status == TicketStatus.OPEN and ticket.solved_at is None
    assert act(agent_client, ticket, "status", status="new")[1][0].startswith("Status:")
    assert act(agent_client, ticket, "nonsense")[0] == 403


# Permissions

def test_editor_neither_sees_nor_reaches_tickets_or_the_report(editor, ticket):
    client = english_admin_client(editor)

    labels = menu_labels(editor)
    assert not any(label.endswith("Tickets") or "Response times" in label for label in labels)
    for url in (reverse("tickets:index"), reverse("tickets:inspect", args=[ticket.pk]),
                reverse("support_reports:response_times"), reverse("support_reports:response_times") + "?export=csv"):
        assert client.get(url).status_code in (302, 403), url
    assert act(client, ticket, "reply", body="Hola", status="open")[0] == 403
    assert act(client, ticket, "status", status="solved")[0] == 403
    assert ticket.messages.count() == 1 and ticket.status == TicketStatus.NEW
    assert "Ana Pérez" not in client.get(reverse("tickets:index"), follow=True).content.decode()


def test_customer_service_staff_see_the_inbox_and_the_report_in_the_menu(agent, agent_client, ticket):
    labels = menu_labels(agent)
    assert any(label.split("/")[-1] == "Tickets" for label in labels) and "Reports/Response times" in labels
    assert agent_client.get(reverse("tickets:index")).status_code == 200
    assert agent_client.get(reverse("support_reports:response_times")).status_code == 200


def test_a_viewer_reads_tickets_but_cannot_answer_them(viewer, ticket, django_capture_on_commit_callbacks):
    client = english_admin_client(viewer)

    assert any(label.split("/")[-1] == "Tickets" for label in menu_labels(viewer))
    assert client.get(reverse("tickets:index")).status_code == 200
    page = client.get(reverse("tickets:inspect", args=[ticket.pk]))
    assert page.status_code == 200 and "No ha llegado todavía." in page.content.decode()
    assert "data-ticket-action" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert act(client, ticket, "reply", body="Hola", status="open")[0] == 403
        assert act(client, ticket, "note", body="Nota")[0] == 403
        assert act(client, ticket, "assign_to_me")[0] == 403
    assert ticket.messages.count() == 1 and ticket.assignee is None and not mail.outbox
