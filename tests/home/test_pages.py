"""Home and standard pages render with their real templates; unknown URLs get the site's 404."""

import datetime

from django.template.loader import render_to_string

from tests.factories import BlogPageFactory, ImageFactory, StandardPageFactory, heading_block, paragraph_block
from tests.markup import parse, text_of, ui


def test_root_url_redirects_to_the_spanish_site(client, home):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_home_page_renders_hero_and_body(client, home, shop):
    home.hero_text = "Todo para tu café de cada mañana."
    home.hero_image = ImageFactory()
    home.hero_link = shop
    home.hero_link_label = "Ver la tienda"
    home.body = [heading_block("Lo más vendido")]
    home.save()

    response = client.get("/es/")
    html = parse(response)

    assert response.templates[0].name == "home/home_page.html"
    assert text_of(html.h1) == "Inicio"
    assert text_of(html.select_one(".hero .lead")) == "Todo para tu café de cada mañana."
    assert html.select_one(".hero img.hero__image") is not None
    hero_button = html.select_one(".hero a.button")
    assert hero_button["href"] == "/es/tienda/"
    assert text_of(hero_button) == "Ver la tienda"
    assert text_of(html.select_one(".stream h2")) == "Lo más vendido"


def test_home_page_lists_the_three_newest_live_articles(client, home, blog_index):
    for day in range(1, 5):
        BlogPageFactory(parent=blog_index, title=f"Artículo del día {day}", date=datetime.date(2025, 3, day))
    BlogPageFactory(parent=blog_index, title="Borrador", date=datetime.date(2025, 4, 1), live=False)

    html = parse(client.get("/es/"))

    titles = [text_of(title) for title in html.select(".article-card__title")]
    assert titles == ["Artículo del día 4", "Artículo del día 3", "Artículo del día 2"]


def test_main_menu_lists_home_children_shown_in_menus(client, home, shop, blog_index):
    shop.show_in_menus = True
    shop.save()
    StandardPageFactory(parent=home, title="Quiénes somos", show_in_menus=True)
    StandardPageFactory(parent=home, title="Aviso legal", show_in_menus=False)

    html = parse(client.get("/es/tienda/"))

    menu = {text_of(link): link for link in html.select(".main-menu a")}
    assert set(menu) == {"Tienda", "Quiénes somos"}
    assert menu["Tienda"]["aria-current"] == "page"
    assert html.select_one("a.brand")["href"] == "/es/"


def test_standard_page_renders_intro_image_and_body(client, home):
    page = StandardPageFactory(
        parent=home, title="Envíos y devoluciones", slug="envios", intro="Cómo enviamos tus pedidos.",
        image=ImageFactory(), body=[paragraph_block("<p>Enviamos en <b>24 horas</b>.</p>")],
    )

    response = client.get("/es/envios/")
    html = parse(response)

    assert response.templates[0].name == "home/standard_page.html"
    assert text_of(html.h1) == page.title
    assert text_of(html.select_one("article .lead")) == "Cómo enviamos tus pedidos."
    assert html.select_one("article img.page-image") is not None
    assert html.select_one(".stream .rich-text b").text == "24 horas"


def test_nested_standard_page_shows_breadcrumbs(client, home):
    parent = StandardPageFactory(parent=home, title="Ayuda", slug="ayuda")
    StandardPageFactory(parent=parent, title="Pagos", slug="pagos")

    html = parse(client.get("/es/ayuda/pagos/"))

    crumbs = [(text_of(a), a["href"]) for a in html.select(".breadcrumbs a")]
    assert crumbs == [("Inicio", "/es/"), ("Ayuda", "/es/ayuda/")]
    assert text_of(html.select_one('.breadcrumbs [aria-current="page"]')) == "Pagos"


def test_draft_page_is_not_served(client, home):
    StandardPageFactory(parent=home, title="Próximamente", slug="pronto", live=False)

    assert client.get("/es/pronto/").status_code == 404


def test_unknown_url_gets_the_404_page_inside_the_site_layout(client, home):
    response = client.get("/es/no-existe/")

    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    html = response.content.decode()
    assert ui("Page not found") in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'href="/es/"' in html


def test_500_template_renders_without_context_or_database():
    html = render_to_string("500.html")

    assert "<title>Error del servidor | Server error</title>" in html
    assert 'href="/es/"' in html and 'href="/en/"' in html
    assert "{%" not in html and "{{" not in html


def test_footer_shows_the_shop_details_from_the_site_settings(client, site):
    from home.models import ShopSettings

    ShopSettings.objects.update_or_create(site=site, defaults={
        "shop_name": "Vitrina Café", "email": "hola@vitrina.example", "phone": "+34 910 000 000",
        "instagram_url": "https://instagram.example/vitrina", "accepts_cash_on_delivery": True,
    })

    html = parse(client.get("/es/"))

    footer = html.select_one("footer.site-footer")
    assert text_of(footer.select_one("#footer-contact")) == "Vitrina Café"
    assert footer.select_one('a[href="mailto:hola@vitrina.example"]') is not None
    assert footer.select_one('a[href="tel:+34910000000"]') is not None
    assert footer.select_one('a[href="https://instagram.example/vitrina"]') is not None
    assert ui("Cash on delivery") in text_of(footer)
    assert text_of(html.title).endswith("| Vitrina Café")
