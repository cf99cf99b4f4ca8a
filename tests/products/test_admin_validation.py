"""Bad product data is refused in the admin with a field error (never a 500), and by the database."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from products.models import ProductPage, ProductVariant, StockRecord
from tests.factories import ProductPageFactory, ProductVariantFactory

NO_VARIANT = "A product needs at least one variant"


def variant_row(sku, price, compare_at="", id=""):
    return {"id": id, "sku": sku, "price": price, "compare_at_price": compare_at,
            "option1": "", "option2": "", "weight": ""}


def product_form(title="Cafetera", slug="cafetera", variants=(), initial=0, publish=True):
    """The POST data of the product page editor, as the browser sends it."""
    data = nested_form_data({
        "title": title, "slug": slug, "brand": "", "summary": "", "is_quote_only": "",
        "option1_name": "", "option2_name": "", "seo_title": "", "search_description": "",
        "go_live_at": "", "expire_at": "",
        "description": streamfield([]),
        "gallery_images": inline_formset([]),
        "variants": inline_formset(list(variants), initial=initial, min=1),
        "specifications": inline_formset([]),
        "related_product_links": inline_formset([]),
        "related_article_links": inline_formset([]),
    })
    del data["is_quote_only"]  # an unchecked checkbox is not sent
    if publish:
        data["action-publish"] = "action-publish"
    return data


def create(admin_client, shop, data):
    return admin_client.post(reverse("wagtailadmin_pages:add", args=("products", "productpage", shop.pk)), data)


def edit(admin_client, page, data):
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


# Form errors are lazy strings, and the request left Spanish active in this thread: the admin
# user reads English, so read them in English.

def variant_errors(response):
    """Each variant row's errors: {field: [message, ...]}."""
    with translation.override("en"):
        return [
            {field: [str(message) for message in messages] for field, messages in form.errors.items()}
            for form in response.context["form"].formsets["variants"].forms
        ]


def page_errors(response):
    with translation.override("en"):
        return [str(message) for message in response.context["form"].non_field_errors()]


def edit_form_for(page, title):
    variants = list(page.variants.order_by("sort_order", "pk"))
    rows = [variant_row(v.sku, str(v.price), str(v.compare_at_price or ""), id=str(v.pk)) for v in variants]
    return product_form(title=title, slug=page.slug, variants=rows, initial=len(rows))


def test_valid_product_is_created_and_published(admin_client, shop):
    response = create(admin_client, shop, product_form(variants=[variant_row("CAF-1", "19.90", "24.90")]))

    assert response.status_code == 302
    product = ProductPage.objects.child_of(shop).get(slug="cafetera")
    assert product.live
    assert list(product.variants.values_list("sku", "price", "compare_at_price")) == [
        ("CAF-1", Decimal("19.90"), Decimal("24.90"))
    ]
    assert StockRecord.objects.get(sku="CAF-1").quantity == 0


def test_product_without_variants_is_refused(admin_client, shop):
    response = create(admin_client, shop, product_form(variants=[]))

    assert response.status_code == 200
    assert any(NO_VARIANT in error for error in page_errors(response))
    assert NO_VARIANT in response.content.decode()
    assert not ProductPage.objects.exists()


def test_product_with_only_a_blank_variant_row_is_refused(admin_client, shop):
    response = create(admin_client, shop, product_form(variants=[variant_row("", "")]))

    assert response.status_code == 200
    (errors,) = variant_errors(response)
    assert {"sku", "price"} <= set(errors)
    assert not ProductPage.objects.exists()


def test_deleting_the_last_variant_of_a_product_is_refused(admin_client, shop):
    product = ProductPageFactory(parent=shop, title="Tetera", variants=[ProductVariantFactory.build(sku="TET-1")])
    data = edit_form_for(product, "Tetera")
    data["variants-0-DELETE"] = "1"

    response = edit(admin_client, product, data)

    assert response.status_code == 200
    assert any(NO_VARIANT in error for error in page_errors(response))
    assert list(product.variants.values_list("sku", flat=True)) == ["TET-1"]


def test_same_sku_twice_in_one_product_is_refused_on_the_sku_field(admin_client, shop):
    response = create(admin_client, shop, product_form(
        variants=[variant_row("DUP-1", "10.00"), variant_row("dup-1", "12.00")]
    ))

    assert response.status_code == 200
    errors = variant_errors(response)
    assert "sku" in errors[1]
    assert "DUP-1" in errors[1]["sku"][0] or "dup-1" in errors[1]["sku"][0]
    assert not ProductPage.objects.exists()
    assert not ProductVariant.objects.exists()


