"""Orders in the Wagtail admin: listing, detail page, actions, refunds over real HTTP, who may see them."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from checkout.cart import add_to_cart
from checkout.models import Cart, CheckoutSettings, Order, OrderStatus, Payment, PaymentMethod, PaymentStatus, Refund
from checkout.orders import transition
from checkout.paypal.services import capture_payment
from checkout.placing import place_order
from checkout.refunds import RefundError, refund_payment
from products.models import StockRecord
from tests.clients import english_admin_client
from tests.checkout.paypal_helpers import approved_payment
from tests.checkout.test_admin import menu_labels
from tests.factories import ProductPageFactory, ProductVariantFactory, ShippingMethodFactory
from tests.paypal_server.fixtures import paypal_server  # noqa: F401

D = Decimal
pytestmark = pytest.mark.django_db


# Helpers

def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.com")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def staff(django_user_model):
    return user_in(django_user_model, "staff", "Shop staff")


@pytest.fixture
def staff_client(staff):
    return english_admin_client(staff)


def new_order(home, shop, method=PaymentMethod.PAYPAL, quantity=2):
    """An order placed from a real cart (product with its own slug, so several orders can exist)."""
    store = CheckoutSettings.for_site(home.get_site())
    sku = f"CAF-{uuid.uuid4().hex[:6]}"
    product = ProductPageFactory(
        parent=shop, title=f"Cafetera {sku}", variants=[ProductVariantFactory.build(sku=sku, price=D("30.00"))],
        stock=5,
    )
    cart = Cart.objects.create()
    add_to_cart(cart, sku, quantity, product_id=product.pk)
    details = {
        "checkout_key": uuid.uuid4().hex, "email": "ana@example.com", "name": "Ana Pérez", "phone": "600000000",
        "country": "ES", "address_line1": "Calle Mayor 1", "address_line2": "", "postal_code": "28001",
        "city": "Madrid", "region": "", "shipping_method_object": ShippingMethodFactory(),
        "payment_method": method,
    }
    return place_order(cart, details, store=store)


def offline_order(home, shop, method=PaymentMethod.BANK_TRANSFER):
    return new_order(home, shop, method)


def paid_paypal_order(home, shop, paypal_server):
    order = new_order(home, shop)
    payment = approved_payment(order, paypal_server)
    capture_payment(order, payment.paypal_order_id)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    return order


def act(client, order, action, **data):
    """POST an action's form; returns (status_code, [messages]) read in English."""
    response = client.post(reverse("orders:action", args=[order.pk, action]), data, follow=True)
    order.refresh_from_db()
    if not response.redirect_chain:
        return response.status_code, []
    url, status = response.redirect_chain[0]
    if url != reverse("orders:inspect", args=[order.pk]):
        return 403, []  # Wagtail turns PermissionDenied into a redirect to the dashboard
    with translation.override("en"):
        texts = [str(message.message) for message in get_messages(response.wsgi_request)]
    return status, texts


def stock_of(order):
    return StockRecord.objects.get(sku=order.lines.get().sku).quantity


# Listing

def test_listing_filters_and_search(admin_client, home, shop):
    first = new_order(home, shop)
    second = offline_order(home, shop)
    Order.objects.filter(pk=second.pk).update(name="Luis Gómez", email="luis@example.com")
    Order.objects.filter(pk=first.pk).update(placed_at=timezone.now() - timedelta(days=10))
    url = reverse("orders:index")

    def numbers(**params):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        return [order.number for order in response.context["object_list"]]

    assert numbers() == [second.number, first.number]  # newest first
    content = admin_client.get(url).content.decode()
    assert "luis@example.com" in content and "Luis Gómez" in content and "Bank transfer" in content
    assert numbers(q=first.number) == [first.number]
    assert numbers(q="luis@example") == [second.number]
    assert numbers(q="Pérez") == [first.number]
    assert numbers(payment_method="bank_transfer") == [second.number]
    assert numbers(payment_method="paypal") == [first.number]
    assert numbers(status="pending_payment") == [second.number, first.number]
    assert numbers(status="paid") == []
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert numbers(placed_at_from=since) == [second.number]
    until = (timezone.localdate() - timedelta(days=5)).isoformat()
    assert numbers(placed_at_to=until) == [first.number]
    assert admin_client.get(url, {"ordering": "total"}).status_code == 200


