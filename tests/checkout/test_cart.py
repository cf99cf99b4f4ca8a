"""Cart services: finding the cart by its cookie, adding, changing and removing lines."""

import pytest
from django.http import HttpRequest, HttpResponse
from hypothesis import given
from hypothesis import strategies as st

from checkout.cart import (
    COOKIE_NAME,
    CartError,
    InvalidQuantity,
    NotForSale,
    OutOfStock,
    UnknownProduct,
    add_to_cart,
    get_cart,
    parse_quantity,
    remember_cart,
    remove_from_cart,
    set_quantity,
)
from checkout.models import Cart, CartLine, CheckoutSettings
from products.stock import set_stock
from tests.checkout.helpers import lines, variant
from tests.factories import ProductPageFactory


# ---------- add_to_cart ----------


def test_adding_creates_a_line_and_adding_again_adds_up(cart, mug):
    first = add_to_cart(cart, "MUG-1", 2, product_id=mug.pk)
    second = add_to_cart(cart, "MUG-1", 3, product_id=mug.pk)

    assert lines(cart) == {"MUG-1": 5}
    assert (first.quantity, second.quantity) == (2, 5)
    assert "Taza" in second.message
    assert CartLine.objects.get(cart=cart).product_id == mug.pk


def test_adding_saves_a_new_cart_only_when_something_is_added(mug):
    refused, added = Cart(), Cart()

    with pytest.raises(InvalidQuantity):
        add_to_cart(refused, "MUG-1", 0, product_id=mug.pk)
    add_to_cart(added, "MUG-1", 1, product_id=mug.pk)

    assert refused.pk is None
    assert list(Cart.objects.all()) == [added]


def test_adding_more_than_the_stock_is_capped_at_the_stock_with_a_message(cart, tshirt):
    change = add_to_cart(cart, "TEE-S", 5, product_id=tshirt.pk)

    assert lines(cart) == {"TEE-S": 3}
    assert "3" in change.message


def test_adding_up_is_capped_at_the_maximum_per_line(cart, mug, site):
    CheckoutSettings.objects.update_or_create(site=site, defaults={"max_quantity_per_line": 4})

    add_to_cart(cart, "MUG-1", 3, product_id=mug.pk)
    change = add_to_cart(cart, "MUG-1", 3, product_id=mug.pk)

    assert lines(cart) == {"MUG-1": 4}
    assert change.quantity == 4 and "4" in change.message


def test_adding_when_the_line_already_has_every_unit_is_refused(cart, tshirt):
    add_to_cart(cart, "TEE-S", 3, product_id=tshirt.pk)

    with pytest.raises(OutOfStock):
        add_to_cart(cart, "TEE-S", 1, product_id=tshirt.pk)

    assert lines(cart) == {"TEE-S": 3}


def test_adding_when_the_line_is_at_the_maximum_is_refused(cart, mug):
    add_to_cart(cart, "MUG-1", 2, product_id=mug.pk, max_per_line=2)

    with pytest.raises(InvalidQuantity):
        add_to_cart(cart, "MUG-1", 1, product_id=mug.pk, max_per_line=2)

    assert lines(cart) == {"MUG-1": 2}


@pytest.mark.parametrize("quantity", [0, -1, 21, 10**9])
def test_quantities_outside_one_to_the_maximum_are_refused(cart, mug, quantity):
    add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)

    with pytest.raises(InvalidQuantity) as refused:
        add_to_cart(cart, "MUG-1", quantity, product_id=mug.pk)

    assert "20" in refused.value.message
    assert lines(cart) == {"MUG-1": 1}


def test_a_sku_of_another_product_is_refused(cart, mug, tshirt):
    with pytest.raises(UnknownProduct) as refused:
        add_to_cart(cart, "TEE-M", 1, product_id=mug.pk)

    assert "Taza" in refused.value.message
    assert lines(cart) == {}


@pytest.mark.parametrize("sku", ["NOPE", ""])
def test_an_unknown_sku_is_refused(cart, mug, sku):
    with pytest.raises(UnknownProduct):
        add_to_cart(cart, sku, 1, product_id=mug.pk)


def test_an_unpublished_product_cannot_be_added(cart, mug):
    mug.unpublish()

    with pytest.raises(UnknownProduct):
        add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)


def test_a_quote_only_product_cannot_be_added(cart, shop):
    machine = ProductPageFactory(parent=shop, is_quote_only=True, variants=[variant("PRO-1", "2500.00")])

    with pytest.raises(NotForSale):
        add_to_cart(cart, "PRO-1", 1, product_id=machine.pk)


def test_an_out_of_stock_variant_cannot_be_added(cart, tshirt):
    set_stock("TEE-S", 0)

    with pytest.raises(OutOfStock):
        add_to_cart(cart, "TEE-S", 1, product_id=tshirt.pk)


