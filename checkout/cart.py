"""Cart services: find the visitor's cart, change its lines, and read it at today's prices.

A cart line stores a SKU and a quantity, nothing else the customer could
tamper with: titles, prices and stock are read live whenever the cart is
shown, so a price change or an unpublished product shows up at once. A line
that can no longer be bought is flagged with a message, never silently
dropped or changed, so the customer always knows what happened to it.

Every refusal is a `CartError` whose `message` is written for the customer;
the views show it next to the field or return it as the JSON `message`.
"""

import re
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from products.display import attach_stock
from products.models import ProductPage, ProductVariant

from .cart_contents import CartContents, CartItem, cart_contents, cart_subtotal, max_quantity_per_line  # noqa: F401
from .models import Cart, CartLine

COOKIE_NAME = "vitrina_cart"
COOKIE_SALT = "vitrina.checkout.cart"
COOKIE_MAX_AGE = 60 * 24 * 60 * 60  # 60 days: a cart survives a long think
_WHOLE_NUMBER = re.compile(r"\s*[+-]?[0-9]+\s*")


class CartError(Exception):
    """A cart change that was refused; the cart is left as it was.

    `message` is for the customer (translated), `code` for programs (the JSON `reason`).
    """

    code = "invalid"

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class InvalidQuantity(CartError):
    code = "invalid_quantity"


class UnknownProduct(CartError):
    """No such SKU, a SKU of another product, or a product that is no longer published."""

    code = "unknown_product"


class NotForSale(CartError):
    """The product is sold on request (quote only): it has no price to put in a cart."""

    code = "not_for_sale"


class OutOfStock(CartError):
    code = "out_of_stock"


@dataclass
class CartChange:
    """What a change did: the line's new quantity and a message for the customer."""

    sku: str
    quantity: int
    message: str


# ---------- Finding the cart ----------


def get_cart(request, create=False):
    """The visitor's cart: the one the signed `vitrina_cart` cookie names, else a logged-in customer's saved cart.

    A missing, tampered or expired cookie, or one naming a cart that no longer
    exists, counts as no cart. A cart that belongs to a customer account is
    only ever shown to that customer: after they log out, the next visitor on
    the same browser starts afresh. A logged-in customer without a cookie
    cart gets their latest saved cart (one filled on another device). With
    `create=True` a visitor without a cart gets a new, unsaved Cart: the
    first successful `add_to_cart` saves it, so refused requests and bots
    leave no empty carts behind.
    """
    user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
    cart = cart_from_cookie(request)
    if cart is not None and cart.user_id is not None and (user is None or cart.user_id != user.pk):
        cart = None
    if cart is None and user is not None:
        cart = saved_cart(user)
    if cart is None and create:
        cart = Cart(user=user)
    return cart


def cart_from_cookie(request):
    """The cart the signed cookie names, whoever it belongs to; None without a valid cookie."""
    token = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    if not token:
        return None
    try:
        return Cart.objects.filter(token=uuid.UUID(token)).first()
    except ValueError:
        return None


def saved_cart(user, exclude=None):
    """The customer's most recently changed cart (None if they have none), other than `exclude`."""
    carts = Cart.objects.filter(user=user).order_by("-updated_at", "-pk")
    if exclude is not None and exclude.pk is not None:
        carts = carts.exclude(pk=exclude.pk)
    return carts.first()


def merge_carts(cart, other, *, max_per_line):
    """Move every line of `other` into `cart`, then delete `other`; returns `cart`.

    Used when a customer logs in: the cart they filled as a visitor and the
    one saved in their account become one. Quantities of the same SKU add
    up, capped at `max_per_line`; stock is not checked here, because the cart
    page flags lines that cannot be bought, as it does for any cart.
    """
    with transaction.atomic():
        if cart.pk is None:
            cart.save()
        current = {line.sku: line for line in CartLine.objects.select_for_update().filter(cart=cart)}
        for line in other.lines.all():
            mine = current.get(line.sku)
            if mine is None:
                CartLine.objects.create(
                    cart=cart, product=line.product, sku=line.sku, quantity=min(line.quantity, max_per_line),
                )
            else:
                mine.quantity = min(mine.quantity + line.quantity, max_per_line)
                mine.save(update_fields=["quantity"])
        other.delete()
        cart.save(update_fields=["updated_at"])
    return cart


