"""Spanish first, English second: language of the page, the switcher, and UI strings."""

from bs4 import BeautifulSoup

from tests.factories import ProductPageFactory, StandardPageFactory
from tests.markup import parse, text_of


def switcher(html):
    return {item.get("lang"): item for item in html.select(".language-switcher [lang]")}


def test_switcher_on_a_translated_page_links_to_its_english_translation(client, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    translate(product, title="Coffee maker")

    links = switcher(parse(client.get("/es/tienda/cafetera/")))

    assert links["en"].name == "a"
    assert links["en"]["href"] == "/en/tienda/cafetera/"
    assert links["en"]["hreflang"] == "en"
    assert links["es"].name == "span" and links["es"]["aria-current"] == "true"


def test_switcher_on_an_english_page_links_back_to_the_spanish_page(client, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    english = translate(product, title="Coffee maker")

    links = switcher(parse(client.get(english.url)))

    assert links["es"]["href"] == "/es/tienda/cafetera/"
    assert links["es"]["hreflang"] == "es"
    assert links["en"].name == "span"


def test_switcher_on_an_untranslated_page_links_to_the_english_home(client, home, translate):
    translate(home)
    StandardPageFactory(parent=home, slug="solo-espanol")

    links = switcher(parse(client.get("/es/solo-espanol/")))

    assert links["en"]["href"] == "/en/"
    assert links["en"]["hreflang"] == "en"


def test_switcher_links_to_english_root_url_even_without_an_english_home(client, home):
    StandardPageFactory(parent=home, slug="solo-espanol")

    links = switcher(parse(client.get("/es/solo-espanol/")))

    assert links["en"]["href"] == "/en/"


def test_switcher_ignores_an_unpublished_translation(client, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    english = translate(product, title="Coffee maker")
    english.unpublish()

    links = switcher(parse(client.get("/es/tienda/cafetera/")))

    assert links["en"]["href"] == "/en/"


def test_html_lang_follows_the_url_prefix(client, shop, translate):
    product = ProductPageFactory(parent=shop, slug="cafetera")
    english = translate(product, title="Coffee maker")

    assert parse(client.get("/es/tienda/cafetera/")).html["lang"] == "es"
    assert parse(client.get(english.url)).html["lang"] == "en"
    assert parse(client.get("/es/")).html["lang"] == "es"


def test_english_home_is_served_at_the_english_prefix(client, home, translate):
    english_home = translate(home, title="Home")

    html = parse(client.get("/en/"))

    assert english_home.url == "/en/"
    assert text_of(html.h1) == "Home"
    assert html.html["lang"] == "en"


def test_english_pages_show_english_ui_strings(client, home):
    html = parse(client.get("/en/"))

    assert text_of(html.select_one("a.skip-link")) == "Skip to content"


def test_spanish_pages_show_spanish_ui_strings(client, home):
    """Needs the Spanish catalog (locale/es/LC_MESSAGES/django.po, compiled)."""
    html = parse(client.get("/es/"))

    assert text_of(html.select_one("a.skip-link")) == "Saltar al contenido"


def test_on_the_cart_the_language_switcher_goes_to_the_english_cart(client, home):
    page = parse(client.get("/es/cart/"))
    link = page.select_one('.language-switcher a[hreflang="en"]')
    assert link["href"] == "/en/cart/"


def test_on_a_404_the_language_switcher_goes_to_the_other_home_page(client, home, translate):
    english_home = translate(home, title="Home", slug="home")
    page = BeautifulSoup(client.get("/es/no-existe/").content, "html.parser")
    assert page.select_one('.language-switcher a[hreflang="en"]')["href"] == english_home.url
