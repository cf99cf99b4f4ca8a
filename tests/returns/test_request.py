"""The customer's return: the order page's window, the form, and every input the shop refuses."""

import io
import os
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.formats import date_format
from PIL import Image

from checkout.models import CheckoutSettings, OrderEvent, OrderStatus, PaymentMethod
from checkout.orders import transition
from home.models import ShopSettings
from returns.exceptions import InvalidReturnLines
from returns.models import ReturnRequest, ReturnStatus
from returns.processing import approve_return, receive_return, refund_return, reject_return
from returns.requests import request_return
from tests.checkout.test_orders_admin import new_order
from tests.markup import parse, text_of, ui
from tests.returns.helpers import delivered_bank_order, form_url, order_url, photo, return_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(home, shop):
    return delivered_bank_order(home, shop, quantity=2)


def page_of(response):
    """The page of any response, refusals (4xx) included."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def returns_section(client, order):
    return parse(client.get(order_url(order))).find("section", class_="order-returns")


def test_a_delivered_order_shows_the_return_window_and_the_form(client, order):
    deadline = order.events.get(to_status=OrderStatus.DELIVERED).created_at + timedelta(days=30)

    section = returns_section(client, order)

    assert section is not None
    assert ui("You can return products until %(date)s.") % {
        "date": _date(deadline)} in text_of(section)
    link = section.find("a", href=form_url(order))
    assert link is not None and text_of(link) == ui("Return products")

    response = client.get(form_url(order))
    page = page_of(response)
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    form = page.find("form", class_="return-form")
    assert form["enctype"] == "multipart/form-data" and form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    line = order.lines.get()
    quantity = form.find("input", attrs={"name": f"line_{line.pk}"})
    assert quantity["max"] == "2" and page.find("label", attrs={"for": quantity["id"]})
    assert form.find("select", attrs={"name": "reason"}) and form.find("input", attrs={"type": "file"})


def _date(moment):
    with translation.override("es"):
        return date_format(timezone.localtime(moment), "DATE_FORMAT")


def test_customer_requests_a_return_with_a_photo(client, order, site, django_capture_on_commit_callbacks):
    shop_settings = ShopSettings.for_site(site)
    shop_settings.customer_service_email = "atencion@example.com"
    shop_settings.save()
    line = order.lines.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(order), return_data(
            order, units=1, reason="damaged", comment="La caja llegó rota", photo=photo()))

    assert response.status_code == 302 and response["Location"] == order_url(order)
    return_request = ReturnRequest.objects.get()
    assert (return_request.status, return_request.reason, return_request.comment) == (
        ReturnStatus.REQUESTED, "damaged", "La caja llegó rota")
    assert [(item.order_line, item.quantity) for item in return_request.lines.all()] == [(line, 1)]
    assert return_request.number == f"{order.number}-R1"
    order.refresh_from_db()
    assert order.status == OrderStatus.RETURN_REQUESTED
    # The photo is kept under a name nobody can guess from the order or the upload.
    name = os.path.basename(return_request.photo.name)
    assert "foto" not in name and len(name) > 30 and return_request.photo.name.startswith("returns/")

    customer, staff = mail.outbox
    assert customer.to == ["ana@example.com"]
    assert customer.subject == ui("We have received your return request %(number)s") % {
        "number": return_request.number}
    assert order.token in customer.body
    assert staff.to == ["atencion@example.com"]
    assert return_request.number in staff.subject and "La caja llegó rota" in staff.body

    page = client.get(order_url(order), follow=True)
    section = parse(page).find("section", class_="order-returns")
    assert return_request.number in text_of(section)
    assert text_of(section.find(class_="status-badge")) == ui("Return requested")
    assert str(return_request.number) in text_of(parse(page).find("p", class_="message--success"))


def test_too_many_units_is_shown_next_to_the_line_and_nothing_is_saved(client, order):
    line = order.lines.get()

    response = client.post(form_url(order), return_data(order, units=3))

    assert response.status_code == 400
    page = page_of(response)
    error = page.find(id=f"id_line_{line.pk}-error")
    assert text_of(error) == ui("You can return at most %(count)s of this product.") % {"count": 2}
    assert page.find("input", attrs={"name": f"line_{line.pk}"})["aria-invalid"] == "true"
    assert not ReturnRequest.objects.exists()
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED


def test_no_units_or_negative_units_are_refused(client, order):
    line = order.lines.get()
    response = client.post(form_url(order), return_data(order, units=0))
    assert response.status_code == 400
    assert ui("Choose at least one unit to return.") in text_of(page_of(response).find("form", class_="return-form"))

    response = client.post(form_url(order), return_data(order, units=-1))
    assert response.status_code == 400
    assert page_of(response).find(id=f"id_line_{line.pk}-error") is not None
    response = client.post(form_url(order), return_data(order, units=1, reason="lo que sea"))
    assert response.status_code == 400 and page_of(response).find(id="id_reason-error") is not None
    assert not ReturnRequest.objects.exists()


def test_the_reason_starts_unchosen_and_must_be_chosen(client, order):
    select = page_of(client.get(form_url(order))).find("select", attrs={"name": "reason"})
    assert select.find("option", selected=True) is None and select.find("option")["value"] == ""

    response = client.post(form_url(order), return_data(order, units=1, reason=""))
    assert response.status_code == 400 and page_of(response).find(id="id_reason-error") is not None
    assert not ReturnRequest.objects.exists()


def test_units_in_an_earlier_return_count_unless_it_was_rejected(client, order, admin_user):
    store = CheckoutSettings.objects.get()
    line = order.lines.get()
    first = request_return(order, {line.pk: 1}, reason="changed_mind", store=store)
    reject_return(first, user=admin_user, message="Fuera de plazo")
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED

    # Rejected units can be asked for again.
    second = request_return(order, {line.pk: 2}, reason="changed_mind", store=store)
    reject_return(second, user=admin_user, message="No")
    third = request_return(order, {line.pk: 1}, reason="changed_mind", store=store)
    _refund_offline(third, admin_user)
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_REFUNDED

    response = client.get(form_url(order))
    assert page_of(response).find("input", attrs={"name": f"line_{line.pk}"})["max"] == "1"
    response = client.post(form_url(order), return_data(order, units=2))
    assert response.status_code == 400
    assert text_of(page_of(response).find(id=f"id_line_{line.pk}-error")) == ui(
        "You can return at most %(count)s of this product.") % {"count": 1}
    assert ReturnRequest.objects.count() == 3

    assert client.post(form_url(order), return_data(order, units=1)).status_code == 302
    assert ReturnRequest.objects.count() == 4


def _refund_offline(return_request, user):
    approve_return(return_request, user=user)
    receive_return(return_request, {line.pk: "restock" for line in return_request.lines.all()}, user=user)
    payment = return_request.order.payments.get()
    refund_return(return_request, payment, "30.00", user=user, key=f"k{return_request.pk}", offline=True)


def test_an_open_return_blocks_a_second_one(client, order):
    assert client.post(form_url(order), return_data(order, units=1)).status_code == 302

    response = client.post(form_url(order), return_data(order, units=1))

    assert response.status_code == 409
    assert ui("This order already has a return in progress. We will tell you when it is done.") in text_of(
        page_of(response))
    assert ReturnRequest.objects.count() == 1


def test_outside_the_window_is_refused_and_the_setting_moves_it(client, order):
    delivered = OrderEvent.objects.get(order=order, to_status=OrderStatus.DELIVERED)
    OrderEvent.objects.filter(pk=delivered.pk).update(created_at=timezone.now() - timedelta(days=31))

    response = client.post(form_url(order), return_data(order, units=1))

    assert response.status_code == 409
    assert ui("The return period for this order ended on %(date)s.") % {
        "date": _date(timezone.now() - timedelta(days=1))} in text_of(page_of(response))
    assert not ReturnRequest.objects.exists()
    section = returns_section(client, order)
    assert section.find("a", href=form_url(order)) is None

    store = CheckoutSettings.objects.get()
    store.return_window_days = 45
    store.save()
    assert client.post(form_url(order), return_data(order, units=1)).status_code == 302


def test_the_window_counts_from_the_first_delivery(client, order, admin_user):
    """A rejected return puts the order back to delivered; that must not open a new window."""
    store = CheckoutSettings.objects.get()
    line = order.lines.get()
    reject_return(request_return(order, {line.pk: 1}, reason="other", store=store), user=admin_user, message="No")
    first = OrderEvent.objects.filter(order=order, to_status=OrderStatus.DELIVERED).order_by("pk").first()
    OrderEvent.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=40))

    assert client.post(form_url(order), return_data(order, units=1)).status_code == 409


def test_a_shipped_order_counts_from_shipping_and_an_unshipped_one_cannot_be_returned(client, home, shop):
    order = new_order(home, shop, PaymentMethod.CASH_ON_DELIVERY)
    assert returns_section(client, order) is None
    response = client.post(form_url(order), return_data(order, units=1))
    assert response.status_code == 409
    assert ui("This order has not been shipped yet, so it cannot be returned.") in text_of(page_of(response))

    transition(order, OrderStatus.PACKED)
    transition(order, OrderStatus.SHIPPED)
    assert returns_section(client, order).find("a", href=form_url(order)) is not None
    assert client.post(form_url(order), return_data(order, units=1)).status_code == 302


def test_a_line_of_another_order_is_refused(client, order, home, shop):
    other = delivered_bank_order(home, shop)
    foreign = other.lines.get()

    response = client.post(form_url(order), {**return_data(order, units=1), f"line_{foreign.pk}": 1})

    assert response.status_code == 400
    form = page_of(response).find("form", class_="return-form")
    assert ui("This return names a product that is not in this order.") in text_of(form)
    assert not ReturnRequest.objects.exists()
    order.refresh_from_db()
    other.refresh_from_db()
    assert order.status == other.status == OrderStatus.DELIVERED


def test_the_service_refuses_foreign_lines_too(order, home, shop):
    other = delivered_bank_order(home, shop)
    with pytest.raises(InvalidReturnLines):
        request_return(order, {other.lines.get().pk: 1}, reason="other", store=CheckoutSettings.objects.get())
    assert not ReturnRequest.objects.exists()


def test_an_unknown_order_is_a_404(client, order):
    assert client.get("/es/order/no-such-token/return/").status_code == 404
    assert client.post("/es/order/no-such-token/return/", {"reason": "other"}).status_code == 404


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("foto.jpg", b"not an image at all", content_type="image/jpeg"),
     "This file is not a photo we can open. Send a JPEG, PNG or WebP image."),
    ("gif", "This file is not a photo we can open. Send a JPEG, PNG or WebP image."),
    ("huge", "The photo is too big (%(size)s). Send one of at most 5 MB."),
])
def test_a_bad_photo_is_refused_next_to_the_field(client, order, upload, message):
    if upload == "gif":
        upload = photo("foto.gif", "GIF")
    elif upload == "huge":
        buffer = io.BytesIO()
        Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(buffer, "PNG", compress_level=0)
        assert buffer.tell() > 5 * 1024 * 1024
        upload = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")

    response = client.post(form_url(order), return_data(order, units=1, photo=upload))

    assert response.status_code == 400
    error = text_of(page_of(response).find(id="id_photo-error"))
    with translation.override("es"):
        expected = ui(message) % {"size": filesizeformat(upload.size)} if "%(size)s" in message else ui(message)
    assert error == text_of(BeautifulSoup(expected, "html.parser"))
    assert not ReturnRequest.objects.exists()
