"""Shared by the PayPal tests: an order placed from a real cart, and PayPal approval."""

import uuid
from decimal import Decimal

from checkout.cart import add_to_cart
from checkout.models import Cart, CheckoutSettings, OrderStatus, PaymentMethod
from checkout.paypal.services import start_payment
from checkout.placing import place_order
from tests.factories import ProductPageFactory, ProductVariantFactory, ShippingMethodFactory

D = Decimal
URLS = {"return_url": "http://localhost/es/pedido/vuelta/", "cancel_url": "http://localhost/es/pedido/cancelado/"}


def make_order(home, shop, quantity=2):
    store = CheckoutSettings.for_site(home.get_site())
    product = ProductPageFactory(
        parent=shop, title="Cafetera", variants=[ProductVariantFactory.build(sku=f"CAF-{uuid.uuid4().hex[:6]}",
                                                                             price=D("30.00"))], stock=5,
    )
    cart = Cart.objects.create()
    add_to_cart(cart, product.variants.get().sku, quantity, product_id=product.pk)
    return place_order(cart, checkout_details(ShippingMethodFactory()), store=store)


def checkout_details(carrier):
    """A valid checkout form's cleaned data, with a new checkout key each time."""
    return {
        "checkout_key": uuid.uuid4().hex, "email": "ana@example.com", "name": "Ana Pérez", "phone": "600000000",
        "country": "ES", "address_line1": "Calle Mayor 1", "address_line2": "", "postal_code": "28001",
        "city": "Madrid", "region": "", "shipping_method_object": carrier,
        "payment_method": PaymentMethod.PAYPAL,
    }


def approved_payment(order, paypal_server):
    approval_url = start_payment(order, **URLS)
    payment = order.payments.get()
    assert approval_url.startswith(paypal_server.url)
    paypal_server.approve(payment.paypal_order_id)
    return payment


def paid_events(order):
    return order.events.filter(to_status=OrderStatus.PAID).count()
