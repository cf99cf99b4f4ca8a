"""The contact form: a ticket and its first message, emails to the customer and to customer service."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from support.models import MessageKind, Ticket, TicketStatus
from tests.markup import parse, text_of, ui
from tests.support.conftest import CUSTOMER_SERVICE

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Ana Pérez", "email": "ana@example.com", "category": "question", "subject": "Molinillo",
    "message": "¿Sirve para café turco?\nGracias.", "order_number": "", "website": "",
}


def contact_url(language="es"):
    with translation.override(language):
        return reverse("support:contact")


def test_contact_page_is_private_noindex_with_labelled_fields(client, home):
    response = client.get(contact_url())

    html = parse(response)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert html.head.select_one('meta[name="robots"]')["content"] == "noindex"
    assert text_of(html.title) == f"{ui('Contact us')} | Vitrina"
    form = html.select_one("form.contact-form")
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None
    for name in ("name", "email", "category", "subject", "message", "order_number"):
        control = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{control["id"]}"]') is not None, name
    assert html.select_one('.site-footer a[href="/es/contact/"]') is not None


def test_footer_links_to_the_contact_page_in_each_language(client, home):
    html = parse(client.get("/en/"))
    assert text_of(html.select_one('.site-footer a[href="/en/contact/"]')) == ui("Contact us", "en")


def test_valid_message_opens_a_ticket_and_emails_customer_and_staff(
        client, shop_settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_url(), VALID)

    assert response.status_code == 302 and response["Location"] == reverse("support:contact_sent")
    ticket = Ticket.objects.get()
    assert (ticket.subject, ticket.category, ticket.status, ticket.name, ticket.email, ticket.language) == (
        "Molinillo", "question", TicketStatus.NEW, "Ana Pérez", "ana@example.com", "es")
    assert ticket.reference == f"T-{10000 + ticket.pk}" and ticket.order is None and ticket.user is None
    message = ticket.messages.get()
    assert message.kind == MessageKind.CUSTOMER
    assert message.body.replace("\r\n", "\n") == "¿Sirve para café turco?\nGracias."

    customer, staff = sorted(mail.outbox, key=lambda email: email.to[0] != "ana@example.com")
    assert customer.to == ["ana@example.com"] and customer.reply_to == [CUSTOMER_SERVICE]
    assert ticket.reference in customer.subject
    link = f"http://localhost/es/support/ticket/{ticket.token}/"
    assert link in customer.body and link in customer.alternatives[0][0]
    assert 'lang="es"' in customer.alternatives[0][0]
    assert staff.to == [CUSTOMER_SERVICE] and staff.reply_to == []  # answers go through the admin
    assert ticket.reference in staff.subject and "Molinillo" in staff.subject
    assert f"/admin/tickets/inspect/{ticket.pk}/" in staff.body

    page = parse(client.get(response["Location"]))
    assert ticket.reference in text_of(page.select_one("main"))
    assert page.head.select_one('meta[name="robots"]')["content"] == "noindex"


def test_an_english_visitor_gets_the_email_in_english(client, shop_settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_url("en"), VALID)

    ticket = Ticket.objects.get()
    assert ticket.language == "en"
    customer = next(email for email in mail.outbox if email.to == ["ana@example.com"])
    assert 'lang="en"' in customer.alternatives[0][0]
    assert f"http://localhost/en/support/ticket/{ticket.token}/" in customer.body
    with translation.override("en"):
        expected = translation.gettext("We have received your message (%(reference)s)")
    assert customer.subject == expected % {"reference": ticket.reference}


@pytest.mark.parametrize("field, value, message", [
    ("name", "", "Tell us your name."),
    ("email", "", "We need your email to answer you."),
    ("email", "ana@", "Enter a valid email address, like ana@example.com."),
    ("subject", "", "Give your message a subject."),
    ("message", "   ", "Tell us how we can help."),
    ("category", "gossip", None),
    ("message", "x" * 5001, None),
])
def test_each_invalid_field_is_shown_next_to_it_and_nothing_is_saved(client, home, field, value, message):
    data = {**VALID, field: value}

    response = client.post(contact_url(), data)

    html = parse(response)
    control = html.select_one(f'form.contact-form [name="{field}"]')
    wrapper = control.find_parent("div", class_="field")
    assert "field--error" in wrapper["class"]
    error = wrapper.select_one(".field__error")
    assert control["aria-describedby"].split()[0] == error["id"]
    if message:
        assert text_of(error) == ui(message)
    assert Ticket.objects.count() == 0 and not mail.outbox
    # What was typed in the other fields is still there.
    assert html.select_one('form.contact-form [name="name"]').get("value", "") == data["name"]
    if field != "message":
        typed = html.select_one('form.contact-form textarea[name="message"]').get_text()
        assert typed.replace("\r\n", "\n").strip() == data["message"]


def test_order_number_links_the_order_when_the_email_matches(client, order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_url(),
                               {**VALID, "email": "ANA@example.com", "order_number": order.number.lower()})

    assert response.status_code == 302
    assert Ticket.objects.get().order == order


@pytest.mark.parametrize("number, email", [("V-99999", "ana@example.com"), (None, "luis@example.com")])
def test_order_number_of_someone_else_or_unknown_is_refused_next_to_the_field(client, order, number, email):
    response = client.post(contact_url(), {**VALID, "email": email, "order_number": number or order.number})

    html = parse(response)
    error = html.select_one("#id_order_number-error")
    assert text_of(error) == ui(
        "We can't find an order with this number and your email. Check both, or leave the number empty.")
    assert Ticket.objects.count() == 0


def test_the_honeypot_filled_in_opens_no_ticket(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_url(), {**VALID, "website": "http://spam.example"})

    assert response.status_code == 302
    assert Ticket.objects.count() == 0 and not mail.outbox


def test_a_signed_in_customer_finds_name_and_email_filled_in_and_the_ticket_on_their_account(
        client, home, django_user_model):
    user = django_user_model.objects.create_user("ana", "ana@example.com", "x", first_name="Ana", last_name="Pérez")
    client.force_login(user)

    html = parse(client.get(contact_url()))
    assert html.select_one('[name="name"]')["value"] == "Ana Pérez"
    assert html.select_one('[name="email"]')["value"] == "ana@example.com"

    client.post(contact_url(), VALID)
    assert Ticket.objects.get().user == user


def test_a_subject_with_line_breaks_is_kept_on_one_line(client, shop_settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_url(), {**VALID, "subject": "Hola\r\nBcc: x@spam.example"})

    assert Ticket.objects.get().subject == "Hola Bcc: x@spam.example"
    assert all("\n" not in email.subject for email in mail.outbox) and len(mail.outbox) == 2
