"""Reading the cart: live prices, the reader's language, and lines flagged instead of dropped."""

from decimal import Decimal

import pytest
from django.utils import translation

from checkout.cart import add_to_cart, cart_contents
from checkout.models import Cart
from products.models import ProductPage
from products.stock import set_stock
from tests.checkout.helpers import lines
from tests.markup import ui


def test_contents_show_live_prices_line_totals_subtotal_and_count(cart, mug, tshirt):
    add_to_cart(cart, "MUG-1", 2, product_id=mug.pk)
    add_to_cart(cart, "TEE-M", 1, product_id=tshirt.pk)
    tee = tshirt.variants.get(sku="TEE-M")
    tee.price = Decimal("16.00")
    tee.save()

    contents = cart_contents(cart)

    mug_item, tee_item = contents.items
    assert (mug_item.sku, mug_item.title, mug_item.unit_price, mug_item.line_total) == (
        "MUG-1", "Taza", Decimal("9.90"), Decimal("19.80"))
    assert (tee_item.option_label, tee_item.unit_price, tee_item.compare_at_price) == (
        "M", Decimal("16.00"), Decimal("20.00"))
    assert tee_item.product.pk == tshirt.pk and tee_item.variant.sku == "TEE-M"
    assert mug_item.max_quantity == 10 and tee_item.max_quantity == 20
    assert contents.subtotal == Decimal("35.80")
    assert contents.count == 3
    assert not contents.has_problems


def test_an_unpublished_product_is_flagged_not_dropped(cart, mug, tshirt):
    add_to_cart(cart, "MUG-1", 2, product_id=mug.pk)
    add_to_cart(cart, "TEE-M", 1, product_id=tshirt.pk)
    mug.unpublish()

    contents = cart_contents(cart)

    mug_item = contents.item("MUG-1")
    assert mug_item.problem_code == "unavailable"
    assert mug_item.problem == ui("No longer available.")
    assert mug_item.title == "Taza" and mug_item.product is None and mug_item.quantity == 2
    assert contents.subtotal == Decimal("17.50")
    assert contents.count == 3
    assert lines(cart) == {"MUG-1": 2, "TEE-M": 1}


def test_a_deleted_product_is_flagged_not_dropped(cart, mug):
    add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)
    mug.delete()

    (item,) = cart_contents(cart).items

    assert item.problem_code == "unavailable"
    assert item.title == "MUG-1"


def test_a_variant_removed_by_a_new_revision_is_flagged(cart, tshirt):
    add_to_cart(cart, "TEE-S", 1, product_id=tshirt.pk)
    page = ProductPage.objects.get(pk=tshirt.pk)
    page.variants.set([v for v in page.variants.all() if v.sku != "TEE-S"])
    page.save_revision().publish()

    (item,) = cart_contents(cart).items

    assert item.problem_code == "unavailable"
    assert item.variant is None and item.product.pk == tshirt.pk
    assert cart_contents(cart).subtotal == Decimal("0.00")


def test_stock_that_dropped_below_the_quantity_is_flagged_and_the_quantity_kept(cart, tshirt):
    add_to_cart(cart, "TEE-M", 5, product_id=tshirt.pk)
    set_stock("TEE-M", 2)

    (item,) = cart_contents(cart).items

    assert item.problem_code == "only_n_left"
    assert "2" in item.problem
    assert item.quantity == 5 and item.max_quantity == 2
    assert lines(cart) == {"TEE-M": 5}


def test_a_sold_out_variant_is_flagged_out_of_stock(cart, tshirt):
    add_to_cart(cart, "TEE-S", 1, product_id=tshirt.pk)
    set_stock("TEE-S", 0)

    (item,) = cart_contents(cart).items

    assert item.problem_code == "out_of_stock"
    assert item.max_quantity == 0


def test_a_product_that_became_quote_only_is_flagged(cart, mug):
    add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)
    page = ProductPage.objects.get(pk=mug.pk)
    page.is_quote_only = True
    page.save_revision().publish()

    (item,) = cart_contents(cart).items

    assert item.problem_code == "unavailable"


def test_a_lowered_maximum_per_line_is_flagged(cart, mug):
    add_to_cart(cart, "MUG-1", 8, product_id=mug.pk)

    (item,) = cart_contents(cart, max_per_line=5).items

    assert item.problem_code == "over_limit"
    assert item.max_quantity == 5


def test_contents_are_in_the_readers_language(cart, mug, translate):
    add_to_cart(cart, "MUG-1", 1, product_id=mug.pk)
    english = translate(mug, title="Mug")

    with translation.override("en"):
        (item,) = cart_contents(cart).items
    with translation.override("es"):
        (spanish_item,) = cart_contents(cart).items

    assert (item.title, item.product.pk) == ("Mug", english.pk)
    assert (spanish_item.title, spanish_item.product.pk) == ("Taza", mug.pk)


def test_a_translation_without_the_variant_falls_back_to_the_page_it_was_added_from(cart, tshirt, translate):
    english = translate(tshirt, title="T-shirt")
    english.variants.set([v for v in english.variants.all() if v.sku != "TEE-M"])
    english.save_revision().publish()
    add_to_cart(cart, "TEE-M", 1, product_id=tshirt.pk)

    with translation.override("en"):
        (item,) = cart_contents(cart).items

    assert not item.has_problem
    assert item.product.pk == tshirt.pk


def test_contents_of_no_cart_or_an_unsaved_cart_are_empty(db):
    assert cart_contents(None).items == []
    assert cart_contents(Cart()).count == 0
