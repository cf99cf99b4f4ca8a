"""The customer's quote request: the form, the saved request, the emails and the thank-you page."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from quotes.models import QuoteRequest, QuoteStatus
from tests.markup import parse, text_of, ui

pytestmark = pytest.mark.django_db

VALID = {
    "company": "Cafés del Norte SL", "contact_name": "Lucía Martín", "email": "lucia@cafesnorte.example",
    "phone": "+34 600 000 000", "quantity": "12", "city": "Bilbao", "region": "Bizkaia", "country": "ES",
    "message": "Para tres locales, con instalación.", "website": "",
}


def form_url(product, language="es"):
    with translation.override(language):
        return reverse("quotes:request", args=[product.pk])


def send(client, product, language="es", capture=None, **changes):
    data = {**VALID, **changes}
    if capture is None:
        return client.post(form_url(product, language), data)
    with capture(execute=True):
        return client.post(form_url(product, language), data)


def field_error(response, name):
    html = parse_any(response)
    field = html.select_one(f'[name="{name}"]')
    assert field is not None, name
    error = html.select_one(f"#id_{name}-error")
    assert field.get("aria-invalid") == "true" and name in (field.get("aria-describedby") or "")
    assert field.find_parent(class_="field") is error.find_parent(class_="field")
    return text_of(error)


def parse_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")


# The form

def test_the_form_shows_the_product_and_labelled_fields_and_is_private(client, machine):
    response = client.get(form_url(machine))

    html = parse(response)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert html.select_one("form[method=post] [name=csrfmiddlewaretoken]")["value"]
    assert text_of(html.select_one(".checkout-summary a")) == "Cafetera industrial"
    for name in ("company", "contact_name", "email", "phone", "quantity", "city", "region", "country", "message"):
        field = html.select_one(f'[name="{name}"]')
        assert html.select_one(f'label[for="{field["id"]}"]') is not None, name
    assert html.select_one('[name="variant"]') is None  # a product without options
    assert html.select_one('[name="quantity"]')["type"] == "number"
    assert html.select_one('[name="email"]')["type"] == "email"


def test_a_product_with_options_offers_them_as_an_optional_choice(client, tshirt, quotes_everywhere):
    html = parse(client.get(form_url(tshirt)))

    options = [option["value"] for option in html.select('select[name="variant"] option')]
    assert options == ["", "TEE-S", "TEE-M"]


def test_a_signed_in_customer_finds_name_and_email_filled_in(client, machine, django_user_model):
    user = django_user_model.objects.create_user("ana", "ana@example.com", "x", first_name="Ana", last_name="Pérez")
    client.force_login(user)

    html = parse(client.get(form_url(machine)))

    assert html.select_one('[name="contact_name"]')["value"] == "Ana Pérez"
    assert html.select_one('[name="email"]')["value"] == "ana@example.com"


def test_unknown_unpublished_or_unquotable_products_are_not_found(client, machine, tshirt):
    assert client.get("/es/quote/999999/").status_code == 404
    assert client.get(form_url(tshirt)).status_code == 404  # for sale, and quotes are not on every product
    assert client.post(form_url(tshirt), VALID).status_code == 404
    machine.unpublish()
    assert client.get(form_url(machine)).status_code == 404
    assert QuoteRequest.objects.count() == 0


def test_the_form_answers_only_get_and_post(client, machine):
    assert client.put(form_url(machine)).status_code == 405


# A valid request

def test_a_valid_request_is_saved_emailed_and_thanked_in_spanish(
    client, machine, shop_emails, django_capture_on_commit_callbacks
):
    response = send(client, machine, capture=django_capture_on_commit_callbacks)

    quote = QuoteRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("quotes:sent")
    assert quote.reference == f"Q-{10000 + quote.pk}"
    assert (quote.product, quote.product_title, quote.sku, quote.option_label) == (
        machine, "Cafetera industrial", "PRO-1", "")
    assert (quote.company, quote.contact_name, quote.email, quote.phone) == (
        "Cafés del Norte SL", "Lucía Martín", "lucia@cafesnorte.example", "+34 600 000 000")
    assert (quote.quantity, quote.city, quote.region, quote.country.code) == (12, "Bilbao", "Bizkaia", "ES")
    assert (quote.message, quote.language, quote.status, quote.owner) == (
        "Para tres locales, con instalación.", "es", QuoteStatus.NEW, None)

    sales, customer = mail.outbox
    assert sales.to == ["ventas@vitrina.example"] and sales.reply_to == ["lucia@cafesnorte.example"]
    assert sales.subject == ui("New quote request %(reference)s from %(company)s") % {
        "reference": quote.reference, "company": "Cafés del Norte SL"}
    body = sales.body
    for text in ("Cafetera industrial", "PRO-1", "12", "Bilbao, Bizkaia", "Lucía Martín", "lucia@cafesnorte.example",
                 "+34 600 000 000", "Para tres locales, con instalación."):
        assert text in body, text
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/quote-requests/edit/{quote.pk}/" in body
    assert "http://localhost/es/tienda/cafetera-industrial/" in body

    assert customer.to == ["lucia@cafesnorte.example"] and customer.reply_to == ["ventas@vitrina.example"]
    assert customer.subject == ui("We have received your quote request %(reference)s") % {
        "reference": quote.reference}
    html_body = customer.alternatives[0][0]
    assert '<html lang="es">' in html_body
    assert quote.reference in customer.body and "Cafetera industrial" in customer.body
    assert ui("What happens next") in customer.body
    assert ui("A salesperson studies it and contacts you, usually within one or two working days, to confirm the "
              "details.") in customer.body
    assert ui("Quantity", "es") == "Cantidad" and "Cantidad: 12" in customer.body  # Spanish from the catalog

    thanks = client.get(response["Location"])
    html = parse(thanks)
    assert "no-store" in thanks["Cache-Control"]
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert quote.reference in text_of(html.select_one(".message--success"))
    assert ui("What happens next") in text_of(html.select_one("main"))


def test_a_request_from_the_english_page_is_acknowledged_in_english(
    client, machine, translate, shop_emails, django_capture_on_commit_callbacks
):
    english = translate(machine, title="Industrial coffee machine")

    response = send(client, english, language="en", capture=django_capture_on_commit_callbacks)

    quote = QuoteRequest.objects.get()
    assert response["Location"] == "/en/quote/sent/"
    assert (quote.language, quote.product_title, quote.product) == ("en", "Industrial coffee machine", english)
    sales, customer = mail.outbox
    assert customer.subject == f"We have received your quote request {quote.reference}"
    assert '<html lang="en">' in customer.alternatives[0][0]
    assert "Quantity: 12" in customer.body and "Delivery to: Bilbao, Bizkaia, Spain" in customer.body
    assert "/en/tienda/" in customer.body
    assert '<html lang="es">' in sales.alternatives[0][0]  # the sales team reads Spanish
    assert "Cantidad: 12" in sales.body


def test_the_chosen_option_is_kept_with_the_request(client, tshirt, quotes_everywhere):
    send(client, tshirt, variant="TEE-M")

    quote = QuoteRequest.objects.get()
    assert (quote.sku, quote.option_label, quote.product_title) == ("TEE-M", "M", "Camiseta")


def test_no_option_chosen_is_fine_and_optional_fields_may_be_empty(client, tshirt, quotes_everywhere):
    response = send(client, tshirt, variant="", phone="", region="", message="")

    assert response.status_code == 302
    quote = QuoteRequest.objects.get()
    assert (quote.sku, quote.phone, quote.region, quote.message) == ("", "", "", "")


def test_without_a_sales_address_the_contact_address_gets_the_request(
    client, machine, site, django_capture_on_commit_callbacks
):
    from home.models import ShopSettings

    ShopSettings.objects.update_or_create(site=site, defaults={"email": "hola@vitrina.example", "sales_email": ""})
    send(client, machine, capture=django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [["hola@vitrina.example"], ["lucia@cafesnorte.example"]]


def test_line_breaks_in_one_line_fields_become_spaces_so_the_email_subject_stays_one_line(
    client, machine, shop_emails, django_capture_on_commit_callbacks
):
    send(client, machine, capture=django_capture_on_commit_callbacks, company="Acme\r\nBcc: spam@example.com",
         city="Bilbao\n")

    quote = QuoteRequest.objects.get()
    assert (quote.company, quote.city) == ("Acme Bcc: spam@example.com", "Bilbao")
    assert len(mail.outbox) == 2 and "\n" not in mail.outbox[0].subject
    assert mail.outbox[0].to == ["ventas@vitrina.example"]


def test_the_form_shows_the_product_picture_with_its_alt_text(client, shop):
    from tests.factories import ImageFactory, ProductImageFactory, ProductPageFactory
    from tests.checkout.helpers import variant

    product = ProductPageFactory(parent=shop, title="Tostadora", is_quote_only=True, variants=[variant("TOS-1", "900")],
                                 gallery_images=[ProductImageFactory.build(image=ImageFactory(title="Tostadora roja"))])

    html = parse(client.get(form_url(product)))

    image = html.select_one(".checkout-summary picture img")
    assert image is not None and image["alt"] == "Tostadora roja"


def test_the_thank_you_page_needs_a_request_sent_from_this_browser(client, machine):
    assert client.get(reverse("quotes:sent")).status_code == 404


# Bad input: an error next to the field, a 400, nothing saved, no email

@pytest.mark.parametrize("name, value, message", [
    ("quantity", "0", "Ask for at least one unit."),
    ("quantity", "-5", "Ask for at least one unit."),
    ("quantity", "100001", "For more than %(limit_value)s units, write the quantity in the message."),
    ("quantity", "99999999999999999999999", "For more than %(limit_value)s units, write the quantity in the message."),
    ("quantity", "doce", "Enter the number of units as a whole number."),
    ("quantity", "1.5", "Enter the number of units as a whole number."),
    ("quantity", "", "This field is required."),
    ("email", "lucia@", "Enter a valid email address."),
    ("email", "", "This field is required."),
    ("company", "", "This field is required."),
    ("company", "x" * 151, None),
    ("contact_name", "", "This field is required."),
    ("city", "", "This field is required."),
    ("country", "", "This field is required."),
    ("country", "XX", None),
    ("phone", "llámame", "Enter a phone number with digits only, optionally starting with +."),
    ("message", "x" * 3001, None),
])
def test_each_bad_field_gets_its_error_next_to_it_and_nothing_is_saved(
    client, machine, shop_emails, django_capture_on_commit_callbacks, name, value, message
):
    response = send(client, machine, capture=django_capture_on_commit_callbacks, **{name: value})

    assert response.status_code == 400
    error = field_error(response, name)
    if message:
        assert ui(message).replace("%(limit_value)s", "100000") in error
    else:
        assert error
    html = parse_any(response)
    assert html.select_one(".message--error[role=alert]") is not None
    assert html.select_one('[name="company"]')["value"] == (value if name == "company" else VALID["company"])
    assert QuoteRequest.objects.count() == 0 and mail.outbox == []


def test_an_option_of_another_product_is_refused(client, tshirt, quotes_everywhere):
    response = send(client, tshirt, variant="PRO-1")

    assert response.status_code == 400
    assert field_error(response, "variant")
    assert QuoteRequest.objects.count() == 0


def test_a_bot_that_fills_the_hidden_field_is_refused(client, machine):
    response = send(client, machine, website="http://spam.example")

    assert response.status_code == 400
    assert QuoteRequest.objects.count() == 0


def test_a_failed_email_after_commit_does_not_lose_the_request(client, machine, shop_emails, settings,
                                                                django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.quotes.test_request_form.BrokenBackend"

    response = send(client, machine, capture=django_capture_on_commit_callbacks)

    assert response.status_code == 302  # the task logs the failure; the customer still gets the thank-you page
    assert QuoteRequest.objects.get().reference


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("mail server down")
