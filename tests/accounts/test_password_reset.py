"""Password reset by email, through the views, with the link from the email."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Brand-New-Secret-7"


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/\S*/account/password/reset/key/\S+/)", message.body).group(1)


def test_password_reset_through_the_emailed_link(client, home, customer):
    response = client.post("/es/account/password/reset/", {"email": "Lucia@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lucia@example.com"]
    assert message.subject.startswith("[Vitrina] ")

    link = reset_link(message)
    page = client.get(link, follow=True)
    assert page.status_code == 200
    form = BeautifulSoup(page.content.decode(), "html.parser").select_one("main form")
    assert form.find(id="id_password1") and form.find("label", attrs={"for": "id_password1"})
    done = client.post(page.redirect_chain[-1][0] if page.redirect_chain else link,
                       {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302

    customer.refresh_from_db()
    assert customer.check_password(NEW_PASSWORD)
    assert not customer.check_password(PASSWORD)
    assert client.post("/es/account/login/", {"login": "lucia@example.com", "password": NEW_PASSWORD}).status_code == 302


def test_a_reset_link_works_once(client, home, customer):
    client.post("/en/account/password/reset/", {"email": "lucia@example.com"})
    link = reset_link(mail.outbox[0])
    page = client.get(link, follow=True)
    client.post(page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    assert again.status_code == 200
    assert "Bad Token" in again.content.decode() or "invalid" in again.content.decode()
    assert BeautifulSoup(again.content.decode(), "html.parser").find(id="id_password1") is None


def test_mismatched_new_passwords_are_refused_next_to_the_field(client, home, customer):
    client.post("/en/account/password/reset/", {"email": "lucia@example.com"})
    page = client.get(reset_link(mail.outbox[0]), follow=True)

    response = client.post(page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": "something else"})

    assert response.status_code == 200
    assert "same password" in BeautifulSoup(response.content.decode(), "html.parser").find(id="id_password2-error").text
    assert get_user_model().objects.get(pk=customer.pk).check_password(PASSWORD)


@pytest.mark.parametrize("email", ["", "not-an-email"])
def test_a_bad_email_on_the_reset_form_is_a_form_error(client, home, email):
    response = client.post("/en/account/password/reset/", {"email": email})

    assert response.status_code == 200
    assert BeautifulSoup(response.content.decode(), "html.parser").find(id="id_email")["aria-invalid"] == "true"
    assert mail.outbox == []
