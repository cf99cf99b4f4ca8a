"""The whole-page cache: what is kept, for whom, and every change that renews it."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import PageViewRestriction

from home.models import ShopSettings
from products.stock import set_stock
from search.models import DailySearchQuery
from tests.factories import (
    BlogPageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StandardPageFactory,
    product_block,
)
from tests.markup import parse, text_of, ui


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.VITRINA_PAGE_CACHE = True
    settings.VITRINA_CDN_MAX_AGE = 120


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and what it schedules after commit (the tests run inside a transaction)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visit(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def kept(client, url):
    """Visit twice; the second visit must come from the cache."""
    visit(client, url)
    response = visit(client, url)
    assert response["X-Cache"] == "hit"
    return response


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


# ---------- What is kept and how it is served ----------


def test_a_page_is_rendered_once_then_served_without_the_database(client, shop, django_assert_num_queries):
    product = ProductPageFactory(parent=shop, title="Cafetera italiana", slug="cafetera")

    first = visit(client, product.url)
    with django_assert_num_queries(0):
        second = visit(client, product.url)

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert text_of(parse(second).h1) == "Cafetera italiana"


def test_kept_pages_tell_a_cdn_how_long_to_keep_them(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera")

    for response in (visit(client, product.url), visit(client, product.url)):
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=0", "s-maxage=120"} <= cache_control
        assert "Cookie" in response["Vary"]
        assert response["Content-Language"] == "es"
        assert response["ETag"]


def test_an_unchanged_page_answers_304_to_a_conditional_request(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    etag = visit(client, product.url)["ETag"]

    response = client.get(product.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_each_query_string_is_its_own_page(client, shop):
    ProductPageFactory(parent=shop, slug="a", title="Primero")

    kept(client, "/es/tienda/")
    response = visit(client, "/es/tienda/?sort=price")

    assert response["X-Cache"] == "miss"


def test_a_head_request_is_answered_from_the_kept_page(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    visit(client, product.url)

    assert client.head(product.url)["X-Cache"] == "hit"


def test_nothing_is_kept_when_the_cache_is_switched_off(client, shop, settings):
    settings.VITRINA_PAGE_CACHE = False
    product = ProductPageFactory(parent=shop, slug="cafetera")

    visit(client, product.url)

    assert "X-Cache" not in visit(client, product.url)


def test_errors_and_redirects_are_not_kept(client, home):
    assert client.get("/es/no-existe/").status_code == 404
    assert "X-Cache" not in client.get("/es/no-existe/")
    assert client.get("/").status_code == 302
    assert "X-Cache" not in client.get("/")


# ---------- Nothing personal in a kept page ----------


def test_a_kept_page_carries_no_csrf_token_and_sets_no_cookie(client, shop):
    ProductPageFactory(parent=shop, slug="cafetera")
    visitor = Client(HTTP_HOST="localhost")
    visitor.cookies["csrftoken"] = "a" * 32

    for response in (visit(visitor, "/es/tienda/cafetera/"), visit(client, "/es/tienda/cafetera/")):
        assert not response.cookies
        assert "Set-Cookie" not in response
        html = parse(response)
        token_fields = html.select('[name="csrfmiddlewaretoken"]')
        assert token_fields, "the add-to-cart form is on the page"
        assert all(field.get("value") == "" for field in token_fields)
    assert response["X-Cache"] == "hit"


def test_the_browser_gets_its_csrf_token_with_the_cart_summary(shop):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    browser = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    visit(browser, product.url)

    summary = browser.get("/es/cart/summary.json")
    token = summary.json()["csrf_token"]
    assert "private" in summary["Cache-Control"]
    added = browser.post("/es/cart/add/", {
        "csrfmiddlewaretoken": token, "product": product.pk, "sku": product.variants.first().sku, "quantity": 1,
    })

    assert added.status_code == 303
    assert visit(browser, "/es/cart/summary.json").json()["count"] == 1


def test_adding_to_the_cart_without_the_token_asks_once_to_confirm(shop):
    product = ProductPageFactory(parent=shop, title="Cafetera italiana", slug="cafetera")
    sku = product.variants.first().sku
    browser = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)

    refused = browser.post("/es/cart/add/", {"csrfmiddlewaretoken": "", "product": product.pk, "sku": sku,
                                             "quantity": 2, "next": "/es/tienda/"})

    assert refused.status_code == 403
    html = BeautifulSoup(refused.content.decode(), "html.parser")
    assert "Cafetera italiana" in text_of(html.select_one("main"))
    form = html.select_one('main form[method="post"]')
    fields = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    assert fields["csrfmiddlewaretoken"]
    assert {fields["product"], fields["sku"], fields["quantity"]} == {str(product.pk), sku, "2"}
    assert browser.get("/es/cart/summary.json").json()["count"] == 0

    assert browser.post(form["action"], fields).status_code == 303
    assert browser.get("/es/cart/summary.json").json()["count"] == 2


def test_other_forms_without_the_token_get_a_page_that_says_what_to_do(shop):
    browser = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)

    response = browser.post("/es/cart/update/", {"sku": "X", "quantity": 1})

    assert response.status_code == 403
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert ui("The form could not be sent") == text_of(html.h1)


def test_a_signed_in_editor_always_gets_a_fresh_private_page(client, admin_client, shop):
    product = ProductPageFactory(parent=shop, title="Antes", slug="cafetera")
    kept(client, product.url)
    admin_client.defaults["HTTP_HOST"] = "localhost"

    product.title = "Después"
    product.save()  # a change the cache knows nothing about
    response = admin_client.get(product.url)

    assert "X-Cache" not in response
    assert text_of(parse(response).h1) == "Después"
    assert "private" in response["Cache-Control"]
    assert text_of(parse(visit(client, product.url)).h1) == "Antes"


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    kept(client, product.url)
    client.cookies["messages"] = "something"

    assert "X-Cache" not in visit(client, product.url)


def test_a_password_protected_page_is_never_kept(client, home):
    secret = StandardPageFactory(parent=home, title="Solo socios", slug="socios")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="café")

    form = visit(client, secret.url)
    assert "Solo socios" not in text_of(parse(form).select_one("main"))
    assert "X-Cache" not in visit(client, secret.url)

    unlock_url = parse(form).select_one("form")["action"]
    token = client.cookies["csrftoken"].value
    client.post(unlock_url, {"password": "café", "return_url": secret.url, "csrfmiddlewaretoken": token})
    unlocked = visit(client, secret.url)
    assert "private" in unlocked["Cache-Control"]

    stranger = Client(HTTP_HOST="localhost")
    assert "Solo socios" not in text_of(parse(visit(stranger, secret.url)).select_one("main"))


# ---------- What renews a kept page ----------


def test_publishing_a_page_renews_it_and_the_pages_that_show_it(client, shop, committed):
    product = ProductPageFactory(parent=shop, title="Cafetera", slug="cafetera")
    kept(client, product.url)
    kept(client, shop.url)

    with committed():
        publish(product, title="Cafetera italiana")

    assert text_of(parse(visit(client, product.url)).h1) == "Cafetera italiana"
    assert "Cafetera italiana" in text_of(parse(visit(client, shop.url)).select_one("main"))


def test_unpublishing_a_page_takes_it_off_at_once(client, shop, committed):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    kept(client, product.url)

    with committed():
        product.unpublish()

    assert client.get(product.url).status_code == 404


def test_deleting_a_page_takes_it_off_its_listing(client, shop, committed):
    product = ProductPageFactory(parent=shop, title="Cafetera", slug="cafetera")
    kept(client, shop.url)

    with committed():
        product.delete()

    assert "Cafetera" not in text_of(parse(visit(client, shop.url)).select_one("main"))


def test_renaming_an_author_renews_the_articles(client, blog_index, committed):
    from tests.factories.blog import AuthorFactory

    author = AuthorFactory(name="Ana Pérez")
    article = BlogPageFactory(parent=blog_index, slug="guia", author=author)
    assert "Ana Pérez" in text_of(parse(kept(client, article.url)).select_one("main"))

    with committed():
        author.name = "Ana Pérez Gil"
        author.save()

    assert "Ana Pérez Gil" in text_of(parse(visit(client, article.url)).select_one("main"))


def test_moving_a_page_renews_the_old_and_new_places(client, shop, committed):
    other = ProductIndexPageFactory(parent=shop.get_parent(), title="Ofertas", slug="ofertas")
    product = ProductPageFactory(parent=shop, title="Cafetera", slug="cafetera")
    kept(client, shop.url)
    kept(client, other.url)

    with committed():
        product.move(other, pos="last-child")

    assert "Cafetera" not in text_of(parse(visit(client, shop.url)).select_one("main"))
    assert "Cafetera" in text_of(parse(visit(client, other.url)).select_one("main"))


def test_changing_the_shop_settings_renews_every_page(client, home, site, committed):
    kept(client, home.url)

    with committed():
        settings_row = ShopSettings.for_site(site)
        settings_row.shop_name = "Tostadero"
        settings_row.save()

    assert "Tostadero" in text_of(parse(visit(client, home.url)).title)


def test_a_new_price_renews_the_product_its_listing_and_the_articles_that_sell_it(client, shop, blog_index,
                                                                                   committed):
    product = ProductPageFactory(parent=shop, slug="cafetera",
                                 variants=[ProductVariantFactory.build(price=Decimal("30.00"))])
    article = BlogPageFactory(parent=blog_index, slug="guia", body=[product_block(product)])
    for url in (product.url, shop.url, article.url):
        assert "30,00" in text_of(parse(kept(client, url)).select_one("main"))

    with committed():
        product = type(product).objects.get(pk=product.pk)
        variants = list(product.variants.all())
        variants[0].price = Decimal("25.00")
        product.variants = variants
        product.save_revision().publish()

    for url in (product.url, shop.url, article.url):
        main = text_of(parse(visit(client, url)).select_one("main"))
        assert "25,00" in main and "30,00" not in main, url


def test_a_stock_change_renews_only_the_pages_that_show_that_product(client, shop, blog_index, committed):
    product = ProductPageFactory(parent=shop, slug="cafetera", stock=5)
    other = ProductPageFactory(parent=shop, slug="molinillo", stock=5)
    article = BlogPageFactory(parent=blog_index, slug="guia", body=[product_block(product)])
    for url in (product.url, shop.url, article.url, other.url):
        kept(client, url)

    with committed():
        set_stock(product.variants.first().sku, 0)

    for url in (product.url, shop.url, article.url):
        response = visit(client, url)
        assert response["X-Cache"] == "miss", url
        assert "Agotado" in text_of(parse(response).select_one("main")), url
    assert visit(client, other.url)["X-Cache"] == "hit"


def test_a_stock_change_inside_a_failed_transaction_renews_nothing(client, shop, committed):
    product = ProductPageFactory(parent=shop, slug="cafetera", stock=5)
    kept(client, product.url)

    with committed() as callbacks:
        pass
    set_stock(product.variants.first().sku, 0)  # never committed: its callbacks never run

    assert callbacks == []
    assert visit(client, product.url)["X-Cache"] == "hit"


def test_a_kept_search_page_still_counts_each_search(client, shop):
    ProductPageFactory(parent=shop, title="Cafetera italiana", slug="cafetera")

    kept(client, "/es/buscar/?q=cafetera")

    assert DailySearchQuery.objects.get(query="cafetera").searches == 2


def test_settings_made_with_their_defaults_on_first_use_renew_nothing(client, shop, site, committed):
    from checkout.models import CheckoutSettings

    product = ProductPageFactory(parent=shop, slug="cafetera")
    CheckoutSettings.objects.filter(site=site).delete()
    kept(client, product.url)

    with committed():
        CheckoutSettings.for_site(site)  # what a page render does when the row is missing

    assert visit(client, product.url)["X-Cache"] == "hit"


def test_each_worker_rereads_the_shared_versions_at_most_every_few_seconds(client, shop, settings, committed):
    from vitrina import page_cache

    settings.VITRINA_PAGE_CACHE_CHECK_SECONDS = 60
    product = ProductPageFactory(parent=shop, slug="cafetera", stock=5)
    other = ProductPageFactory(parent=shop, slug="molinillo", stock=5)
    kept(client, product.url)
    kept(client, other.url)

    # Another worker renews the other product: this one notices within the interval, not at once.
    page_cache.page_cache().set(page_cache.product_key(other.pk), "renewed elsewhere", None)
    assert visit(client, other.url)["X-Cache"] == "hit"
    settings.VITRINA_PAGE_CACHE_CHECK_SECONDS = 0
    assert visit(client, other.url)["X-Cache"] == "miss"

    # A change made by this worker counts at once.
    settings.VITRINA_PAGE_CACHE_CHECK_SECONDS = 60
    with committed():
        set_stock(product.variants.first().sku, 0)
    assert visit(client, product.url)["X-Cache"] == "miss"


def test_a_kept_page_lives_no_longer_than_the_timeout_in_any_worker(client, shop, settings):
    settings.VITRINA_PAGE_CACHE_TIMEOUT = 0  # kept pages expire at once (e.g. facet counts not tracked otherwise)
    product = ProductPageFactory(parent=shop, slug="cafetera")

    visit(client, product.url)

    assert visit(client, product.url)["X-Cache"] != "hit"