def test_orders_cannot_be_added_edited_or_deleted_through_generic_forms(admin_client, home, shop):
    order = new_order(home, shop)

    assert admin_client.get(reverse("orders:add")).status_code in (302, 403)
    assert admin_client.get(reverse("orders:edit", args=[order.pk])).status_code in (302, 403)
    response = admin_client.post(reverse("orders:delete", args=[order.pk]))
    assert response.status_code in (302, 403)
    assert Order.objects.filter(pk=order.pk).exists()


# Detail page

def test_detail_page_shows_contact_lines_payments_and_history(admin_client, home, shop, paypal_server):
    order = paid_paypal_order(home, shop, paypal_server)
    payment = order.payments.get()
    line = order.lines.get()

    response = admin_client.get(reverse("orders:inspect", args=[order.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    for text in (order.number, "ana@example.com", "Ana Pérez", "Calle Mayor 1", "28001", line.sku, "Cafetera",
                 payment.paypal_order_id, payment.paypal_capture_id, "Pending payment", "Paid"):
        assert text in content, text
    assert [item["action"].name for item in response.context["actions"]] == ["mark_packed", "cancel", "refund"]
    for name in ("history", "usage"):  # Wagtail's generic history needs "change": the detail page has the history
        assert admin_client.get(reverse(f"orders:{name}", args=[order.pk])).status_code in (200, 302)


def test_a_shipped_order_is_not_refunded_before_it_is_delivered(staff_client, home, shop, paypal_server):
    order = paid_paypal_order(home, shop, paypal_server)
    transition(order, OrderStatus.PACKED)
    transition(order, OrderStatus.SHIPPED)

    status, texts = act(staff_client, order, "refund", payment=order.payments.get().pk, amount="5.00", key="x")

    assert texts == [f"Order {order.number} is “Shipped” and cannot become “Partially refunded”."]
    assert paypal_server.count("refund") == 0 and not Refund.objects.exists()


# Actions

def test_bank_transfer_order_through_every_step(staff_client, staff, home, shop, django_capture_on_commit_callbacks):
    order = offline_order(home, shop)

    with django_capture_on_commit_callbacks(execute=True):
        assert act(staff_client, order, "mark_paid") == (302, [f"Order {order.number} is marked paid."])
    assert order.status == OrderStatus.PAID and order.paid_at
    payment = order.payments.get()
    assert (payment.method, payment.status, payment.amount, payment.recorded_by) == (
        PaymentMethod.BANK_TRANSFER, PaymentStatus.CAPTURED, order.total, staff)
    assert mail.outbox[-1].to == ["ana@example.com"]

    assert act(staff_client, order, "mark_packed", note="Caja 3")[0] == 302
    assert order.status == OrderStatus.PACKED

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert act(staff_client, order, "mark_shipped", carrier="Correos", tracking_number="PK123ES")[0] == 302
    assert (order.status, order.carrier, order.tracking_number) == (OrderStatus.SHIPPED, "Correos", "PK123ES")
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject
    assert "PK123ES" in mail.outbox[0].body
    assert "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PK123ES" in (
        mail.outbox[0].body)

    assert act(staff_client, order, "mark_delivered")[0] == 302
    assert order.status == OrderStatus.DELIVERED

    events = list(order.events.values_list("from_status", "to_status", "user__username", "note"))
    assert events[1:] == [
        ("pending_payment", "paid", "staff", ""),
        ("paid", "packed", "staff", "Caja 3"),
        ("packed", "shipped", "staff", "Correos PK123ES"),
        ("shipped", "delivered", "staff", ""),
    ]
    history = staff_client.get(reverse("orders:inspect", args=[order.pk])).content.decode()
    assert "staff" in history and "Correos PK123ES" in history


def test_cash_on_delivery_is_packed_unpaid_and_paid_on_delivery(staff_client, staff, home, shop):
    order = offline_order(home, shop, PaymentMethod.CASH_ON_DELIVERY)

    for action in ("mark_packed",):
        assert act(staff_client, order, action)[0] == 302
    act(staff_client, order, "mark_shipped", carrier="SEUR", tracking_number="S1")
    act(staff_client, order, "mark_delivered")

    assert order.status == OrderStatus.DELIVERED and order.paid_at
    payment = order.payments.get()
    assert (payment.method, payment.amount, payment.recorded_by) == (
        PaymentMethod.CASH_ON_DELIVERY, order.total, staff)


def test_mark_shipped_needs_carrier_and_tracking_number(staff_client, home, shop, django_capture_on_commit_callbacks):
    order = offline_order(home, shop)
    transition(order, OrderStatus.PAID)
    transition(order, OrderStatus.PACKED)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        status, texts = act(staff_client, order, "mark_shipped", carrier="", tracking_number="")
    assert status == 302
    assert texts == ["Carrier: This field is required.", "Tracking number: This field is required."]
    assert order.status == OrderStatus.PACKED and not mail.outbox


def test_invalid_transitions_give_a_message_not_an_error(staff_client, home, shop):
    order = new_order(home, shop)  # PayPal, pending payment

    assert act(staff_client, order, "mark_paid") == (
        302, ["Only bank transfer and cash payments are marked paid by hand."])
    status, texts = act(staff_client, order, "mark_shipped", carrier="Correos", tracking_number="X1")
    assert status == 302
    assert texts == [f"Order {order.number} is “Pending payment” and cannot become “Shipped”."]
    status, texts = act(staff_client, order, "mark_packed")
    assert texts == [f"Order {order.number} is “Pending payment” and cannot become “Packed”."]
    assert act(staff_client, order, "refund", amount="1.00", key="k")[0] == 302
    assert act(staff_client, order, "nonsense")[0] == 403
    assert order.status == OrderStatus.PENDING_PAYMENT and order.carrier == ""
    assert staff_client.get(reverse("orders:action", args=[order.pk, "mark_packed"])).status_code == 405


def test_cancel_releases_stock_once_and_refunds_paypal_once(
    staff_client, home, shop, paypal_server, django_capture_on_commit_callbacks,
):
    order = paid_paypal_order(home, shop, paypal_server)
    reserved = stock_of(order)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert act(staff_client, order, "cancel", note="Customer asked") == (
            302, [f"Order {order.number} is cancelled."])
    status, texts = act(staff_client, order, "cancel")

    assert texts == [f"Order {order.number} is “Cancelled” and cannot become “Cancelled”."]
    assert order.status == OrderStatus.CANCELLED and order.stock_released
    assert stock_of(order) == reserved + 2
    assert paypal_server.count("refund") == 1
    payment = order.payments.get()
    assert payment.status == PaymentStatus.REFUNDED
    refund = payment.refunds.get()
    assert refund.amount == order.total and refund.paypal_refund_id and refund.raw_response
    assert paypal_server.requests_for("refund")[0].headers["PayPal-Request-Id"] == refund.idempotency_key
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject
    assert StockRecord.objects.get(sku=order.lines.get().sku).quantity == reserved + 2  # not released twice


def test_partial_then_full_refund_through_paypal(staff_client, staff, home, shop, paypal_server):
    order = paid_paypal_order(home, shop, paypal_server)
    payment = order.payments.get()
    total = order.total

    status, texts = act(staff_client, order, "refund", payment=payment.pk, amount="10.00", reason="Dented",
                        key="first")
    assert texts == [f"The refund of order {order.number} is recorded."]
    assert order.status == OrderStatus.PARTIALLY_REFUNDED
    act(staff_client, order, "refund", payment=payment.pk, amount="10.00", reason="Dented", key="first")  # twice
    assert paypal_server.count("refund") == 1

    status, texts = act(staff_client, order, "refund", payment=payment.pk, amount=str(total), key="second")
    assert texts == [f"At most {total - D('10.00')} EUR can still be refunded of this payment."]
    assert paypal_server.count("refund") == 1

    status, texts = act(staff_client, order, "refund", payment=payment.pk, amount="", key="third")
    assert texts == [f"The refund of order {order.number} is recorded."]
    assert paypal_server.count("refund") == 2
    assert order.status == OrderStatus.REFUNDED
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    assert sorted(payment.refunds.values_list("amount", flat=True)) == sorted([D("10.00"), total - D("10.00")])
    assert set(payment.refunds.values_list("created_by__username", flat=True)) == {"staff"}
    assert list(order.events.filter(user=staff).values_list("to_status", flat=True)) == [
        "partially_refunded", "refunded"]
    detail = staff_client.get(reverse("orders:inspect", args=[order.pk])).content.decode()
    assert "Dented" in detail


def test_a_refund_paypal_did_not_answer_is_finished_by_the_next_attempt(
    staff_client, home, shop, paypal_server, settings,
):
    order = paid_paypal_order(home, shop, paypal_server)
    settings.PAYPAL_TIMEOUT = 0.3
    paypal_server.inject("timeout", on="refund")

    status, texts = act(staff_client, order, "cancel")
    assert texts == [f"Order {order.number} is cancelled, but its PayPal payment was not refunded: "
                     "PayPal is not responding. Nothing was recorded; try the refund again later."]
    assert order.status == OrderStatus.CANCELLED and paypal_server.count("refund") == 0

    payment = order.payments.get()
    status, texts = act(staff_client, order, "refund", payment=payment.pk, amount="", key="retry")
    assert texts == [f"The refund of order {order.number} is recorded."]
    assert paypal_server.count("refund") == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED and payment.refunds.get().amount == order.total
    assert order.status == OrderStatus.CANCELLED


def test_refund_amounts_are_validated(staff_client, home, shop, paypal_server):
    order = paid_paypal_order(home, shop, paypal_server)
    payment = order.payments.get()

    for amount in ("0", "-5", "abc"):
        status, texts = act(staff_client, order, "refund", payment=payment.pk, amount=amount, key=f"k{amount}")
        assert status == 302 and texts and texts[0].startswith("Amount:"), texts
    with pytest.raises(RefundError):
        refund_payment(payment, D("0"), user=None)
    with pytest.raises(RefundError):
        refund_payment(payment, order.total + 1, user=None)
    assert paypal_server.count("refund") == 0 and not Refund.objects.exists()
    assert order.status == OrderStatus.PAID


def test_offline_refund_is_recorded_without_paypal(staff_client, home, shop, paypal_server):
    order = offline_order(home, shop)
    act(staff_client, order, "mark_paid")
    payment = order.payments.get()

    act(staff_client, order, "refund", payment=payment.pk, amount="5.00", key="a")

    assert order.status == OrderStatus.PARTIALLY_REFUNDED
    refund = payment.refunds.get()
    assert refund.amount == D("5.00") and refund.paypal_refund_id is None
    assert paypal_server.count("refund") == 0


# Who sees orders

def test_editor_neither_sees_nor_reaches_orders(django_user_model, home, shop):
    order = offline_order(home, shop)
    editor = user_in(django_user_model, "editor", "Editors")
    moderator = user_in(django_user_model, "moderator", "Moderators")

    for user in (editor, moderator):
        client = english_admin_client(user)
        assert not any("Orders" in label for label in menu_labels(user))
        for url in (reverse("orders:index"), reverse("orders:inspect", args=[order.pk]),
                    reverse("orders:history", args=[order.pk])):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert b"ana@example.com" not in response.content
        response = client.post(reverse("orders:action", args=[order.pk, "mark_paid"]))
        assert response.status_code in (302, 403)
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT and not Payment.objects.exists()


def test_shop_staff_see_and_run_orders(staff, staff_client, home, shop):
    order = offline_order(home, shop)

    assert "Sales/Orders" in menu_labels(staff)
    assert staff_client.get(reverse("orders:index")).status_code == 200
    assert b"ana@example.com" in staff_client.get(reverse("orders:inspect", args=[order.pk])).content
    act(staff_client, order, "mark_paid")
    assert order.status == OrderStatus.PAID


def test_viewer_without_manage_orders_cannot_act(django_user_model, home, shop):
    order = offline_order(home, shop)
    user = django_user_model.objects.create_user(username="viewer", password="x")
    for codename in ("access_admin", "view_order"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = english_admin_client(user)

    response = client.get(reverse("orders:inspect", args=[order.pk]))
    assert response.status_code == 200 and response.context["actions"] == []
    assert client.post(reverse("orders:action", args=[order.pk, "mark_paid"])).status_code in (302, 403)
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_migration_creates_the_shop_staff_group():
    group = Group.objects.get(name="Shop staff")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert {("wagtailadmin", "access_admin"), ("checkout", "view_order"), ("checkout", "manage_orders"),
            ("checkout", "view_payment"), ("checkout", "change_shippingmethod"),
            ("checkout", "change_discountcode")} <= codenames
    assert not Group.objects.get(name="Editors").permissions.filter(content_type__app_label="checkout").exists()
