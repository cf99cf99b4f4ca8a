"""Stock lives apart from page content: availability, publishing, old revisions, the stock screen."""

from decimal import Decimal

import pytest
from django.urls import reverse

from products.models import Availability, ProductPage, StockRecord
from products.stock import set_stock
from tests.factories import ProductPageFactory, ProductVariantFactory, StockRecordFactory
from tests.markup import parse, text_of, ui


def variant(sku, price="19.90"):
    return ProductVariantFactory.build(sku=sku, price=Decimal(price))


def availability_on_page(client, product):
    return text_of(parse(client.get(product.url)).select_one(".product__buy .availability"))


@pytest.mark.parametrize(
    ("quantity", "threshold", "expected"),
    [(0, None, Availability.OUT_OF_STOCK), (1, None, Availability.LOW_STOCK), (5, None, Availability.LOW_STOCK),
     (6, None, Availability.IN_STOCK), (6, 10, Availability.LOW_STOCK), (11, 10, Availability.IN_STOCK),
     (1, 0, Availability.IN_STOCK)],
)
def test_stock_record_availability_uses_its_threshold_or_the_shop_default(db, settings, quantity, threshold, expected):
    settings.VITRINA_LOW_STOCK_THRESHOLD = 5

    record = StockRecordFactory(quantity=quantity, low_stock_threshold=threshold)

    assert record.availability == expected


@pytest.mark.parametrize(
    ("quantity", "label"), [(12, "In stock"), (3, "Only a few left"), (0, "Out of stock")],
)
def test_product_page_shows_the_stock_level(client, shop, quantity, label):
    product = ProductPageFactory(parent=shop, stock=quantity)

    assert availability_on_page(client, product) == ui(label)


def test_low_stock_threshold_comes_from_the_shop_setting(client, shop, settings):
    product = ProductPageFactory(parent=shop, stock=3)

    settings.VITRINA_LOW_STOCK_THRESHOLD = 2
    assert availability_on_page(client, product) == ui("In stock")
    settings.VITRINA_LOW_STOCK_THRESHOLD = 3
    assert availability_on_page(client, product) == ui("Only a few left")


def test_low_stock_threshold_of_the_record_overrides_the_shop_setting(client, shop, settings):
    settings.VITRINA_LOW_STOCK_THRESHOLD = 5
    product = ProductPageFactory(parent=shop, variants=[variant("LOT-1")], stock={})
    StockRecordFactory(sku="LOT-1", quantity=20, low_stock_threshold=25)

    assert availability_on_page(client, product) == ui("Only a few left")


def test_publishing_creates_missing_stock_records_with_zero_units(shop):
    product = ProductPageFactory(parent=shop, live=False, stock={}, variants=[variant("NEW-1"), variant("NEW-2")])
    assert not StockRecord.objects.filter(sku__in=["NEW-1", "NEW-2"]).exists()

    product.save_revision().publish()

    assert sorted(StockRecord.objects.values_list("sku", "quantity")) == [("NEW-1", 0), ("NEW-2", 0)]


def test_publishing_never_changes_existing_stock_records(shop):
    product = ProductPageFactory(parent=shop, live=False, stock={"OLD-1": 7}, variants=[variant("OLD-1")])
    StockRecord.objects.filter(sku="OLD-1").update(low_stock_threshold=2)

    product.save_revision().publish()
    product.save_revision().publish()

    record = StockRecord.objects.get(sku="OLD-1")
    assert (record.quantity, record.low_stock_threshold) == (7, 2)
    assert StockRecord.objects.count() == 1


def test_saving_a_draft_does_not_create_stock_records(shop):
    product = ProductPageFactory(parent=shop, live=False, stock={}, variants=[variant("DRAFT-1")])

    product.save_revision()

    assert not StockRecord.objects.filter(sku="DRAFT-1").exists()


def test_republishing_an_old_revision_keeps_current_stock_and_shows_the_old_price(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera", live=False, stock={},
                                 variants=[variant("CAF-1", "19.90")])
    first_revision = product.save_revision()
    first_revision.publish()
    set_stock("CAF-1", 10)

    product = ProductPage.objects.get(pk=product.pk)
    current = product.variants.get()
    current.price = Decimal("24.90")
    product.variants = [current]
    product.save_revision().publish()
    assert text_of(parse(client.get("/es/tienda/cafetera/")).select_one(".price__now")) == "24,90\u00a0€"
    set_stock("CAF-1", 3)  # seven units sold since

    first_revision.publish()

    assert StockRecord.objects.get(sku="CAF-1").quantity == 3
    html = parse(client.get("/es/tienda/cafetera/"))
    assert text_of(html.select_one(".product__buy .price__now")) == "19,90\u00a0€"
    assert text_of(html.select_one(".product__buy .availability")) == ui("Only a few left")


