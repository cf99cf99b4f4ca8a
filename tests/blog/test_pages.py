"""The magazine: index (with tag pages and pagination) and articles."""

import datetime

from tests.factories import AuthorFactory, BlogIndexPageFactory, BlogPageFactory, ImageFactory, heading_block
from tests.markup import parse, text_of, ui


def article_titles(response):
    return [text_of(title) for title in parse(response).select(".article-grid .article-card__title")]


def test_magazine_lists_live_articles_newest_first(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Antiguo", date=datetime.date(2024, 5, 1))
    BlogPageFactory(parent=blog_index, title="Reciente", date=datetime.date(2025, 5, 1), hero_image=ImageFactory())
    BlogPageFactory(parent=blog_index, title="Borrador", date=datetime.date(2025, 6, 1), live=False)

    response = client.get("/es/revista/")
    html = parse(response)

    assert response.templates[0].name == "blog/blog_index_page.html"
    assert text_of(html.h1) == "Revista"
    assert text_of(html.select_one("main .lead")) == blog_index.intro
    assert article_titles(response) == ["Reciente", "Antiguo"]
    first_card = html.select_one(".article-card")
    assert first_card.select_one("a")["href"] == "/es/revista/reciente/"
    assert first_card.select_one("img") is not None
    assert first_card.select_one("time")["datetime"] == "2025-05-01"


def test_empty_magazine_says_so(client, blog_index):
    html = parse(client.get("/es/revista/"))

    assert ui("There are no articles here yet.") in text_of(html.select_one("main"))


def test_magazine_paginates(client, blog_index, settings):
    settings.VITRINA_ARTICLES_PER_PAGE = 2
    for day in range(1, 6):
        BlogPageFactory(parent=blog_index, title=f"Día {day}", date=datetime.date(2025, 1, day))

    first = client.get("/es/revista/")
    last = client.get("/es/revista/", {"page": 3})

    assert article_titles(first) == ["Día 5", "Día 4"]
    assert article_titles(last) == ["Día 1"]
    assert article_titles(client.get("/es/revista/", {"page": 42})) == ["Día 1"]
    assert article_titles(client.get("/es/revista/", {"page": "x"})) == ["Día 5", "Día 4"]
    assert parse(first).select_one('nav.pagination a[rel="next"]')["href"] == "?page=2"
    canonical = parse(client.get("/es/revista/", {"page": 2})).select_one('link[rel="canonical"]')["href"]
    assert canonical == "http://localhost/es/revista/?page=2"


def test_tag_page_lists_only_articles_with_that_tag(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Espresso en casa", tags=["espresso", "recetas"])
    BlogPageFactory(parent=blog_index, title="Filtro V60", tags=["filtro"])
    BlogPageFactory(parent=blog_index, title="Ristretto", tags=["espresso"])

    response = client.get("/es/revista/tag/espresso/")
    html = parse(response)

    assert sorted(article_titles(response)) == ["Espresso en casa", "Ristretto"]
    assert text_of(html.h1) == "Revista: espresso"
    current = html.select_one('.tag-list a[aria-current="page"]')
    assert current["href"] == "/es/revista/tag/espresso/"
    tag_links = [a["href"] for a in html.select(".tag-list a")]
    assert tag_links == ["/es/revista/", "/es/revista/tag/espresso/", "/es/revista/tag/filtro/",
                         "/es/revista/tag/recetas/"]


def test_tag_page_paginates(client, blog_index, settings):
    settings.VITRINA_ARTICLES_PER_PAGE = 1
    BlogPageFactory(parent=blog_index, title="Uno", tags=["frio"], date=datetime.date(2025, 1, 1))
    BlogPageFactory(parent=blog_index, title="Dos", tags=["frio"], date=datetime.date(2025, 1, 2))

    assert article_titles(client.get("/es/revista/tag/frio/")) == ["Dos"]
    assert article_titles(client.get("/es/revista/tag/frio/", {"page": 2})) == ["Uno"]


def test_unknown_tag_is_a_404(client, blog_index):
    BlogPageFactory(parent=blog_index, tags=["espresso"])

    assert client.get("/es/revista/tag/no-existe/").status_code == 404


def test_magazine_only_offers_tags_of_its_live_articles(client, blog_index, home):
    BlogPageFactory(parent=blog_index, title="Publicado", tags=["visible"])
    BlogPageFactory(parent=blog_index, title="Borrador", tags=["oculta"], live=False)
    other_magazine = BlogIndexPageFactory(parent=home, title="Noticias", slug="noticias")
    BlogPageFactory(parent=other_magazine, tags=["ajena"])

    html = parse(client.get("/es/revista/"))

    assert [text_of(a) for a in html.select(".tag-list a")] == [ui("All"), "visible"]


def test_article_renders_author_date_intro_body_and_tags(client, blog_index):
    author = AuthorFactory(name="Lucía Pérez", role="Barista", bio="Tuesta café desde 2010.", image=ImageFactory())
    BlogPageFactory(
        parent=blog_index, title="Cómo moler café", slug="moler", author=author, date=datetime.date(2025, 2, 14),
        intro="Todo sobre la molienda.", hero_image=ImageFactory(), body=[heading_block("El molinillo")],
        tags=["molienda"],
    )

    response = client.get("/es/revista/moler/")
    html = parse(response)

    assert response.templates[0].name == "blog/blog_page.html"
    assert text_of(html.h1) == "Cómo moler café"
    assert html.select_one(".article__meta time")["datetime"] == "2025-02-14"
    assert "Lucía Pérez" in text_of(html.select_one(".article__meta"))
    assert text_of(html.select_one("article header .lead")) == "Todo sobre la molienda."
    assert html.select_one("img.article__hero") is not None
    assert text_of(html.select_one(".stream h2")) == "El molinillo"
    assert [a["href"] for a in html.select("footer.tag-list a")] == ["/es/revista/tag/molienda/"]
    author_box = html.select_one(".author-box")
    assert "Tuesta café desde 2010." in text_of(author_box)
    assert author_box.select_one("img") is not None
    assert html.select_one('meta[name="description"]')["content"] == "Todo sobre la molienda."


def test_article_without_author_or_tags_renders(client, blog_index):
    BlogPageFactory(parent=blog_index, slug="sencillo", author=None, intro="")

    html = parse(client.get("/es/revista/sencillo/"))

    assert html.select_one(".author-box") is None
    assert html.select_one("footer.tag-list") is None


def test_tag_with_accents_and_spaces_has_a_working_tag_page(client, blog_index):
    BlogPageFactory(parent=blog_index, title="Café de Colombia", tags=["Café de origen"])

    html = parse(client.get("/es/revista/"))
    tag_link = next(a for a in html.select(".tag-list a") if text_of(a) == "Café de origen")
    response = client.get(tag_link["href"])

    assert response.status_code == 200
    assert article_titles(response) == ["Café de Colombia"]
