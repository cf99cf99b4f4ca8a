"""Old addresses keep working: 301 after an editor renames or moves a page, 410 for deleted products."""

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from products.models import RemovedProduct
from tests.factories import ProductIndexPageFactory, ProductPageFactory, StandardPageFactory
from tests.markup import parse, text_of, ui


def rename(page, slug, on_commit):
    """Publish a new slug as an editor would; Wagtail announces slug changes once the transaction commits."""
    page.slug = slug
    with on_commit(execute=True):
        page.save_revision().publish()


def test_changing_a_slug_makes_the_old_address_a_permanent_redirect(
    client, shop, django_capture_on_commit_callbacks
):
    product = ProductPageFactory(parent=shop, slug="cafetera")

    rename(product, "cafetera-italiana", django_capture_on_commit_callbacks)

    response = client.get("/es/tienda/cafetera/")
    assert response.status_code == 301
    assert response["Location"] == "/es/tienda/cafetera-italiana/"
    assert Redirect.objects.get(old_path="/es/tienda/cafetera").is_permanent
    assert client.get(response["Location"]).status_code == 200


def test_renaming_a_category_redirects_the_products_inside_it(client, shop, django_capture_on_commit_callbacks):
    category = ProductIndexPageFactory(parent=shop, title="Molinos", slug="molinos")
    ProductPageFactory(parent=category, slug="manual")

    rename(category, "molinillos", django_capture_on_commit_callbacks)

    response = client.get("/es/tienda/molinos/manual/")
    assert response.status_code == 301
    assert response["Location"] == "/es/tienda/molinillos/manual/"


def test_a_translations_slug_change_redirects_under_its_own_language(
    client, shop, translate, django_capture_on_commit_callbacks
):
    english = translate(ProductPageFactory(parent=shop, slug="cafetera"))

    rename(english, "coffee-maker", django_capture_on_commit_callbacks)

    response = client.get("/en/tienda/cafetera/")
    assert response.status_code == 301
    assert response["Location"] == "/en/tienda/coffee-maker/"
    assert client.get("/es/tienda/cafetera/").status_code == 200


def test_moving_a_page_in_the_admin_redirects_its_old_address(client, admin_client, home, shop):
    offers = ProductIndexPageFactory(parent=shop, title="Ofertas", slug="ofertas")
    product = ProductPageFactory(parent=shop, slug="cafetera")

    response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[product.pk, offers.pk]))
    assert response.status_code == 302

    old = client.get("/es/tienda/cafetera/")
    assert old.status_code == 301
    assert old["Location"] == "/es/tienda/ofertas/cafetera/"


def test_a_deleted_product_answers_410_gone_with_links_to_the_shop_and_search(client, shop):
    ProductPageFactory(parent=shop, slug="cafetera", title="Cafetera roja").delete()

    response = client.get("/es/tienda/cafetera/")

    assert response.status_code == 410
    html = parse_any(response)
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert text_of(html.h1) == ui("This product is no longer available")
    assert "Cafetera roja" in text_of(html.main)
    links = {link["href"] for link in html.main.select("a")}
    assert {"/es/tienda/", "/es/buscar/"} <= links


def test_a_product_deleted_with_its_category_answers_410_in_its_language(client, shop, translate):
    category = ProductIndexPageFactory(parent=shop, title="Molinos", slug="molinos")
    english = translate(ProductPageFactory(parent=category, slug="manual"))

    english.get_parent().delete()

    response = client.get("/en/tienda/molinos/manual/")
    assert response.status_code == 410
    assert parse_any(response).html["lang"] == "en"
    assert client.get("/es/tienda/molinos/manual/").status_code == 200


def test_an_unpublished_or_never_published_product_is_a_plain_404(client, shop):
    hidden = ProductPageFactory(parent=shop, slug="oculta")
    hidden.unpublish()
    ProductPageFactory(parent=shop, slug="borrador", live=False, first_published_at=None).delete()

    assert client.get("/es/tienda/oculta/").status_code == 404
    assert client.get("/es/tienda/borrador/").status_code == 404
    assert not RemovedProduct.objects.filter(path="/es/tienda/borrador/").exists()


def test_a_redirect_made_by_an_editor_wins_over_410(client, shop):
    ProductPageFactory(parent=shop, slug="cafetera").delete()
    Redirect.objects.create(old_path="/es/tienda/cafetera", redirect_link="/es/tienda/", is_permanent=True)

    response = client.get("/es/tienda/cafetera/")

    assert response.status_code == 301
    assert response["Location"] == "/es/tienda/"


def test_a_page_published_later_at_the_same_address_wins_over_410(client, home, shop):
    ProductPageFactory(parent=shop, slug="cafetera").delete()
    ProductPageFactory(parent=shop, slug="cafetera", title="Cafetera nueva")

    response = client.get("/es/tienda/cafetera/")

    assert response.status_code == 200
    assert text_of(parse(response).h1) == "Cafetera nueva"


def test_other_pages_are_not_recorded_as_gone(client, home):
    StandardPageFactory(parent=home, slug="envios").delete()

    assert client.get("/es/envios/").status_code == 404
    assert not RemovedProduct.objects.exists()


def parse_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")