def test_without_a_product_id_any_live_product_with_the_sku_is_found(cart, tshirt):
    add_to_cart(cart, "TEE-M", 1)

    assert lines(cart) == {"TEE-M": 1}


def test_every_refusal_is_a_cart_error_with_a_customer_message(cart, mug):
    for attempt in (lambda: add_to_cart(cart, "MUG-1", 0, product_id=mug.pk),
                    lambda: add_to_cart(cart, "NOPE", 1, product_id=mug.pk),
                    lambda: set_quantity(cart, "MUG-1", 1)):
        with pytest.raises(CartError) as refused:
            attempt()
        assert refused.value.message and refused.value.code


# ---------- parse_quantity ----------


@pytest.mark.parametrize("text, expected", [("1", 1), (" 2 ", 2), ("+3", 3), ("-1", -1), ("0", 0)])
def test_parse_quantity_reads_whole_numbers(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.5", "1e3", "٣", "２", "1 2", None, "9" * 5000])
def test_parse_quantity_refuses_anything_else(text):
    with pytest.raises(InvalidQuantity):
        parse_quantity(text)


@given(st.text(max_size=30))
def test_parse_quantity_never_fails_with_anything_but_invalid_quantity(text):
    try:
        assert isinstance(parse_quantity(text), int)
    except InvalidQuantity:
        pass


# ---------- set_quantity and remove_from_cart ----------


def test_set_quantity_replaces_the_quantity(cart, mug):
    add_to_cart(cart, "MUG-1", 4, product_id=mug.pk)

    change = set_quantity(cart, "MUG-1", 2)

    assert lines(cart) == {"MUG-1": 2}
    assert change.quantity == 2


@pytest.mark.parametrize("quantity, error", [(0, InvalidQuantity), (-1, InvalidQuantity), (10**9, InvalidQuantity),
                                             (4, OutOfStock)])
def test_set_quantity_refuses_zero_negative_absurd_and_above_stock(cart, tshirt, quantity, error):
    add_to_cart(cart, "TEE-S", 2, product_id=tshirt.pk)

    with pytest.raises(error):
        set_quantity(cart, "TEE-S", quantity)

    assert lines(cart) == {"TEE-S": 2}


def test_set_quantity_of_a_line_that_is_not_in_the_cart_is_refused(cart, mug):
    with pytest.raises(UnknownProduct):
        set_quantity(cart, "MUG-1", 1)
    with pytest.raises(UnknownProduct):
        set_quantity(None, "MUG-1", 1)


def test_set_quantity_of_an_unpublished_product_is_refused(cart, mug):
    add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)
    mug.unpublish()

    with pytest.raises(UnknownProduct):
        set_quantity(cart, "MUG-1", 2)

    assert lines(cart) == {"MUG-1": 1}


def test_remove_takes_the_line_out_and_removing_twice_is_harmless(cart, mug, tshirt):
    add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)
    add_to_cart(cart, "TEE-M", 1, product_id=tshirt.pk)

    removed = remove_from_cart(cart, "MUG-1")

    assert removed.sku == "MUG-1"
    assert remove_from_cart(cart, "MUG-1") is None
    assert remove_from_cart(None, "MUG-1") is None
    assert lines(cart) == {"TEE-M": 1}


# ---------- The cookie ----------


def request_with_cookie(value):
    request = HttpRequest()
    request.COOKIES[COOKIE_NAME] = value
    return request


def signed_cookie_for(cart):
    response = remember_cart(HttpResponse(), cart, HttpRequest())
    return response.cookies[COOKIE_NAME].value


def test_the_signed_cookie_finds_the_cart_again(cart):
    assert get_cart(request_with_cookie(signed_cookie_for(cart))) == cart


@pytest.mark.parametrize("value", ["", "garbage", "00000000-0000-0000-0000-000000000000"])
def test_a_missing_or_tampered_cookie_finds_no_cart(cart, value):
    assert get_cart(request_with_cookie(value)) is None


def test_a_cookie_with_a_token_changed_by_hand_finds_no_cart(cart):
    other = Cart.objects.create()
    signed = signed_cookie_for(cart)
    forged = signed.replace(str(cart.token), str(other.token))

    assert get_cart(request_with_cookie(forged)) is None


def test_create_gives_an_unsaved_cart_when_the_visitor_has_none(db):
    cart = get_cart(HttpRequest(), create=True)

    assert cart is not None and cart.pk is None
    assert Cart.objects.count() == 0


def test_the_cookie_is_http_only_lax_and_lasts_sixty_days(cart):
    secure_request = HttpRequest()
    secure_request.is_secure = lambda: True

    plain = remember_cart(HttpResponse(), cart, HttpRequest()).cookies[COOKIE_NAME]
    secure = remember_cart(HttpResponse(), cart, secure_request).cookies[COOKIE_NAME]

    assert plain["httponly"] and plain["samesite"] == "Lax" and not plain["secure"]
    assert plain["max-age"] == 60 * 24 * 60 * 60
    assert secure["secure"]