def test_republishing_an_old_revision_without_a_new_variant_keeps_that_variants_stock(shop):
    product = ProductPageFactory(parent=shop, live=False, stock={}, variants=[variant("V-1")])
    first_revision = product.save_revision()
    first_revision.publish()
    product = ProductPage.objects.get(pk=product.pk)
    product.variants = [*product.variants.all(), variant("V-2")]
    product.save_revision().publish()
    set_stock("V-2", 4)

    first_revision.publish()

    assert list(ProductPage.objects.get(pk=product.pk).variants.values_list("sku", flat=True)) == ["V-1"]
    assert StockRecord.objects.get(sku="V-2").quantity == 4


def test_english_translation_shares_the_spanish_products_stock(client, shop, translate):
    product = ProductPageFactory(parent=shop, variants=[variant("SHARED-1")], stock=2)
    english = translate(product, title="Shared")

    set_stock("SHARED-1", 0)

    assert StockRecord.objects.filter(sku="SHARED-1").count() == 1
    assert availability_on_page(client, english) == ui("Out of stock", "en")
    assert availability_on_page(client, product) == ui("Out of stock")


def test_stock_screen_lists_skus_with_their_product_title(admin_client, shop, translate):
    product = ProductPageFactory(parent=shop, title="Cafetera italiana",
                                 variants=[variant("MOKA-3"), variant("MOKA-6")], stock={"MOKA-3": 4, "MOKA-6": 0})
    translate(product, title="Moka pot")
    StockRecordFactory(sku="ORPHAN-1", quantity=1)

    response = admin_client.get(reverse("stock:index"))

    assert response.status_code == 200
    rows = {}
    for row in parse(response).select("table tbody tr"):
        cells = [text_of(cell) for cell in row.select("td")]
        rows[text_of(row.select_one("td a"))] = cells[1:]
    assert set(rows) == {"MOKA-3", "MOKA-6", "ORPHAN-1"}
    assert rows["MOKA-3"][:2] == ["Cafetera italiana", "4"]
    assert rows["MOKA-6"][:2] == ["Cafetera italiana", "0"]
    assert rows["ORPHAN-1"][:2] == ["", "1"]


def test_stock_screen_search_finds_a_sku(admin_client, db):
    StockRecordFactory(sku="FIND-ME", quantity=1)
    StockRecordFactory(sku="OTHER-1", quantity=1)

    response = admin_client.get(reverse("stock:index"), {"q": "FIND"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "FIND-ME" in content and "OTHER-1" not in content


def test_staff_edit_the_quantity_in_the_stock_screen(admin_client, db):
    record = StockRecordFactory(sku="EDIT-1", quantity=1)

    response = admin_client.post(
        reverse("stock:edit", args=(record.pk,)), {"sku": "EDIT-1", "quantity": "25", "low_stock_threshold": "3"}
    )

    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.quantity, record.low_stock_threshold) == (25, 3)


def test_stock_screen_refuses_a_negative_quantity(admin_client, db):
    record = StockRecordFactory(sku="NEG-1", quantity=5)

    response = admin_client.post(
        reverse("stock:edit", args=(record.pk,)), {"sku": "NEG-1", "quantity": "-3", "low_stock_threshold": ""}
    )

    assert response.status_code == 200
    assert "quantity" in response.context["form"].errors
    assert "greater than or equal to 0" in response.content.decode()
    record.refresh_from_db()
    assert record.quantity == 5


def test_stock_screen_is_for_staff_only(client, db):
    record = StockRecordFactory(sku="PRIV-1", quantity=5)

    for url in (reverse("stock:index"), reverse("stock:edit", args=(record.pk,))):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_stock_screen_refuses_a_second_record_for_the_same_sku(admin_client, db):
    StockRecordFactory(sku="ONCE-1", quantity=5)

    response = admin_client.post(reverse("stock:add"), {"sku": "ONCE-1", "quantity": "1", "low_stock_threshold": ""})

    assert response.status_code == 200
    assert "sku" in response.context["form"].errors
    assert StockRecord.objects.get(sku="ONCE-1").quantity == 5