def test_sku_of_another_product_is_refused_on_the_sku_field(admin_client, shop):
    ProductPageFactory(parent=shop, title="Molinillo", variants=[ProductVariantFactory.build(sku="TAKEN-1")])

    response = create(admin_client, shop, product_form(variants=[variant_row("taken-1", "10.00")]))

    assert response.status_code == 200
    (errors,) = variant_errors(response)
    assert "Molinillo" in errors["sku"][0]
    assert ProductPage.objects.count() == 1


def test_sku_of_another_product_is_refused_when_editing_too(admin_client, shop):
    ProductPageFactory(parent=shop, title="Molinillo", variants=[ProductVariantFactory.build(sku="TAKEN-1")])
    product = ProductPageFactory(parent=shop, title="Tetera", variants=[ProductVariantFactory.build(sku="TET-1")])
    data = edit_form_for(product, "Tetera")
    data["variants-0-sku"] = "TAKEN-1"

    response = edit(admin_client, product, data)

    assert response.status_code == 200
    assert "sku" in variant_errors(response)[0]
    assert list(product.variants.values_list("sku", flat=True)) == ["TET-1"]


def test_a_product_keeps_its_own_skus_when_edited(admin_client, shop):
    product = ProductPageFactory(parent=shop, title="Tetera", variants=[ProductVariantFactory.build(sku="TET-1")])

    response = edit(admin_client, product, edit_form_for(product, "Tetera de hierro"))

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title == "Tetera de hierro"


def test_english_translation_may_use_the_same_sku(admin_client, shop, translate):
    product = ProductPageFactory(parent=shop, title="Tetera", variants=[ProductVariantFactory.build(sku="TET-1")])
    english = translate(product, title="Teapot")

    response = edit(admin_client, english, edit_form_for(english, "Cast-iron teapot"))

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == "Cast-iron teapot"
    assert list(english.variants.values_list("sku", flat=True)) == ["TET-1"]


def test_sku_with_spaces_or_symbols_is_refused(admin_client, shop):
    response = create(admin_client, shop, product_form(variants=[variant_row("CAF 1!", "10.00")]))

    assert response.status_code == 200
    assert "sku" in variant_errors(response)[0]


def test_negative_price_is_refused_on_the_price_field(admin_client, shop):
    response = create(admin_client, shop, product_form(variants=[variant_row("NEG-1", "-1.00")]))

    assert response.status_code == 200
    (errors,) = variant_errors(response)
    assert list(errors) == ["price"]
    assert not ProductPage.objects.exists()


@pytest.mark.parametrize("compare_at", ["19.90", "10.00"])
def test_compare_at_price_not_above_the_price_is_refused_on_its_field(admin_client, shop, compare_at):
    response = create(admin_client, shop, product_form(variants=[variant_row("CMP-1", "19.90", compare_at)]))

    assert response.status_code == 200
    (errors,) = variant_errors(response)
    assert "compare_at_price" in errors
    assert "higher than the price" in errors["compare_at_price"][0]
    assert not ProductPage.objects.exists()


def test_bad_draft_is_refused_too(admin_client, shop):
    response = create(admin_client, shop, product_form(variants=[variant_row("NEG-1", "-5")], publish=False))

    assert response.status_code == 200
    assert not ProductPage.objects.exists()


def test_database_refuses_a_negative_price(shop):
    product = ProductPageFactory(parent=shop)

    with pytest.raises(IntegrityError), transaction.atomic():
        ProductVariant.objects.create(product=product, sku="DB-NEG", price=Decimal("-0.01"))


@pytest.mark.parametrize("compare_at", ["10.00", "9.99"])
def test_database_refuses_a_compare_at_price_not_above_the_price(shop, compare_at):
    product = ProductPageFactory(parent=shop)

    with pytest.raises(IntegrityError), transaction.atomic():
        ProductVariant.objects.create(
            product=product, sku="DB-CMP", price=Decimal("10.00"), compare_at_price=Decimal(compare_at)
        )


def test_database_accepts_a_real_sale_and_no_compare_at_price(shop):
    product = ProductPageFactory(parent=shop)

    ProductVariant.objects.create(
        product=product, sku="DB-OK1", price=Decimal("10.00"), compare_at_price=Decimal("10.01")
    )
    ProductVariant.objects.create(product=product, sku="DB-OK2", price=Decimal("0"))

    assert product.variants.filter(sku__startswith="DB-OK").count() == 2


def test_database_refuses_negative_stock(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.create(sku="DB-STOCK", quantity=-1)
