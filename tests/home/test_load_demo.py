"""`manage.py load_demo` builds the demo shop the issue asks for, and running it again changes nothing.

Loading draws ~90 images (about 15 s), so one module-scoped fixture loads the
demo twice inside a transaction that is rolled back at the end, and every
test below reads that same database.
"""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from blog.models import BlogPage
from home.demo.accounts import DEFAULT_PASSWORD
from home.demo.after_sale import CUSTOMER_EMAIL
from checkout.models import CheckoutSettings, DiscountCode, Order, ShippingMethod
from products.display import prepare_products
from products.models import Availability, ProductIndexPage, ProductPage, ProductVariant, StockRecord
from quotes.models import QuoteRequest
from returns.models import ReturnRequest
from reviews.models import Review
from support.models import Ticket


def row_counts():
    """Rows of every model of the project's apps, plus the Wagtail and auth tables the demo fills."""
    labels = ("home", "products", "blog", "checkout", "accounts", "returns", "support", "quotes", "reviews")
    models = [model for label in labels for model in apps.get_app_config(label).get_models()]
    models += [Page, Revision, Locale, Site, get_user_model(), get_image_model(),
               get_image_model().get_rendition_model(), apps.get_model("taggit", "Tag"),
               apps.get_model("account", "EmailAddress")]
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
        "orders": sorted(Order.objects.values_list("checkout_key", "email", "status", "total", "placed_at")),
        "reviews": sorted(Review.objects.values_list("product__slug", "author_name", "rating", "status")),
        "returns": sorted(ReturnRequest.objects.values_list("number", "status")),
        "tickets": sorted(Ticket.objects.values_list("subject", "status")),
        "quotes": sorted(QuoteRequest.objects.values_list("company", "status")),
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


# After the sale: the demo customer, their orders, reviews, a return, a ticket and a quote request

def demo_order(key):
    return Order.objects.get(checkout_key=key)


def product_json_ld(response):
    from tests.markup import parse

    for script in parse(response).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == "Product":
            return data
    raise AssertionError("no Product JSON-LD")


def test_the_demo_customer_logs_in_on_the_shop_and_sees_their_orders_and_address(demo, client):
    from tests.markup import parse, text_of

    response = client.post("/es/account/login/", {"login": CUSTOMER_EMAIL, "password": DEFAULT_PASSWORD})

    assert (response.status_code, response["Location"]) == (302, "/es/account/")
    orders = text_of(parse(client.get("/es/account/orders/")).select_one("main"))
    mine = Order.objects.filter(user__email=CUSTOMER_EMAIL)
    assert mine.count() == 4
    assert all(order.number in orders for order in mine)
    addresses = text_of(parse(client.get("/es/account/addresses/")).select_one("main"))
    assert "Calle de la Paz 12" in addresses and "46003" in addresses
    user = get_user_model().objects.get(email=CUSTOMER_EMAIL)
    assert user.emailaddress_set.get().verified and user.addresses.get().is_default


def test_the_demo_orders_went_through_checkout_and_the_order_steps(demo):
    first, returned, recent, on_its_way = (demo_order(f"demo-posventa-0{n}") for n in range(1, 5))

    assert [order.status for order in (first, returned, recent, on_its_way)] == [
        "delivered", "return_requested", "delivered", "shipped"]
    for order in (first, returned, recent, on_its_way):
        assert order.total == order.subtotal + order.shipping_total - order.discount_total
        assert order.lines.exists() and order.shipping_method.name == "Envío estándar"
        assert order.payments.get().status == "captured" and order.payments.get().amount == order.total
        history = list(order.events.values_list("to_status", flat=True))
        assert history[:4] == ["pending_payment", "paid", "packed", "shipped"]
    assert first.placed_at < returned.placed_at < recent.placed_at < on_its_way.placed_at
    assert on_its_way.carrier and on_its_way.tracking_number


def test_one_demo_order_is_past_its_return_window_and_a_recent_one_can_still_be_returned(demo):
    from returns.exceptions import ReturnNotAllowed
    from returns.requests import check_returnable

    store = CheckoutSettings.for_site(Site.objects.get(is_default_site=True))

    with translation.override("en"), pytest.raises(ReturnNotAllowed, match="return period for this order ended"):
        check_returnable(demo_order("demo-posventa-01"), store)
    assert check_returnable(demo_order("demo-posventa-03"), store)
    return_request = demo_order("demo-posventa-02").return_requests.get()
    assert return_request.status == "requested"
    assert [(line.order_line.sku, line.quantity) for line in return_request.lines.all()] == [("PRE-FRA-1L", 1)]


def test_approved_demo_reviews_show_on_the_product_page_with_an_aggregate_rating(demo, client):
    from tests.markup import parse, text_of

    assert 3 <= Review.objects.filter(status="approved").count() <= 6
    assert all(review.order.status in ("delivered", "return_requested") for review in Review.objects.all())
    product = spanish_products().get(slug="cafe-etiopia-yirgacheffe")

    response = client.get(product.url)

    section = text_of(parse(response).select_one(".product-reviews"))
    assert "Mi café de cada mañana" in section and "Muy aromático" in section
    assert product_json_ld(response)["aggregateRating"] == {
        "@type": "AggregateRating", "ratingValue": "4.5", "reviewCount": 2, "bestRating": 5, "worstRating": 1}
    pending = Review.objects.get(status="pending")
    assert pending.title not in client.get(pending.product.url).content.decode()


def test_the_pending_return_ticket_quote_and_review_wait_in_the_customer_service_listings(demo):
    from django.test import Client
    from django.urls import reverse

    staff = Client(HTTP_HOST="localhost")
    assert staff.login(username="atencion", password=DEFAULT_PASSWORD)
    expected = {
        "return_requests:index": ReturnRequest.objects.get().number,
        "tickets:index": "Mi pedido no se mueve desde hace dos días",
        "quote_requests:index": "Estudio Nube Arquitectos",
        "review_moderation:index": "Cumplen, sin más",
    }
    for url_name, text in expected.items():
        response = staff.get(reverse(url_name))
        assert response.status_code == 200, url_name
        assert text in response.content.decode(), url_name
    ticket = Ticket.objects.get()
    assert (ticket.order.checkout_key, ticket.user.email) == ("demo-posventa-04", CUSTOMER_EMAIL)
    assert QuoteRequest.objects.get().product.is_quote_only


def test_load_demo_prints_the_customer_login_after_the_admin_login(demo):
    _first, _second, output = demo
    lines = output.splitlines()
    admin = next(i for i, line in enumerate(lines) if line.startswith("Admin:"))

    assert lines[admin + 1] == (
        f"Customer: http://127.0.0.1:8000/es/account/login/  email: {CUSTOMER_EMAIL}  password: {DEFAULT_PASSWORD}"
    )
    assert lines[admin + 2].startswith("Customer service: http://127.0.0.1:8000/admin/  user: atencion  password: ")


def test_without_the_demo_admin_setting_no_customer_or_order_is_invented(db):
    from home.demo.after_sale import build_after_sale

    before = row_counts()
    with override_settings(VITRINA_CREATE_DEMO_ADMIN=False):
        logins = build_after_sale(site=None, registry=None)

    assert not logins.enabled
    assert row_counts() == before
