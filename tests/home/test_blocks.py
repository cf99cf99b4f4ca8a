"""Every block of the shared body StreamField renders inside a real page."""

import pytest

from tests.factories import (
    ImageFactory,
    StandardPageFactory,
    call_to_action_block,
    embed_block,
    faq_block,
    heading_block,
    image_block,
    paragraph_block,
    quote_block,
)
from tests.markup import parse, text_of


@pytest.fixture
def render_body(client, home):
    """Put blocks in a standard page's body and return the parsed body of the served page."""

    def render_body(*blocks):
        page = StandardPageFactory(parent=home, title="Bloques", slug="bloques", body=list(blocks))
        html = parse(client.get(page.url))
        return html.select_one("article .stream")

    return render_body


def test_heading_block_renders_at_its_level(render_body):
    body = render_body(heading_block("Elige el molido", "h2"), heading_block("Para espresso", "h3"))

    assert text_of(body.h2) == "Elige el molido"
    assert text_of(body.h3) == "Para espresso"


def test_paragraph_block_renders_rich_text(render_body, home):
    html = f'<p>Lee <a linktype="page" id="{home.pk}">la portada</a> y <i>disfruta</i>.</p>'

    body = render_body(paragraph_block(html))

    link = body.select_one(".rich-text a")
    assert link["href"] == "/es/"
    assert text_of(link) == "la portada"
    assert body.select_one(".rich-text i").text == "disfruta"


def test_image_block_renders_a_rendition_with_alt_text_and_caption(render_body):
    image = ImageFactory(file__width=1200, file__height=800)

    body = render_body(image_block(image, caption="Tueste medio", alt_text="Granos de café"))

    img = body.select_one("figure.block-image img")
    assert img["alt"] == "Granos de café"
    assert (img["width"], img["height"]) == ("480", "320")  # the smallest of its srcset, for the aspect ratio
    assert img["src"].startswith("/media/images/")
    assert text_of(body.select_one("figure.block-image figcaption")) == "Tueste medio"


def test_quote_block_renders_text_and_attribution(render_body):
    body = render_body(quote_block("El café se muele al momento.", "Lucía, barista"))

    assert text_of(body.select_one("blockquote")) == "El café se muele al momento."
    assert text_of(body.select_one(".block-quote figcaption")) == "Lucía, barista"


def test_call_to_action_block_links_to_a_page_or_an_external_url(render_body, shop):
    body = render_body(
        call_to_action_block("Envío gratis", "Ver la tienda", page=shop, text="Desde 50 €."),
        call_to_action_block("Síguenos", "Instagram", url="https://instagram.example/vitrina"),
    )

    first, second = body.select("aside.block-cta")
    assert text_of(first.h2) == "Envío gratis"
    assert text_of(first.p) == "Desde 50 €."
    assert first.a["href"] == "/es/tienda/"
    assert text_of(first.a) == "Ver la tienda"
    assert second.a["href"] == "https://instagram.example/vitrina"


def test_faq_block_renders_questions_and_rich_text_answers(render_body):
    body = render_body(faq_block("Preguntas frecuentes", [
        ("¿Cuánto tarda el envío?", "<p>De <b>2 a 4</b> días.</p>"),
        ("¿Puedo devolverlo?", "<p>Sí, en 30 días.</p>"),
    ]))

    assert text_of(body.select_one(".block-faq h2")) == "Preguntas frecuentes"
    questions = [text_of(summary) for summary in body.select(".block-faq details summary")]
    assert questions == ["¿Cuánto tarda el envío?", "¿Puedo devolverlo?"]
    assert body.select_one(".block-faq details .rich-text b").text == "2 a 4"


def test_embed_block_renders_the_providers_player(render_body, video_embeds):
    body = render_body(embed_block("https://video.example/molienda"))

    iframe = body.select_one(".block-embed iframe")
    assert iframe["src"] == "https://video.example/player/molienda"
    assert iframe["title"] == "Vídeo molienda"


def test_embed_block_of_an_unknown_provider_renders_nothing_instead_of_failing(render_body, video_embeds):
    body = render_body(embed_block("https://unknown.example/video/1"), heading_block("Después"))

    assert body.select_one(".block-embed iframe") is None
    assert text_of(body.h2) == "Después"
