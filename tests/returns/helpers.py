"""Orders at the point a customer can return them, built the way the shop builds them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from checkout.admin_orders import HANDLERS as ORDER_ACTIONS
from checkout.models import OrderStatus, PaymentMethod
from checkout.orders import transition
from checkout.paypal.services import capture_payment
from tests.checkout.paypal_helpers import approved_payment
from tests.checkout.test_orders_admin import new_order


def deliver(order, user=None):
    """Paid (or cash) order → packed → shipped → delivered, as staff would move it."""
    for status in (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        transition(order, status, user=user)
    return order


def delivered_paypal_order(home, shop, paypal_server, quantity=2):
    order = new_order(home, shop, PaymentMethod.PAYPAL, quantity)
    payment = approved_payment(order, paypal_server)
    capture_payment(order, payment.paypal_order_id)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    return deliver(order)


def delivered_bank_order(home, shop, quantity=2):
    order = new_order(home, shop, PaymentMethod.BANK_TRANSFER, quantity)
    ORDER_ACTIONS["mark_paid"](order, {"note": ""}, None)
    order.refresh_from_db()
    return deliver(order)


def form_url(order):
    return reverse("returns:request", args=[order.token])


def order_url(order):
    return reverse("checkout:order", args=[order.token])


def photo(name="foto.png", image_format="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def return_data(order, units=1, reason="damaged", comment="", **extra):
    """POST data returning `units` of the order's first line."""
    line = order.lines.first()
    return {f"line_{line.pk}": units, "reason": reason, "comment": comment, **extra}
