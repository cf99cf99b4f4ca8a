"""Returns in the Wagtail admin: listing, detail page, each staff step, refunds over real HTTP, who may act."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from checkout.models import CheckoutSettings, OrderStatus, PaymentStatus, Refund
from products.models import StockRecord
from returns.models import DamagedStock, ReturnRequest, ReturnStatus
from returns.requests import request_return
from tests.checkout.test_admin import menu_labels
from tests.checkout.test_orders_admin import user_in
from tests.clients import english_admin_client
from tests.markup import parse, text_of, ui
from tests.paypal_server.fixtures import paypal_server  # noqa: F401
from tests.returns.helpers import delivered_bank_order, delivered_paypal_order, order_url, photo

D = Decimal
pytestmark = pytest.mark.django_db


def customer_service_user(django_user_model, username="carmen", can_refund=False):
    """Like the coming "Customer service" group: see and run returns; refunds only with manage_orders."""
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.com")
    codenames = ["access_admin", "view_returnrequest", "change_returnrequest", "view_damagedstock", "view_order"]
    if can_refund:
        codenames.append("manage_orders")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def agent(django_user_model):
    return customer_service_user(django_user_model, can_refund=True)


@pytest.fixture
def agent_client(agent):
    return english_admin_client(agent)


def requested(order, units=1, **kwargs):
    line = order.lines.get()
    return request_return(order, {line.pk: units}, reason=kwargs.pop("reason", "damaged"),
                          store=CheckoutSettings.objects.get(), **kwargs)


def act(client, return_request, action, **data):
    """POST an action's form; returns (status, [messages in English])."""
    response = client.post(reverse("return_requests:action", args=[return_request.pk, action]), data, follow=True)
    return_request.refresh_from_db()
    if not response.redirect_chain:
        return response.status_code, []
    url, status = response.redirect_chain[0]
    if url != reverse("return_requests:inspect", args=[return_request.pk]):
        return 403, []  # Wagtail turns PermissionDenied into a redirect to the dashboard
    with translation.override("en"):
        return status, [str(message.message) for message in get_messages(response.wsgi_request)]


def refund_form(client, return_request, action="refund"):
    """The refund form's fields as the inspect page renders them (the key is made when it is shown)."""
    page = parse(client.get(reverse("return_requests:inspect", args=[return_request.pk])))
    form = page.find("form", attrs={"data-return-action": action})
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    for select in form.find_all("select"):
        chosen = select.find("option", selected=True) or select.find("option")
        data[select["name"]] = chosen["value"]
    data.pop("csrfmiddlewaretoken", None)
    return data


# Listing and detail

def test_listing_filters_and_search(agent_client, home, shop):
    first = requested(delivered_bank_order(home, shop), reason="damaged")
    other = delivered_bank_order(home, shop)
    type(other).objects.filter(pk=other.pk).update(email="luis@example.com")
    second = requested(other, reason="changed_mind")
    ReturnRequest.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=10))
    url = reverse("return_requests:index")

    def numbers(**params):
        response = agent_client.get(url, params)
        assert response.status_code == 200
        return [item.number for item in response.context["object_list"]]

    assert numbers() == [second.number, first.number]
    assert numbers(q="luis@example") == [second.number]
    assert numbers(q=first.order.number) == [first.number]
    assert numbers(status="requested") == [second.number, first.number]
    assert numbers(status="approved") == []
    assert numbers(reason="damaged") == [first.number]
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert numbers(created_at_from=since) == [second.number]
    content = agent_client.get(url).content.decode()
    assert "luis@example.com" in content and "Changed my mind" in content


def test_detail_page_shows_the_order_lines_photo_and_history(agent_client, home, shop, client):
    order = delivered_bank_order(home, shop)
    return_request = requested(order, comment="Llegó abollada", photo=photo())

    response = agent_client.get(reverse("return_requests:inspect", args=[return_request.pk]))

    assert response.status_code == 200
    page = parse(response)
    content = text_of(page)
    for text in (order.number, "ana@example.com", "Ana Pérez", "Llegó abollada", "Arrived damaged",
                 order.lines.get().sku, "Return requested", "€"):
        assert text in content, text
    image = page.find("img", src=reverse("return_requests:photo", args=[return_request.pk]))
    assert image is not None and image["alt"] == "Photo sent by the customer"
    photo_response = agent_client.get(image["src"])
    assert photo_response.status_code == 200 and photo_response["Content-Type"] == "image/png"
    assert b"".join(photo_response.streaming_content).startswith(b"\x89PNG")
    assert client.get(image["src"]).status_code in (302, 403)  # not for anonymous visitors
    assert [item["action"].name for item in response.context["actions"]] == ["approve", "reject"]
    for name in ("add", "edit", "delete"):
        kwargs = {} if name == "add" else {"args": [return_request.pk]}
        assert agent_client.get(reverse(f"return_requests:{name}", **kwargs)).status_code in (302, 403)


