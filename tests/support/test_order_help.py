""""Need help with this order?": the form at the end of the order page opens a ticket about that order."""

import pytest
from django.core import mail
from django.urls import reverse

from support.models import Ticket
from tests.markup import parse, text_of, ui
from tests.support.conftest import CUSTOMER_SERVICE

pytestmark = pytest.mark.django_db

VALID = {"category": "delivery_problem", "subject": "Caja rota", "message": "La caja llegó abollada."}


def help_url(order):
    return reverse("support:order_help", args=[order.token])


def test_the_order_page_offers_the_help_form(client, order):
    html = parse(client.get(reverse("checkout:order", args=[order.token])))

    section = html.select_one("section#order-help")
    assert text_of(section.select_one("h2")) == ui("Need help with this order?")
    form = section.select_one("form")
    assert form["action"] == help_url(order) and form["method"] == "post"
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None
    for name in ("category", "subject", "message"):
        control = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{control["id"]}"]') is not None


def test_a_valid_request_opens_a_ticket_on_the_order_with_the_customers_details(
        client, order, shop_settings, django_capture_on_commit_callbacks):
    order.language = "en"
    order.save(update_fields=["language"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(help_url(order), VALID)

    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:order", args=[order.token]) + "#order-help"
    ticket = Ticket.objects.get()
    assert (ticket.order, ticket.name, ticket.email, ticket.language, ticket.category, ticket.subject) == (
        order, order.name, order.email, "en", "delivery_problem", "Caja rota")
    assert ticket.messages.get().body == "La caja llegó abollada."
    assert sorted(email.to[0] for email in mail.outbox) == sorted([order.email, CUSTOMER_SERVICE])
    staff = next(email for email in mail.outbox if email.to == [CUSTOMER_SERVICE])
    assert order.number in staff.body

    page = parse(client.get(response["Location"].split("#")[0]))
    assert ticket.reference in text_of(page.select_one(".message--success"))


def test_errors_show_next_to_the_fields_and_keep_what_was_typed(client, order):
    response = client.post(help_url(order), {**VALID, "subject": ""})

    html = parse(response)
    assert html.head.select_one('meta[name="robots"]')["content"] == "noindex"
    assert text_of(html.select_one("#id_help_subject-error")) == ui("Give your message a subject.")
    assert html.select_one("textarea#id_help_message").get_text() == "La caja llegó abollada."
    assert html.select_one('#id_help_category option[selected]')["value"] == "delivery_problem"
    assert Ticket.objects.count() == 0


def test_unknown_order_token_is_404_and_get_is_refused(client, order):
    assert client.post(reverse("support:order_help", args=["no-such-token"]), VALID).status_code == 404
    assert client.get(help_url(order)).status_code == 405
    assert Ticket.objects.count() == 0
