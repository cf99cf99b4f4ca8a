"""Placing an order: from a cart and a valid checkout form to an order holding its stock.

Everything happens in one transaction: the discount code's row is locked and
checked again, the stock is reserved (row locks in SKU order), the totals are
recomputed by checkout.pricing from live prices, the order and its snapshot
lines are written and the cart is emptied. Either all of it happens or none.
A repeated submit of the same checkout form (same checkout key) returns the
order already placed instead of placing a second one.
"""

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from products.stock import OutOfStock, reserve_stock

from .cart_contents import cart_contents
from .discounts import lock_discount
from .models import Order, OrderLine
from .notifications import notify_customer
from .orders import record_placed
from .pricing import compute_totals
from .reservations import reservation_deadline

ORDER_NUMBER_START = 10000


class CheckoutError(Exception):
    """The order cannot be placed; `message` tells the customer why."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


class EmptyCart(CheckoutError):
    def __init__(self):
        super().__init__(_("Your cart is empty: add a product before checking out."))


class CartNeedsAttention(CheckoutError):
    def __init__(self):
        super().__init__(_("Some products in your cart changed. Please review your cart before placing the order."))


class NotEnoughStock(CheckoutError):
    def __init__(self, shortages):
        self.shortages = shortages
        super().__init__(_("Sorry, some units sold out while you were checking out. Please review your cart."))


def place_order(cart, details, *, store, discount=None, user=None):
    """Turn the cart into an order; `details` is the checkout form's cleaned_data.

    Raises CheckoutError subclasses or discounts.DiscountRefused with a message
    for the customer; nothing is written then.
    """
    key = details["checkout_key"]
    existing = Order.objects.filter(checkout_key=key).first()
    if existing is not None:
        return existing
    contents = cart_contents(cart)
    if not contents.items:
        raise EmptyCart()
    if contents.has_problems:
        raise CartNeedsAttention()
    try:
        with transaction.atomic():
            return _write_order(cart, contents.items, details, store, discount, user)
    except IntegrityError:
        # The same form submitted twice at once: the other request placed it.
        existing = Order.objects.filter(checkout_key=key).first()
        if existing is None:
            raise
        return existing


def _write_order(cart, items, details, store, discount, user):
    if discount is not None:
        discount = lock_discount(discount, email=details["email"], subtotal=_subtotal(items))
    try:
        reserve_stock(_units_by_sku(items))
    except OutOfStock as error:
        raise NotEnoughStock(error.shortages) from error
    method = details["shipping_method_object"]
    totals = compute_totals(
        [(item.unit_price, item.quantity) for item in items],
        shipping_method=method, discount_code=discount, tax_rate=store.tax_rate,
    )
    order = Order.objects.create(
        number=f"new-{details['checkout_key'][:16]}",
        checkout_key=details["checkout_key"],
        user=user if user is not None and user.is_authenticated else None,
        language=translation.get_language() or "es",
        **_contact_and_address(details, method),
        shipping_method=method,
        shipping_method_name=method.display_name,
        delivery_promise=method.display_promise,
        payment_method=details["payment_method"],
        discount_code=discount,
        discount_code_text=discount.code if discount else "",
        currency=totals.currency, subtotal=totals.subtotal, discount_total=totals.discount,
        shipping_total=totals.shipping, tax_rate=totals.tax_rate, tax_total=totals.tax, total=totals.total,
        stock_reserved_until=reservation_deadline(details["payment_method"]),
    )
    order.number = str(ORDER_NUMBER_START + order.pk)
    order.save(update_fields=["number"])
    OrderLine.objects.bulk_create([_snapshot(order, item) for item in items])
    record_placed(order, user=order.user)
    cart.lines.all().delete()
    notify_customer(order, "placed")
    return order


def _contact_and_address(details, method):
    fields = {name: details.get(name) or "" for name in ("email", "name", "phone")}
    if not method.is_pickup:
        for name in ("address_line1", "address_line2", "postal_code", "city", "region", "country"):
            fields[name] = details.get(name) or ""
    return fields


def _snapshot(order, item):
    """The line as bought: a later edit or deletion of the product changes nothing here."""
    return OrderLine(
        order=order, product=item.product, sku=item.sku, product_title=item.title,
        variant_label=item.option_label, unit_price=item.unit_price, quantity=item.quantity,
        line_total=item.line_total,
    )


def _units_by_sku(items):
    units = {}
    for item in items:
        units[item.sku] = units.get(item.sku, 0) + item.quantity
    return units


def _subtotal(items):
    return compute_totals([(item.unit_price, item.quantity) for item in items]).subtotal