# The flow

def test_paypal_return_approved_received_and_refunded_once(
    agent_client, agent, client, home, shop, paypal_server, django_capture_on_commit_callbacks,
):
    order = delivered_paypal_order(home, shop, paypal_server, quantity=2)
    payment = order.payments.get()
    sku = order.lines.get().sku
    stock_before = StockRecord.objects.get(sku=sku).quantity
    return_request = requested(order, units=1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert act(agent_client, return_request, "approve", message="Envíalo por Correos") == (
            302, [f"Return {return_request.number} is approved."])
    assert return_request.status == ReturnStatus.APPROVED and return_request.decided_by == agent
    assert "Envíalo por Correos" in mail.outbox[-1].body

    line = return_request.lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert act(agent_client, return_request, "receive", **{f"outcome_{line.pk}": "restock"})[1] == [
            f"Return {return_request.number} is marked received."]
    assert StockRecord.objects.get(sku=sku).quantity == stock_before + 1
    assert not DamagedStock.objects.exists()
    order.refresh_from_db()
    assert order.status == OrderStatus.RETURN_RECEIVED

    form = refund_form(agent_client, return_request)
    assert (D(form["amount"]), form["payment"]) == (D("30.00"), str(payment.pk))  # one unit of 30,00 €
    with django_capture_on_commit_callbacks(execute=True):
        assert act(agent_client, return_request, "refund", **form)[1] == [
            f"The refund of return {return_request.number} is recorded."]
        assert act(agent_client, return_request, "refund", **form)[1] == [  # the same form posted twice
            f"The refund of return {return_request.number} is recorded."]

    assert paypal_server.count("refund") == 1
    (paypal_refund,) = paypal_server.refunds.values()
    assert (paypal_refund.capture_id, paypal_refund.amount) == (payment.paypal_capture_id, D("30.00"))
    refund = Refund.objects.get()
    assert (refund.payment, refund.amount, refund.paypal_refund_id) == (payment, D("30.00"), paypal_refund.id)
    assert (return_request.status, return_request.refund, return_request.refunded_amount) == (
        ReturnStatus.REFUNDED, refund, D("30.00"))
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_REFUNDED
    assert payment.status == PaymentStatus.PARTIALLY_REFUNDED
    refunded_emails = [message for message in mail.outbox if "reembols" in message.subject.lower()
                       or "refunded" in message.subject.lower()]
    assert len(refunded_emails) == 1  # the double post emailed once

    section = parse(client.get(order_url(order))).find("section", class_="order-returns")
    assert ui("Return refunded") in text_of(section.find(class_="status-badge")) and "30,00" in text_of(section)


def test_a_refund_above_what_was_captured_is_refused_and_nothing_is_recorded(
    agent_client, home, shop, paypal_server,
):
    order = delivered_paypal_order(home, shop, paypal_server, quantity=2)
    return_request = requested(order, units=2)
    act(agent_client, return_request, "approve")
    act(agent_client, return_request, "receive", **{f"outcome_{return_request.lines.get().pk}": "restock"})
    form = refund_form(agent_client, return_request)
    too_much = order.total + D("0.01")

    status, texts = act(agent_client, return_request, "refund", **{**form, "amount": str(too_much)})

    assert texts == [f"At most {order.total} EUR can still be refunded of this payment."]
    assert paypal_server.count("refund") == 0 and not Refund.objects.exists()
    assert return_request.status == ReturnStatus.RECEIVED and return_request.refund is None
    order.refresh_from_db()
    assert order.status == OrderStatus.RETURN_RECEIVED

    status, texts = act(agent_client, return_request, "refund", **{**form, "amount": "-1"})
    assert texts and texts[0].startswith("Amount:") and not Refund.objects.exists()


def test_reject_needs_a_message_and_puts_the_order_back_to_delivered(
    agent_client, home, shop, django_capture_on_commit_callbacks,
):
    order = delivered_bank_order(home, shop)
    return_request = requested(order)

    status, texts = act(agent_client, return_request, "reject", message="")
    assert texts == ["Why it is rejected (sent to the customer): This field is required."]
    assert return_request.status == ReturnStatus.REQUESTED

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(agent_client, return_request, "reject", message="Han pasado más de 30 días")
    assert return_request.status == ReturnStatus.REJECTED
    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED
    (message,) = mail.outbox
    assert "Han pasado más de 30 días" in message.body
    # A step out of order is refused with a message, not an error.
    assert act(agent_client, return_request, "approve")[1] == [
        f"Return {return_request.number} cannot be approved now (status: Return rejected)."]


def test_damaged_units_are_recorded_and_not_put_back_in_stock(agent_client, agent, home, shop):
    order = delivered_bank_order(home, shop)
    sku = order.lines.get().sku
    stock_before = StockRecord.objects.get(sku=sku).quantity
    return_request = requested(order, units=2)
    act(agent_client, return_request, "approve")

    line = return_request.lines.get()
    act(agent_client, return_request, "receive", note="Pantalla rota", **{f"outcome_{line.pk}": "damaged"})

    assert StockRecord.objects.get(sku=sku).quantity == stock_before
    damaged = DamagedStock.objects.get()
    assert (damaged.sku, damaged.quantity, damaged.return_line, damaged.order, damaged.note, damaged.created_by) == (
        sku, 2, line, order, "Pantalla rota", agent)
    line.refresh_from_db()
    assert line.outcome == "damaged"

    listing = agent_client.get(reverse("damaged_stock:index"), {"q": sku})
    assert listing.status_code == 200 and list(listing.context["object_list"]) == [damaged]
    assert return_request.number in listing.content.decode() and "Pantalla rota" in listing.content.decode()
    assert agent_client.get(reverse("damaged_stock:add")).status_code in (302, 403)
    assert agent_client.get(reverse("damaged_stock:edit", args=[damaged.pk])).status_code in (302, 403)


def test_units_of_a_sku_without_a_stock_row_are_not_lost(agent_client, home, shop):
    order = delivered_bank_order(home, shop)
    sku = order.lines.get().sku
    return_request = requested(order, units=2)
    act(agent_client, return_request, "approve")
    StockRecord.objects.filter(sku=sku).delete()

    act(agent_client, return_request, "receive", **{f"outcome_{return_request.lines.get().pk}": "restock"})

    assert return_request.status == ReturnStatus.RECEIVED
    assert StockRecord.objects.get(sku=sku).quantity == 2


def test_offline_refund_of_a_bank_transfer_order(agent_client, home, shop, paypal_server):
    order = delivered_bank_order(home, shop)
    return_request = requested(order, units=1)
    act(agent_client, return_request, "approve")
    act(agent_client, return_request, "receive", **{f"outcome_{return_request.lines.get().pk}": "restock"})
    response = agent_client.get(reverse("return_requests:inspect", args=[return_request.pk]))
    assert [item["action"].name for item in response.context["actions"]] == ["refund_offline"]

    form = refund_form(agent_client, return_request, "refund_offline")
    act(agent_client, return_request, "refund_offline", **{**form, "reason": "Transferencia ES12"})

    refund = Refund.objects.get()
    assert (refund.amount, refund.paypal_refund_id, refund.status) == (D("30.00"), None, "COMPLETED")
    assert "Transferencia ES12" in refund.reason
    assert paypal_server.count("refund") == 0
    assert return_request.status == ReturnStatus.REFUNDED
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_REFUNDED


def test_a_paypal_payment_refunded_another_way_is_recorded_without_calling_paypal(
    agent_client, home, shop, paypal_server,
):
    order = delivered_paypal_order(home, shop, paypal_server, quantity=1)
    return_request = requested(order, units=1)
    act(agent_client, return_request, "approve")
    act(agent_client, return_request, "receive", **{f"outcome_{return_request.lines.get().pk}": "restock"})

    form = refund_form(agent_client, return_request, "refund_offline")
    act(agent_client, return_request, "refund_offline", **{**form, "amount": str(order.total)})

    assert paypal_server.count("refund") == 0
    refund = Refund.objects.get()
    assert refund.payment == order.payments.get() and refund.paypal_refund_id is None
    order.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED


def test_every_step_emails_the_customer_in_the_order_language(
    agent_client, home, shop, django_capture_on_commit_callbacks,
):
    order = delivered_bank_order(home, shop)
    assert order.language == "es"
    with django_capture_on_commit_callbacks(execute=True):
        return_request = requested(order)
    with django_capture_on_commit_callbacks(execute=True):
        act(agent_client, return_request, "approve", message="Vale")
    with django_capture_on_commit_callbacks(execute=True):
        act(agent_client, return_request, "receive", **{f"outcome_{return_request.lines.get().pk}": "restock"})
    with django_capture_on_commit_callbacks(execute=True):
        act(agent_client, return_request, "refund_offline", **refund_form(agent_client, return_request,
                                                                          "refund_offline"))

    to_customer = [message for message in mail.outbox if message.to == ["ana@example.com"]]
    number = {"number": return_request.number}
    assert [message.subject for message in to_customer] == [
        ui("We have received your return request %(number)s") % number,
        ui("Your return %(number)s is approved") % number,
        ui("We have received the products of your return %(number)s") % number,
        ui("Your return %(number)s has been refunded") % number,
    ]
    link = "http://localhost" + order_url(order)
    for message in to_customer:
        assert link in message.body and message.body.startswith(ui("Hello %(name)s,") % {"name": "Ana Pérez"})
        assert link in message.alternatives[0][0]
    assert "30,00" in to_customer[-1].body


# Who may see and do what

def test_editor_neither_sees_nor_reaches_returns(django_user_model, home, shop):
    order = delivered_bank_order(home, shop)
    return_request = requested(order, photo=photo())
    editor = user_in(django_user_model, "editor", "Editors")

    client = english_admin_client(editor)
    assert not any("Returns" in label or "Damaged" in label for label in menu_labels(editor))
    for url in (reverse("return_requests:index"), reverse("return_requests:inspect", args=[return_request.pk]),
                reverse("return_requests:photo", args=[return_request.pk]), reverse("damaged_stock:index")):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"ana@example.com" not in response.content
    assert act(client, return_request, "approve")[0] in (302, 403)
    assert return_request.status == ReturnStatus.REQUESTED


def test_customer_service_sees_and_runs_returns_but_refunds_need_manage_orders(django_user_model, home, shop):
    order = delivered_bank_order(home, shop)
    return_request = requested(order)
    user = customer_service_user(django_user_model, "luis", can_refund=False)
    client = english_admin_client(user)

    labels = menu_labels(user)
    assert "Customer service/Returns" in labels and "Customer service/Damaged stock" in labels
    assert client.get(reverse("return_requests:index")).status_code == 200
    assert b"ana@example.com" in client.get(reverse("return_requests:inspect", args=[return_request.pk])).content
    act(client, return_request, "approve")
    act(client, return_request, "receive", **{f"outcome_{return_request.lines.get().pk}": "restock"})
    assert return_request.status == ReturnStatus.RECEIVED

    response = client.get(reverse("return_requests:inspect", args=[return_request.pk]))
    assert response.context["actions"] == []
    status, texts = act(client, return_request, "refund_offline", payment=order.payments.get().pk, amount="30.00",
                        key="x")
    assert status == 403 and not Refund.objects.exists()
    assert return_request.status == ReturnStatus.RECEIVED


def test_a_viewer_without_change_permission_cannot_approve(django_user_model, home, shop):
    order = delivered_bank_order(home, shop)
    return_request = requested(order)
    user = django_user_model.objects.create_user(username="mira", password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_returnrequest"]))
    client = english_admin_client(user)

    response = client.get(reverse("return_requests:inspect", args=[return_request.pk]))
    assert response.status_code == 200 and response.context["actions"] == []
    assert act(client, return_request, "approve")[0] == 403
    assert return_request.status == ReturnStatus.REQUESTED
    assert not Group.objects.get(name="Editors").permissions.filter(content_type__app_label="returns").exists()
