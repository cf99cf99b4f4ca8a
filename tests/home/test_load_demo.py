"""`manage.py load_demo` builds the demo shop the issue asks for, and running it again changes nothing.

Loading draws ~90 images (about 15 s), so one module-scoped fixture loads the
demo twice inside a transaction that is rolled back at the end, and every
test below reads that same database.
"""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from blog.models import BlogPage
from checkout.models import CheckoutSettings, DiscountCode, ShippingMethod
from products.display import prepare_products
from products.models import Availability, ProductIndexPage, ProductPage, ProductVariant, StockRecord


def row_counts():
    """Rows of every model of the project's apps, plus the Wagtail and auth tables the demo fills."""
    models = [model for label in ("home", "products", "blog", "checkout") for model in apps.get_app_config(label).get_models()]
    models += [Page, Revision, Locale, Site, get_user_model(), get_image_model(),
               get_image_model().get_rendition_model(), apps.get_model("taggit", "Tag")]
    return {model._meta.label: model._default_manager.count() for model in models}


def snapshot():
    """The demo shop's content, in an order that does not depend on primary keys."""
    return {
        "counts": row_counts(),
        "pages": sorted(
            Page.objects.filter(depth__gt=1).values_list("locale__language_code", "url_path", "title", "live")
        ),
        "variants": sorted(
            ProductVariant.objects.values_list("product__locale__language_code", "sku", "price", "compare_at_price")
        ),
        "stock": sorted(StockRecord.objects.values_list("sku", "quantity", "low_stock_threshold")),
        "images": sorted(get_image_model().objects.values_list("title", "width", "height")),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page__url_path", "is_default_site")),
        "shipping_methods": sorted(
            (name, str(price), str(free_above), str(countries), is_pickup)
            for name, price, free_above, countries, is_pickup in ShippingMethod.objects.values_list(
                "name", "price", "free_above", "countries", "is_pickup"
            )
        ),
        "discount_codes": sorted(
            DiscountCode.objects.values_list("code", "kind", "value", "minimum_subtotal", "valid_from", "valid_until")
        ),
        "search_promotions": sorted(
            SearchPromotion.objects.values_list("query__query_string", "page__url_path", "description")
        ),
        "checkout_settings": sorted(
            CheckoutSettings.objects.values_list(
                "site__hostname", "tax_rate", "tax_name", "bank_transfer_instructions", "terms_page__url_path"
            )
        ),
    }


@pytest.fixture(scope="module")
def demo_runs(django_db_setup, django_db_blocker, tmp_path_factory):
    """Snapshots after the first and the second `load_demo`; the data stays until the module ends."""
    # The same media root as every test gets (conftest), so later renditions find the originals.
    media_root = tmp_path_factory.getbasetemp() / "media"
    with override_settings(MEDIA_ROOT=media_root), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        first = snapshot()
        output = StringIO()
        call_command("load_demo", stdout=output)
        yield first, snapshot(), output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_runs, db):
    return demo_runs


def spanish_products():
    return ProductPage.objects.filter(locale__language_code="es")


def test_second_run_changes_nothing(demo):
    first, second, output = demo

    assert second == first
    assert "nothing to add" in output


def test_demo_site_is_served_from_the_spanish_home(demo, client):
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific.locale.language_code == "es"
    assert (site.hostname, site.port) == ("localhost", 80)
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # the welcome page is gone
    assert client.get("/es/").status_code == 200


def test_demo_shop_can_be_searched_in_both_languages(demo, client):
    from tests.markup import parse, text_of

    spanish = parse(client.get("/es/buscar/", {"q": "cafetera"}))
    assert len(spanish.select(".search-results .product-card")) >= 2
    assert "Cómo elegir tu primera cafetera" in [text_of(a) for a in spanish.select(".search-promotions a")]
    assert spanish.select(".search-facets__group")
    english = parse(client.get("/en/search/", {"q": "coffee maker"}))
    assert english.select(".search-promotions a")


def test_demo_has_at_least_40_spanish_products_in_at_least_5_categories(demo):
    shop_and_categories = ProductIndexPage.objects.filter(locale__language_code="es").live()
    categories = [page for page in shop_and_categories if page.get_parent().specific_class is ProductIndexPage]

    assert spanish_products().live().count() >= 40
    assert len(categories) >= 5