def remember_cart(response, cart, request):
    """Set (or refresh) the cookie that ties the visitor to `cart` for another 60 days.

    HttpOnly, because only the server reads it; SameSite=Lax, so a link from
    another site still finds the cart; Secure on https.
    """
    response.set_signed_cookie(
        COOKIE_NAME, str(cart.token), salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE,
        httponly=True, samesite="Lax", secure=request.is_secure(),
    )
    return response


# ---------- Checking what the customer asks for ----------


def parse_quantity(value):
    """A quantity typed in a form, as an int; anything but a whole number is InvalidQuantity."""
    text = "" if value is None else str(value)
    if not _WHOLE_NUMBER.fullmatch(text):
        raise InvalidQuantity(_("Enter the quantity as a whole number, for example 1 or 2."))
    try:
        return int(text)
    except ValueError:  # thousands of digits: Python refuses to convert them
        raise InvalidQuantity(_("Enter the quantity as a whole number, for example 1 or 2.")) from None


def check_quantity(quantity, limit):
    """Refuse quantities outside 1..limit (the store's maximum per line)."""
    if not isinstance(quantity, int) or isinstance(quantity, bool) or not 1 <= quantity <= limit:
        raise InvalidQuantity(
            _("Choose a quantity between 1 and %(limit)s.") % {"limit": limit}
        )


def find_variant(sku, product_id=None):
    """The variant `sku` of live product `product_id` (any live product if None), with its stock.

    Raises UnknownProduct when the product is not live or the SKU belongs to
    another product, NotForSale for quote-only products.
    """
    if not sku:
        raise UnknownProduct(_("Choose an option first."))
    live_products = ProductPage.objects.live().public()
    if product_id is not None:
        product = live_products.filter(pk=product_id).first()
        if product is None:
            raise UnknownProduct(_("This product is no longer available."))
        variant = product.variants.filter(sku=sku).first()
        if variant is None:
            raise UnknownProduct(_("This option does not belong to “%(product)s”.") % {"product": product.title})
        variant.product = product
    else:
        variant = ProductVariant.objects.filter(sku=sku, product__in=live_products).first()
        if variant is None:
            raise UnknownProduct(_("We could not find that product."))
        variant.product = live_products.get(pk=variant.product_id)
    if variant.product.is_quote_only:
        raise NotForSale(_("“%(product)s” is sold on request: ask us for a quote.") % {"product": variant.product.title})
    attach_stock([variant])
    return variant


def describe(variant):
    """How messages name a variant: the product title, and its options when it has some."""
    if variant.option_label:
        return f"{variant.product.title} ({variant.option_label})"
    return variant.product.title


# ---------- Changing the cart ----------


def add_to_cart(cart, sku, quantity, *, product_id=None, max_per_line=None):
    """Add `quantity` units of `sku` (a variant of `product_id`) to the cart; returns a CartChange.

    When the cart already has the SKU the quantities add up. The total is
    capped at the stock and at the store's maximum per line, and the message
    says so; when not a single unit can be added, CartError is raised and the
    cart is left as it was. An unsaved cart (see `get_cart`) is saved here.
    """
    limit = max_per_line or max_quantity_per_line()
    check_quantity(quantity, limit)
    variant = find_variant(sku, product_id)
    if variant.stock_quantity <= 0:
        raise OutOfStock(_("Sorry, “%(product)s” is out of stock.") % {"product": describe(variant)})
    if cart.pk is None:
        cart.save()
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return _add_units(cart, variant, quantity, limit)
        except IntegrityError:
            # Two requests (a double click) created the same line at once: the
            # second one runs again and adds to the line the first one made.
            if attempt == 2:
                raise


