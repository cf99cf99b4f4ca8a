"""Pages found in one query (home.routing) are the pages Wagtail's own tree walk finds, with the same access rules."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home import routing, site_data
from home.models import ShopSettings
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    StandardPageFactory,
)
from tests.markup import parse, text_of


def wagtail_route(path, language="es"):
    """What Wagtail's walk answers, on a request our middleware never saw."""
    with translation.override(language):
        return Page.route_for_request(RequestFactory().get(f"/{language}/{path}", HTTP_HOST="localhost"), path)


def fast_route(path, language="es"):
    with translation.override(language):
        return routing.route(RequestFactory().get(f"/{language}/{path}", HTTP_HOST="localhost"), path)


def describe(result):
    if result is None:
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args else None
    return (page.pk, type(page), view, tuple(args[1:]), kwargs)


@pytest.fixture
def tree(home, shop, blog_index, translate):
    category = ProductIndexPageFactory(parent=shop, title="Molinos", slug="molinos")
    ProductPageFactory(parent=category, slug="molino")
    draft_category = ProductIndexPageFactory(parent=shop, title="Borrador", slug="borrador", live=False)
    ProductPageFactory(parent=draft_category, slug="bajo-borrador")
    ProductPageFactory(parent=shop, slug="sin-publicar", live=False)
    article = BlogPageFactory(parent=blog_index, slug="guia", tags=["cafe"])
    BlogPageFactory(parent=blog_index, slug="feed")  # the magazine's own feed/ URL wins over this child
    about = StandardPageFactory(parent=home, title="Quiénes somos", slug="quienes-somos")
    about.create_alias(parent=blog_index, update_slug="alias-de-quienes-somos")
    translate(article, slug="guide")  # and the magazine and home page above it
    return home


PATHS = [
    "", "tienda/", "tienda/molinos/", "tienda/molinos/molino/", "tienda/borrador/", "tienda/borrador/bajo-borrador/",
    "tienda/sin-publicar/", "tienda/no-existe/", "no-existe/", "revista/", "revista/feed/", "revista/tag/cafe/",
    "revista/guia/", "revista/alias-de-quienes-somos/", "quienes-somos/", "quienes-somos/demasiado/",
]


@pytest.mark.parametrize("path", PATHS)
def test_one_query_route_finds_what_wagtail_finds(tree, path):
    found = describe(fast_route(path))

    # None means "not sure": Wagtail's own walk answers instead.
    assert found is None or found == describe(wagtail_route(path))
    if describe(wagtail_route(path)) is not None and "no-existe" not in path:
        assert found is not None


@pytest.mark.parametrize("path", ["", "revista/", "revista/guide/", "revista/guia/", "tienda/"])
def test_one_query_route_in_english(tree, path):
    found = describe(fast_route(path, "en"))

    assert found is None or found == describe(wagtail_route(path, "en"))


def test_a_page_is_found_in_one_query_plus_the_page_itself(tree, django_assert_num_queries):
    site_data.current()
    with django_assert_num_queries(2):
        assert fast_route("tienda/molinos/molino/") is not None


def test_drafts_are_not_served(client, tree):
    assert client.get("/es/tienda/sin-publicar/").status_code == 404
    assert client.get("/es/tienda/borrador/").status_code == 404
    # Wagtail serves the live child of an unpublished page; so does the quick route.
    assert client.get("/es/tienda/borrador/bajo-borrador/").status_code == 200


def test_a_page_behind_a_login_asks_for_it(client, shop):
    product = ProductPageFactory(parent=shop, slug="solo-socios")
    PageViewRestriction.objects.create(page=shop, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(product.url)

    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_page_behind_a_password_shows_the_password_form(client, blog_index):
    article = BlogPageFactory(parent=blog_index, slug="secreto")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="cafe")

    response = client.get(article.url)

    assert response.status_code == 200
    assert parse(response).select_one('input[name="password"]') is not None
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_page_for_a_group_refuses_other_visitors(client, admin_client, shop):
    product = ProductPageFactory(parent=shop, slug="mayoristas")
    restriction = PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Mayoristas"))

    assert client.get(product.url).status_code == 302
    assert admin_client.get(product.url).status_code == 200  # superusers pass group restrictions


def test_an_alias_follows_the_restrictions_of_its_original(client, home, blog_index):
    original = StandardPageFactory(parent=home, slug="interna")
    PageViewRestriction.objects.create(page=original, restriction_type=PageViewRestriction.LOGIN)
    alias = original.create_alias(parent=blog_index, update_slug="interna-alias")

    assert client.get(alias.url).status_code == 302


def test_private_sections_stay_out_of_menus_and_listings(client, home, shop):
    ProductPageFactory(parent=shop, title="Abierto", slug="abierto")
    hidden = ProductIndexPageFactory(parent=shop, title="Reservado", slug="reservado")
    ProductPageFactory(parent=hidden, title="Escondido", slug="escondido")
    members = StandardPageFactory(parent=home, title="Socios", slug="socios", show_in_menus=True)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    Page.objects.filter(pk=shop.pk).update(show_in_menus=True)

    html = parse(client.get(shop.url))

    assert [text_of(a) for a in html.select(".main-menu a")] == ["Tienda"]
    titles = [text_of(title) for title in html.select(".product-card__title")]
    assert titles == ["Abierto"]
    assert list(site_data.public(Page.objects.all()).order_by("pk")) == list(Page.objects.public().order_by("pk"))


def test_breadcrumbs_and_menu_come_with_the_route(client, shop, django_assert_max_num_queries):
    Page.objects.filter(pk=shop.pk).update(show_in_menus=True)
    category = ProductIndexPageFactory(parent=shop, title="Molinos", slug="molinos")
    product = ProductPageFactory(parent=category, title="Molino", slug="molino")

    html = parse(client.get(product.url))

    assert [text_of(a) for a in html.select(".breadcrumbs a")][1:] == ["Tienda", "Molinos"]
    assert html.select_one('.main-menu a[aria-current="true"]')["href"] == "/es/tienda/"


def test_changed_shop_details_show_at_once(client, home):
    client.get("/es/")  # the shop's details are now in the cache
    shop_settings = ShopSettings.for_site(home.get_site())
    shop_settings.shop_name = "Café Vitrina"
    shop_settings.save()

    assert "Café Vitrina" in text_of(parse(client.get("/es/")).select_one(".brand"))


def test_a_home_page_translated_later_is_served_and_offered(client, home, translate):
    assert client.get("/es/").status_code == 200  # site data cached without English

    translate(home, title="Home")
    html = parse(client.get("/es/"))

    assert client.get("/en/").status_code == 200
    assert html.select_one('.language-switcher a[hreflang="en"]')["href"] == "/en/"


def test_a_renamed_section_is_served_at_its_new_address(client, shop):
    ProductPageFactory(parent=shop, slug="molinillo")
    assert client.get("/es/tienda/molinillo/").status_code == 200

    shop.slug = "catalogo"
    shop.save_revision().publish()

    assert client.get("/es/catalogo/molinillo/").status_code == 200
    assert client.get("/es/tienda/molinillo/").status_code in (301, 302, 404)
