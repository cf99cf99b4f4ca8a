"""The checkout as a customer meets it: the form, PayPal and back, offline payments, the order page."""

import json
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import translation

from checkout.models import CheckoutSettings, Order, OrderStatus, Payment, PaymentStatus
from checkout.notifications import SUBJECTS
from tests.factories import ProductPageFactory, ProductVariantFactory, ShippingMethodFactory
from tests.markup import parse
from tests.paypal_server.fixtures import paypal_server  # noqa: F401

D = Decimal


@pytest.fixture
def store(site):
    store = CheckoutSettings.for_site(site)
    store.bank_transfer_instructions = "Titular: Vitrina SL\nIBAN: ES91 2100 0418 4502 0005 1332"
    store.save()
    return store


@pytest.fixture
def carrier(db):
    return ShippingMethodFactory(price=D("4.90"), free_above=D("50.00"), countries=["ES"])


@pytest.fixture
def mug(shop):
    return ProductPageFactory(
        parent=shop, title="Taza", variants=[ProductVariantFactory.build(sku="TAZA-1", price=D("12.00"))], stock=5
    )


@pytest.fixture
def cart_client(client, mug):
    client.post(reverse("checkout:cart_add"), {"product": mug.pk, "sku": "TAZA-1", "quantity": 2})
    return client


