"""The customer's ticket link: the thread without internal notes, replies that come back into the ticket."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from support.models import MessageKind, Ticket, TicketMessage, TicketStatus
from support.tickets import add_internal_note, assign_ticket, change_status, find_ticket, reply_to_customer
from tests.markup import parse, text_of, ui
from tests.support.conftest import CUSTOMER_SERVICE
from tests.support.helpers import new_ticket

pytestmark = pytest.mark.django_db


def ticket_url(ticket):
    return reverse("support:ticket", args=[ticket.token])


@pytest.fixture
def ticket(shop_settings, agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = new_ticket()
        reply_to_customer(ticket, "Sale mañana por mensajería.", user=agent)
        add_internal_note(ticket, "NOTA-SECRETA: el transportista perdió dos cajas", user=agent)
    mail.outbox.clear()
    return ticket


def test_the_link_shows_the_thread_without_internal_notes(client, ticket):
    response = client.get(ticket_url(ticket))

    html = parse(response)
    assert "no-store" in response["Cache-Control"]
    assert html.head.select_one('meta[name="robots"]')["content"] == "noindex"
    assert ticket.reference in text_of(html.select_one("h1"))
    thread = text_of(html.select_one(".ticket-thread"))
    assert "No ha llegado todavía." in thread and "Sale mañana por mensajería." in thread
    assert "NOTA-SECRETA" not in response.content.decode()
    assert [li["class"][1] for li in html.select(".ticket-message")] == [
        "ticket-message--customer", "ticket-message--staff_reply"]
    form = html.main.select_one("form[method=post]")
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None
    assert form.select_one(f'label[for="{form.select_one("textarea")["id"]}"]') is not None


def test_a_reply_comes_back_into_the_ticket_and_tells_the_assignee(
        client, ticket, agent, django_capture_on_commit_callbacks):
    assert ticket.status == TicketStatus.WAITING_ON_CUSTOMER

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ticket_url(ticket), {"message": "Vale, gracias. ¿Hora aproximada?"})

    assert response.status_code == 302 and response["Location"] == ticket_url(ticket)
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.OPEN
    last = ticket.messages.last()
    assert (last.kind, last.body, last.author) == (MessageKind.CUSTOMER, "Vale, gracias. ¿Hora aproximada?", None)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == [agent.email] and notice.reply_to == []
    assert ticket.reference in notice.subject and "¿Hora aproximada?" in notice.body
    page = parse(client.get(ticket_url(ticket)))
    assert text_of(page.select_one(".message--success")) == ui(
        "Your reply has been added to the ticket. We will answer you by email.")
    assert "¿Hora aproximada?" in text_of(page.select_one(".ticket-thread"))


def test_a_reply_on_an_unassigned_ticket_goes_to_the_customer_service_address(
        client, ticket, agent, django_capture_on_commit_callbacks):
    assign_ticket(ticket, None, user=agent)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(ticket_url(ticket), {"message": "¿Alguna novedad?"})

    assert [email.to for email in mail.outbox] == [[CUSTOMER_SERVICE]]


def test_a_reply_to_a_solved_ticket_reopens_it(client, ticket, agent, django_capture_on_commit_callbacks):
    change_status(ticket, TicketStatus.SOLVED, user=agent)
    assert ticket.solved_at is not None
    html = parse(client.get(ticket_url(ticket)))
    assert ui("This ticket is solved. If you write again, we will reopen it.") in text_of(html.main)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(ticket_url(ticket), {"message": "Sigue sin llegar."})

    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.OPEN and ticket.solved_at is None


def test_an_empty_reply_is_refused_next_to_the_field_and_nothing_is_saved(client, ticket):
    before = TicketMessage.objects.count()

    html = parse(client.post(ticket_url(ticket), {"message": "  "}))

    assert text_of(html.select_one("#id_message-error")) == ui("Tell us how we can help.")
    assert html.select_one("textarea#id_message")["aria-invalid"] == "true"
    assert TicketMessage.objects.count() == before
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.WAITING_ON_CUSTOMER


@pytest.mark.parametrize("forge", [
    lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character changed
    lambda token: token[:20],  # cut short
    lambda token: token + "x",  # one too many
    lambda token: "x" * 300,
])
def test_a_forged_link_is_a_clear_404_and_a_reply_through_it_is_lost_nowhere(
        client, ticket, forge, django_capture_on_commit_callbacks):
    url = reverse("support:ticket", args=[forge(ticket.token)])
    before = TicketMessage.objects.count()

    response = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(url, {"message": "Soy otra persona"})

    assert response.status_code == 404 and posted.status_code == 404
    html = parse_any(response)
    assert html.head.select_one('meta[name="robots"]')["content"] == "noindex"
    assert text_of(html.select_one("h1")) == ui("Ticket not found")
    explanation = ui("This ticket link is not valid. Check that you copied the whole link from our email.")
    assert explanation in text_of(html.main)
    assert html.main.select_one(f'a[href="{reverse("support:contact")}"]') is not None
    assert TicketMessage.objects.count() == before and not mail.outbox


def test_find_ticket_needs_the_whole_token(ticket):
    assert find_ticket(ticket.token) == ticket
    other = new_ticket(subject="Otro")
    assert find_ticket(other.token) == other
    assert find_ticket(ticket.token[:-1]) is None
    assert find_ticket(ticket.token_digest) is None  # the stored digest is no key
    assert find_ticket("") is None and find_ticket(None) is None
    assert len(ticket.token) >= 43  # 32 random bytes, URL-safe base64


def test_internal_notes_are_never_emailed(ticket, agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_internal_note(ticket, "Solo para nosotros", user=agent)

    assert mail.outbox == []


def test_the_thread_is_in_time_order(client, ticket):
    early = timezone.now() - timedelta(days=3)
    Ticket.objects.filter(pk=ticket.pk).update(created_at=early)
    first = ticket.messages.order_by("pk").first()
    TicketMessage.objects.filter(pk=first.pk).update(created_at=early)

    texts = [text_of(li) for li in parse(client.get(ticket_url(ticket))).select(".ticket-message")]
    assert "No ha llegado todavía." in texts[0] and "Sale mañana" in texts[1]


def parse_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")