def test_demo_has_products_with_variants_on_sale_out_of_stock_and_quote_only(demo):
    products = prepare_products(list(spanish_products().live()))

    with_several_variants = [p for p in products if len(p.variant_list) > 1]
    on_sale = [p for p in products if p.is_on_sale]
    sold_out = [p for p in products if p.availability == Availability.OUT_OF_STOCK]
    quote_only = [p for p in products if p.is_quote_only]
    assert len(with_several_variants) >= 10
    assert on_sale
    assert sold_out
    assert len(quote_only) == 2


def test_demo_has_at_least_8_articles_that_sell_with_product_blocks(demo):
    selling = [
        article for article in BlogPage.objects.filter(locale__language_code="es").live()
        if any(block.block_type in ("product", "product_grid") for block in article.body)
    ]

    assert len(selling) >= 8


def test_demo_translates_home_shop_categories_and_some_products_into_english(demo):
    english_locale = Locale.objects.get(language_code="en")

    def real_english_translation(page):
        english = page.get_translation_or_none(english_locale)
        return english is not None and english.live and english.alias_of_id is None

    home = Site.objects.get(is_default_site=True).root_page
    indexes = ProductIndexPage.objects.filter(locale__language_code="es")
    translated_products = [p for p in spanish_products().live() if real_english_translation(p)]

    assert real_english_translation(home)
    assert all(real_english_translation(index) for index in indexes), [
        index.url_path for index in indexes if not real_english_translation(index)
    ]
    assert len(translated_products) >= 10


def test_every_live_demo_page_is_served(demo, client):
    failures = []
    for page in Page.objects.filter(depth__gt=1).live().public().specific():
        url = page.get_url()
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code))

    assert failures == []
    english_urls = [p.get_url() for p in Page.objects.filter(locale__language_code="en", depth__gt=1).live()]
    assert len(english_urls) >= 17 and all(url.startswith("/en/") for url in english_urls)


def test_demo_has_shipping_methods_for_spain_europe_and_pickup(demo):
    methods = {method.name: method for method in ShippingMethod.objects.all()}

    assert set(methods) >= {"Envío estándar", "Envío urgente 24 h", "Envío a Europa", "Recogida en la tienda"}
    standard = methods["Envío estándar"]
    assert (standard.name_en, str(standard.price), str(standard.free_above)) == ("Standard delivery", "4.90", "50.00")
    assert standard.delivery_promise_en == "Delivered in 2-4 working days"
    assert standard.serves("ES") and standard.serves("PT") and not standard.serves("FR")
    express = methods["Envío urgente 24 h"]
    assert (str(express.price), express.free_above) == ("9.90", None)
    assert express.serves("ES") and not express.serves("PT")
    europe = methods["Envío a Europa"]
    assert (str(europe.price), str(europe.free_above)) == ("12.90", "120.00")
    assert {country.code for country in europe.countries} == {"FR", "DE", "IT", "BE", "NL", "AT", "IE"}
    pickup = methods["Recogida en la tienda"]
    assert pickup.is_pickup and pickup.price == 0 and pickup.delivery_promise == "Listo en 24 horas"


def test_demo_has_discount_codes(demo):
    codes = {code.code: code for code in DiscountCode.objects.all()}

    assert set(codes) >= {"BIENVENIDA10", "ENVIOGRATIS", "CAFE5"}
    welcome = codes["BIENVENIDA10"]
    assert (welcome.kind, welcome.value, welcome.minimum_subtotal) == (DiscountCode.Kind.PERCENTAGE, 10, 30)
    assert welcome.usage_limit_per_customer == 1
    assert codes["ENVIOGRATIS"].kind == DiscountCode.Kind.FREE_SHIPPING
    cafe = codes["CAFE5"]
    assert (cafe.kind, cafe.value, cafe.minimum_subtotal) == (DiscountCode.Kind.FIXED, 5, 25)
    assert cafe.valid_from and (cafe.valid_until - cafe.valid_from).days == 60


def test_demo_fills_in_the_checkout_settings_of_the_default_site(demo):
    site = Site.objects.get(is_default_site=True)
    settings = CheckoutSettings.for_site(site)

    assert (settings.tax_rate, settings.tax_name) == (21, "IVA")
    assert "ES00 0000 0000 0000 0000 0000" in settings.bank_transfer_instructions
    assert "ES00 0000 0000 0000 0000 0000" in settings.bank_transfer_instructions_en
    assert settings.offers_paypal and settings.offers_bank_transfer and settings.offers_cash_on_delivery
    assert settings.terms_page.slug == "envios-y-devoluciones"
