"""Placing an order: totals from the server, snapshot lines, stock held, one order per submit."""

import threading
import uuid
from decimal import Decimal

import pytest
from django.db import connection

from checkout.cart import add_to_cart
from checkout.discounts import DiscountRefused
from checkout.models import Cart, CheckoutSettings, Order, OrderStatus, PaymentMethod
from checkout.placing import CartNeedsAttention, EmptyCart, place_order
from products.models import ProductPage, StockRecord
from products.stock import set_stock
from tests.factories import DiscountCodeFactory, ProductPageFactory, ProductVariantFactory, ShippingMethodFactory

D = Decimal


@pytest.fixture
def store(site):
    return CheckoutSettings.for_site(site)


@pytest.fixture
def carrier(db):
    return ShippingMethodFactory(price=D("4.90"), free_above=D("50.00"), countries=["ES"])


@pytest.fixture
def mug(shop):
    return ProductPageFactory(
        parent=shop, title="Taza", variants=[ProductVariantFactory.build(sku="TAZA-AZ", option1="Azul", price=D("12.00"))],
        stock=5,
    )


def details(carrier, **changes):
    return {
        "checkout_key": uuid.uuid4().hex, "email": "ana@example.com", "name": "Ana Pérez", "phone": "+34 600 000 000",
        "country": "ES", "address_line1": "Calle Mayor 1", "address_line2": "", "postal_code": "28001",
        "city": "Madrid", "region": "", "shipping_method_object": carrier,
        "payment_method": PaymentMethod.PAYPAL, **changes,
    }


def cart_with(*lines):
    cart = Cart.objects.create()
    for product, sku, quantity in lines:
        add_to_cart(cart, sku, quantity, product_id=product.pk)
    return cart


def test_an_order_snapshots_the_cart_and_holds_its_stock(store, carrier, mug):
    cart = cart_with((mug, "TAZA-AZ", 2))

    order = place_order(cart, details(carrier), store=store)

    assert order.number == str(10000 + order.pk)
    assert len(order.token) >= 40
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert (order.subtotal, order.shipping_total, order.discount_total, order.total) == (
        D("24.00"), D("4.90"), D("0.00"), D("28.90"),
    )
    assert order.tax_rate == D("21.00") and order.tax_total == D("5.02")
    assert order.stock_reserved_until is not None
    assert list(order.lines.values_list("sku", "product_title", "variant_label", "unit_price", "quantity",
                                        "line_total")) == [("TAZA-AZ", "Taza", "Azul", D("12.00"), 2, D("24.00"))]
    assert StockRecord.objects.get(sku="TAZA-AZ").quantity == 3
    assert cart.lines.count() == 0
    assert list(order.events.values_list("to_status", flat=True)) == [OrderStatus.PENDING_PAYMENT]
    assert (order.shipping_method_name, order.delivery_promise) == (carrier.name, carrier.delivery_promise)


def test_editing_or_deleting_the_product_later_leaves_the_order_as_it_was(store, carrier, mug):
    order = place_order(cart_with((mug, "TAZA-AZ", 1)), details(carrier), store=store)

    page = ProductPage.objects.get(pk=mug.pk)
    variant = page.variants.get()
    variant.price = D("99.00")
    page.title = "Taza nueva"
    page.variants = [variant]
    page.save_revision().publish()
    page.delete()

    line = Order.objects.get(pk=order.pk).lines.get()
    assert (line.product_title, line.unit_price, line.line_total, line.product) == ("Taza", D("12.00"), D("12.00"), None)


def test_submitting_the_same_checkout_twice_places_one_order(store, carrier, mug):
    cart = cart_with((mug, "TAZA-AZ", 2))
    form = details(carrier)

    first = place_order(cart, form, store=store)
    second = place_order(cart, form, store=store)

    assert first.pk == second.pk
    assert Order.objects.count() == 1
    assert StockRecord.objects.get(sku="TAZA-AZ").quantity == 3


def test_an_empty_cart_cannot_be_ordered(store, carrier):
    with pytest.raises(EmptyCart):
        place_order(Cart.objects.create(), details(carrier), store=store)
    assert Order.objects.count() == 0


def test_a_cart_with_a_sold_out_line_must_be_reviewed_first(store, carrier, mug):
    cart = cart_with((mug, "TAZA-AZ", 2))
    set_stock("TAZA-AZ", 1)

    with pytest.raises(CartNeedsAttention):
        place_order(cart, details(carrier), store=store)
    assert Order.objects.count() == 0
    assert StockRecord.objects.get(sku="TAZA-AZ").quantity == 1


def test_discount_is_applied_and_a_used_up_code_is_refused_at_placing_time(store, carrier, mug):
    code = DiscountCodeFactory(code="VERANO", value=D("10.00"), usage_limit=1)
    order = place_order(cart_with((mug, "TAZA-AZ", 1)), details(carrier), store=store, discount=code)
    assert (order.discount_total, order.discount_code_text, order.total) == (D("1.20"), "VERANO", D("15.70"))

    with pytest.raises(DiscountRefused) as refused:
        place_order(cart_with((mug, "TAZA-AZ", 1)), details(carrier), store=store, discount=code)
    assert refused.value.reason == DiscountRefused.USED_UP
    assert Order.objects.count() == 1
    assert StockRecord.objects.get(sku="TAZA-AZ").quantity == 4  # the refused order holds nothing


def test_pickup_orders_keep_no_address(store, mug):
    pickup = ShippingMethodFactory(pickup=True)
    order = place_order(cart_with((mug, "TAZA-AZ", 1)), details(pickup), store=store)
    assert (order.address_line1, order.city, order.country, order.shipping_total) == ("", "", "", D("0.00"))


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_racing_for_the_last_three_units_place_three_orders(postgres_only, home, shop):
    carrier = ShippingMethodFactory()
    store = CheckoutSettings.for_site(home.get_site())
    product = ProductPageFactory(parent=shop, variants=[ProductVariantFactory.build(sku="ULTIMA")], stock=3)
    carts = [cart_with((product, "ULTIMA", 1)) for _ in range(20)]
    start = threading.Barrier(20)
    outcomes = []

    def buyer(cart):
        try:
            start.wait()
            place_order(cart, details(carrier), store=store)
            outcomes.append("placed")
        except Exception as error:  # noqa: BLE001 - counted below, by kind
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=buyer, args=(cart,)) for cart in carts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcomes.count("placed") == 3
    assert set(outcomes) - {"placed"} <= {"NotEnoughStock", "CartNeedsAttention"}
    assert Order.objects.count() == 3
    assert StockRecord.objects.get(sku="ULTIMA").quantity == 0