def checkout_data(carrier, **changes):
    data = {
        "checkout_key": "a" * 32, "email": "ana@example.com", "name": "Ana Pérez", "phone": "600 000 000",
        "country": "ES", "address_line1": "Calle Mayor 1", "postal_code": "28001", "city": "Madrid",
        "shipping_method": str(carrier.pk), "payment_method": "bank_transfer", "accept_terms": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_checkout_with_an_empty_cart_goes_back_to_the_cart(client, store):
    response = client.get(reverse("checkout:checkout"))
    assert response.status_code == 302 and response["Location"] == reverse("checkout:cart")


def test_the_checkout_page_shows_a_summary_computed_by_the_server(cart_client, store, carrier):
    response = cart_client.get(reverse("checkout:checkout"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = parse(response)
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "24,00" in page.select_one(".checkout-summary").get_text()
    for field in page.select(".checkout-form input:not([type=hidden]), .checkout-form select"):
        assert page.select_one(f'label[for="{field["id"]}"]'), field


def test_mistakes_are_shown_next_to_their_fields_and_nothing_is_ordered(cart_client, store, carrier):
    response = cart_client.post(reverse("checkout:checkout"),
                                checkout_data(carrier, email="not-an-email", postal_code="123", accept_terms=None))

    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    for name in ("email", "postal_code", "accept_terms"):
        field = page.select_one(f'[name="{name}"]')
        assert field["aria-invalid"] == "true"
        assert page.select_one(f'#{field["aria-describedby"].split()[0]}').get_text(strip=True)
    assert Order.objects.count() == 0


def test_prices_and_totals_posted_by_the_browser_are_ignored(cart_client, store, carrier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cart_client.post(reverse("checkout:checkout"), checkout_data(carrier, price="0.01", total="1.00", subtotal="1"))

    order = Order.objects.get()
    assert (order.subtotal, order.shipping_total, order.total) == (D("24.00"), D("4.90"), D("28.90"))


def test_a_bank_transfer_order_shows_how_to_pay_and_is_emailed(cart_client, store, carrier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = cart_client.post(reverse("checkout:checkout"), checkout_data(carrier))

    order = Order.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("checkout:order", args=[order.token])
    assert order.status == OrderStatus.PENDING_PAYMENT
    page = cart_client.get(response["Location"])
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    text = parse(page).get_text()
    assert order.number in text and "ES91 2100 0418 4502 0005 1332" in text
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["ana@example.com"] and order.number in email.subject
    assert "ES91 2100" in email.body and order.token in email.body
    assert email.alternatives[0][1] == "text/html"


def test_the_same_form_submitted_twice_places_one_order(cart_client, store, carrier):
    first = cart_client.post(reverse("checkout:checkout"), checkout_data(carrier))
    second = cart_client.post(reverse("checkout:checkout"), checkout_data(carrier))
    assert Order.objects.count() == 1
    assert first["Location"] == reverse("checkout:order", args=[Order.objects.get().token])
    assert second.status_code == 302  # the cart is empty now: back to the cart, nothing placed


def test_an_unknown_order_token_is_a_404(client, db):
    assert client.get(reverse("checkout:order", args=["nope"])).status_code == 404


def approve_at_paypal(approval_url):
    """The buyer clicks "Pay" on the loopback PayPal page; returns where PayPal sends them back."""
    token = parse_qs(urlparse(approval_url).query)["token"][0]
    page = requests.get(approval_url, timeout=5)
    action = re.search(r'<form[^>]*action="([^"]+)"', page.text).group(1)
    answer = requests.post(requests.compat.urljoin(approval_url, action.replace("&amp;", "&")),
                           data={"token": token, "decision": "approve"}, allow_redirects=False, timeout=5)
    assert answer.status_code == 303, answer.text
    return answer.headers["Location"]


def test_paying_with_paypal_from_checkout_to_paid(cart_client, store, carrier, paypal_server,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = cart_client.post(reverse("checkout:checkout"), checkout_data(carrier, payment_method="paypal"))
    assert response.status_code == 303 and response["Location"].startswith(paypal_server.url)

    back = urlparse(approve_at_paypal(response["Location"]))
    order = Order.objects.get()
    assert back.path == reverse("checkout:paypal_return", args=[order.token])
    with django_capture_on_commit_callbacks(execute=True):
        returned = cart_client.get(f"{back.path}?{back.query}")
        cart_client.get(f"{back.path}?{back.query}")  # reload of the return page

    assert returned["Location"] == reverse("checkout:order", args=[order.token])
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert paypal_server.count("capture") == 1
    with translation.override(order.language):
        assert [m.subject for m in mail.outbox] == [
            str(SUBJECTS["placed"]) % {"number": order.number}, str(SUBJECTS["paid"]) % {"number": order.number},
        ]
        paid_label = str(OrderStatus.PAID.label)
    assert paid_label in parse(cart_client.get(returned["Location"])).select_one(".order__status").get_text()


def test_cancelling_at_paypal_keeps_the_order_and_offers_to_pay_again(cart_client, store, carrier, paypal_server):
    response = cart_client.post(reverse("checkout:checkout"), checkout_data(carrier, payment_method="paypal"))
    order = Order.objects.get()

    back = cart_client.get(reverse("checkout:paypal_cancel", args=[order.token]), {"token": "X"})
    page = parse(cart_client.get(back["Location"]))

    assert Order.objects.get().status == OrderStatus.PENDING_PAYMENT
    retry = page.select_one(f'form[action="{reverse("checkout:paypal_pay", args=[order.token])}"]')
    assert retry is not None
    again = cart_client.post(retry["action"])
    assert again.status_code == 303 and again["Location"] == response["Location"]  # the same PayPal order
    assert paypal_server.count("create") == 1


def test_paypal_down_at_checkout_keeps_the_order_with_a_message(cart_client, store, carrier, paypal_server):
    paypal_server.inject("http_500", on="create")
    response = cart_client.post(reverse("checkout:checkout"), checkout_data(carrier, payment_method="paypal"),
                                follow=True)
    assert response.status_code == 200
    assert Order.objects.get().status == OrderStatus.PENDING_PAYMENT
    assert parse(response).select_one(".message--error")


def test_a_return_for_a_paypal_order_of_someone_else_is_refused(cart_client, store, carrier, paypal_server):
    cart_client.post(reverse("checkout:checkout"), checkout_data(carrier, payment_method="paypal"))
    order = Order.objects.get()
    response = cart_client.get(reverse("checkout:paypal_return", args=[order.token]), {"token": "OTHER123"})
    assert response.status_code == 400
    assert Payment.objects.get().status == PaymentStatus.CREATED


def test_the_webhook_endpoint_answers_400_to_unverified_deliveries(client, paypal_server, db):
    event = paypal_server.make_event("PAYMENT.CAPTURE.COMPLETED", {"id": "X"})
    body = json.dumps(event)
    headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in paypal_server.sign_event(event, valid=False).items()}
    response = client.post(reverse("paypal_webhook"), body, content_type="application/json", **headers)
    assert response.status_code == 400
    assert client.post(reverse("paypal_webhook"), "garbage", content_type="application/json").status_code == 400


def test_after_leaving_paypal_the_customer_can_pay_by_bank_transfer_instead(cart_client, store, carrier, paypal_server):
    cart_client.post(reverse("checkout:checkout"), checkout_data(carrier, payment_method="paypal"))
    order = Order.objects.get()
    page = parse(cart_client.get(reverse("checkout:order", args=[order.token])))
    form = page.select_one(f'form[action="{reverse("checkout:change_payment_method", args=[order.token])}"]')
    assert {button["value"] for button in form.select("button")} == {"bank_transfer", "cash_on_delivery"}

    response = cart_client.post(form["action"], {"payment_method": "bank_transfer"}, follow=True)

    order.refresh_from_db()
    assert order.payment_method == "bank_transfer" and order.status == OrderStatus.PENDING_PAYMENT
    assert "ES91 2100 0418 4502 0005 1332" in parse(response).get_text()
    assert order.events.last().note.startswith("Payment method changed")
    # Not twice, not to something the shop does not offer, not once paid.
    assert cart_client.post(form["action"], {"payment_method": "bitcoin"}).status_code == 302
    assert Order.objects.get().payment_method == "bank_transfer"