def _add_units(cart, variant, quantity, limit):
    line = CartLine.objects.select_for_update().filter(cart=cart, sku=variant.sku).first()
    current = line.quantity if line else 0
    allowed = min(variant.stock_quantity, limit)
    name = describe(variant)
    if current >= allowed:
        if allowed == variant.stock_quantity:
            raise OutOfStock(ngettext(
                "Only %(count)s of “%(product)s” is left, and it is already in your cart.",
                "Only %(count)s of “%(product)s” are left, and they are all in your cart already.",
                allowed) % {"count": allowed, "product": name})
        raise InvalidQuantity(
            _("Your cart already has the maximum of %(count)s of “%(product)s”.") % {"count": allowed, "product": name}
        )
    total = min(current + quantity, allowed)
    if total < current + quantity:
        message = ngettext(
            "Only %(count)s of “%(product)s” can be bought: your cart now has %(count)s.",
            "Only %(count)s of “%(product)s” can be bought: your cart now has %(count)s.",
            total) % {"count": total, "product": name}
    else:
        message = _("Added to your cart: %(quantity)s × %(product)s.") % {"quantity": quantity, "product": name}
    if line is None:
        CartLine.objects.create(cart=cart, product=variant.product, sku=variant.sku, quantity=total)
    else:
        line.quantity, line.product = total, variant.product
        line.save(update_fields=["quantity", "product"])
    cart.save(update_fields=["updated_at"])
    return CartChange(sku=variant.sku, quantity=total, message=message)


def set_quantity(cart, sku, quantity, *, max_per_line=None):
    """Set a line to exactly `quantity` units; refused (CartError) above the stock or the maximum."""
    limit = max_per_line or max_quantity_per_line()
    check_quantity(quantity, limit)
    line = _line(cart, sku)
    variant = _buyable_variant(line)
    name = describe(variant)
    if variant.stock_quantity <= 0:
        raise OutOfStock(_("Sorry, “%(product)s” is out of stock.") % {"product": name})
    if quantity > variant.stock_quantity:
        raise OutOfStock(ngettext(
            "Only %(count)s of “%(product)s” is left.", "Only %(count)s of “%(product)s” are left.",
            variant.stock_quantity) % {"count": variant.stock_quantity, "product": name})
    line.quantity = quantity
    line.save(update_fields=["quantity"])
    cart.save(update_fields=["updated_at"])
    return CartChange(sku=line.sku, quantity=quantity,
                      message=_("%(product)s: quantity changed to %(quantity)s.") % {"product": name, "quantity": quantity})


def remove_from_cart(cart, sku):
    """Take a line out of the cart and return it (None if it was not there: removing twice is harmless)."""
    if cart is None or cart.pk is None:
        return None
    line = CartLine.objects.filter(cart=cart, sku=sku).select_related("product").first()
    if line is not None:
        line.delete()
        cart.save(update_fields=["updated_at"])
    return line


def _line(cart, sku):
    line = None
    if cart is not None and cart.pk is not None:
        line = CartLine.objects.filter(cart=cart, sku=sku).select_related("product").first()
    if line is None:
        raise UnknownProduct(_("That item is not in your cart any more."))
    return line


def _buyable_variant(line):
    """The live variant a line refers to, in any language of its product; CartError if none."""
    product = line.product
    variant = None
    if product is not None:
        variant = (
            ProductVariant.objects.filter(
                sku=line.sku,
                product__in=ProductPage.objects.live().public().filter(translation_key=product.translation_key),
            ).select_related("product").first()
        )
    if variant is None:
        raise UnknownProduct(_("This product is no longer available: please remove it from your cart."))
    if variant.product.is_quote_only:
        raise NotForSale(_("“%(product)s” is sold on request: ask us for a quote.") % {"product": variant.product.title})
    attach_stock([variant])
    return variant
