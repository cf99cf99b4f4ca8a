"""JSON-LD for crawlers: every page type's schema.org objects, parsed from the rendered page."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from home.models import ShopSettings
from home.structured_data import structured_data
from tests.factories import (
    AuthorFactory,
    BlogPageFactory,
    ImageFactory,
    ProductImageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StandardPageFactory,
    faq_block,
    paragraph_block,
)
from tests.markup import parse, ui

PRICE = re.compile(r"^\d+\.\d{2}$")
SCHEMA = "https://schema.org/"


def json_ld(response):
    """Every ld+json object of the page, each checked to carry the schema.org context."""
    objects = [json.loads(script.string) for script in parse(response).select('script[type="application/ld+json"]')]
    assert all(thing["@context"] == "https://schema.org" for thing in objects)
    return objects


def only(objects, type_name):
    found = [thing for thing in objects if thing["@type"] == type_name]
    assert len(found) == 1, [thing["@type"] for thing in objects]
    return found[0]


def types_of(objects):
    return sorted(thing["@type"] for thing in objects)


def product_ld(client, product):
    return only(json_ld(client.get(product.url)), "Product")


def schedule_revision(page, days=10, **changes):
    """Schedule the next revision of a live page, like an editor setting "go live at" in the future."""
    page = type(page).objects.get(pk=page.pk)
    if page.live_revision_id is None:
        page.save_revision().publish()  # factories make live pages without a live revision
        page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.go_live_at = timezone.now() + datetime.timedelta(days=days)
    page.save_revision().publish()
    return page.go_live_at


# Products


def test_product_with_one_variant_has_one_offer(client, shop):
    product = ProductPageFactory(
        parent=shop, slug="molinillo", title="Molinillo manual", brand="Comandante", summary="Muele fino y parejo.",
        variants=[ProductVariantFactory.build(sku="MOL-1", price=Decimal("129"))],
        gallery_images=[ProductImageFactory.build(image=ImageFactory()) for _ in range(2)],
    )

    data = product_ld(client, product)

    assert data["name"] == "Molinillo manual"
    assert data["url"] == "http://localhost/es/tienda/molinillo/"
    assert data["description"] == "Muele fino y parejo."
    assert data["sku"] == "MOL-1"
    assert data["brand"] == {"@type": "Brand", "name": "Comandante"}
    assert len(data["image"]) == 2
    assert all(re.match(r"^http://localhost/media/images/.+\.max-1200x1200\.\w+$", url) for url in data["image"])
    offer = data["offers"]
    assert offer["@type"] == "Offer"
    assert offer["price"] == "129.00" and PRICE.match(offer["price"])
    assert offer["priceCurrency"] == "EUR"
    assert offer["availability"] == SCHEMA + "InStock"
    assert offer["itemCondition"] == SCHEMA + "NewCondition"
    assert offer["url"] == data["url"]
    assert offer["sku"] == "MOL-1"
    assert "priceValidUntil" not in offer


def test_product_description_prefers_the_search_description_as_plain_text(client, shop):
    product = ProductPageFactory(parent=shop, summary="Resumen.", search_description="Para   buscadores\n& más.")

    assert product_ld(client, product)["description"] == "Para buscadores & más."


def test_product_without_brand_or_images_leaves_them_out(client, shop):
    data = product_ld(client, ProductPageFactory(parent=shop, brand=""))

    assert "brand" not in data
    assert "image" not in data


def test_offer_currency_is_the_shop_currency(client, shop, settings):
    settings.VITRINA_CURRENCY = "USD"

    assert product_ld(client, ProductPageFactory(parent=shop))["offers"]["priceCurrency"] == "USD"


@pytest.mark.parametrize(
    ("quantity", "availability"),
    [(50, "InStock"), (2, "LimitedAvailability"), (0, "OutOfStock")],
    ids=["in-stock", "low-stock", "out-of-stock"],
)
def test_offer_availability_follows_the_stock_level(client, shop, quantity, availability):
    product = ProductPageFactory(parent=shop, stock=quantity)

    assert product_ld(client, product)["offers"]["availability"] == SCHEMA + availability


def test_variants_make_an_aggregate_offer_from_lowest_to_highest_price(client, shop):
    product = ProductPageFactory(
        parent=shop, slug="taza", option1_name="Tamaño",
        variants=[
            ProductVariantFactory.build(sku="TAZA-S", option1="S", price=Decimal("12.5")),
            ProductVariantFactory.build(sku="TAZA-M", option1="M", price=Decimal("9.90")),
            ProductVariantFactory.build(sku="TAZA-L", option1="L", price=Decimal("15")),
        ],
        stock={"TAZA-S": 0, "TAZA-M": 20, "TAZA-L": 1},
    )

    data = product_ld(client, product)

    offers = data["offers"]
    assert offers["@type"] == "AggregateOffer"
    assert (offers["lowPrice"], offers["highPrice"]) == ("9.90", "15.00")
    assert offers["offerCount"] == 3
    assert offers["priceCurrency"] == "EUR"
    assert data["sku"] == "TAZA-M"  # the default variant: the first one that can be bought
    by_sku = {offer["sku"]: offer for offer in offers["offers"]}
    assert {sku: offer["availability"] for sku, offer in by_sku.items()} == {
        "TAZA-S": SCHEMA + "OutOfStock", "TAZA-M": SCHEMA + "InStock", "TAZA-L": SCHEMA + "LimitedAvailability",
    }
    assert by_sku["TAZA-S"]["price"] == "12.50"
    assert by_sku["TAZA-S"]["url"] == "http://localhost/es/tienda/taza/?variant=TAZA-S"
    assert all(PRICE.match(offer["price"]) and offer["@type"] == "Offer" for offer in offers["offers"])


def test_quote_only_product_has_no_offer_and_no_price(client, shop):
    product = ProductPageFactory(parent=shop, is_quote_only=True, variants=[
        ProductVariantFactory.build(price=Decimal("900")), ProductVariantFactory.build(price=Decimal("1200")),
    ])

    response = client.get(product.url)
    data = only(json_ld(response), "Product")

    assert data["name"] == product.title
    assert "offers" not in data
    scripts = "".join(script.string for script in parse(response).select('script[type="application/ld+json"]'))
    assert "price" not in scripts.lower()


def test_sale_price_is_valid_until_the_scheduled_revision_goes_live(client, shop):
    product = ProductPageFactory(parent=shop, variants=[
        ProductVariantFactory.build(sku="REBAJA", price=Decimal("15"), compare_at_price=Decimal("20")),
    ])
    go_live_at = schedule_revision(product, title="Sin rebaja")

    offer = product_ld(client, product)["offers"]

    assert offer["price"] == "15.00"
    assert offer["priceValidUntil"] == timezone.localdate(go_live_at).isoformat()
    assert datetime.date.fromisoformat(offer["priceValidUntil"]) > timezone.localdate()


def test_sale_price_of_variants_is_valid_until_the_scheduled_revision(client, shop):
    product = ProductPageFactory(parent=shop, variants=[
        ProductVariantFactory.build(sku="EN-REBAJA", price=Decimal("15"), compare_at_price=Decimal("20")),
        ProductVariantFactory.build(sku="SIN-REBAJA", price=Decimal("18")),
    ])
    go_live_at = schedule_revision(product)

    offers = {offer["sku"]: offer for offer in product_ld(client, product)["offers"]["offers"]}

    assert offers["EN-REBAJA"]["priceValidUntil"] == timezone.localdate(go_live_at).isoformat()
    assert "priceValidUntil" not in offers["SIN-REBAJA"]


def test_sale_without_a_scheduled_end_has_no_price_valid_until(client, shop):
    product = ProductPageFactory(parent=shop, variants=[
        ProductVariantFactory.build(price=Decimal("15"), compare_at_price=Decimal("20")),
    ])

    assert "priceValidUntil" not in product_ld(client, product)["offers"]


def test_scheduled_revision_without_a_sale_has_no_price_valid_until(client, shop):
    product = ProductPageFactory(parent=shop)
    schedule_revision(product, title="Nuevo nombre")

    assert "priceValidUntil" not in product_ld(client, product)["offers"]


# Breadcrumbs


def test_breadcrumbs_list_home_ancestors_and_the_page_with_positions_and_absolute_urls(client, shop):
    product = ProductPageFactory(parent=shop, slug="cafetera", title="Cafetera")

    trail = only(json_ld(client.get(product.url)), "BreadcrumbList")

    items = trail["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert all(item["@type"] == "ListItem" for item in items)
    assert [item["name"] for item in items] == [ui("Home"), "Tienda", "Cafetera"]
    assert [item["item"] for item in items] == [
        "http://localhost/es/", "http://localhost/es/tienda/", "http://localhost/es/tienda/cafetera/",
    ]


def test_breadcrumbs_match_the_visible_ones_on_nested_pages(client, home):
    guide = StandardPageFactory(parent=home, slug="guias", title="Guías")
    StandardPageFactory(parent=guide, slug="espresso", title="Espresso")

    response = client.get("/es/guias/espresso/")
    items = only(json_ld(response), "BreadcrumbList")["itemListElement"]

    visible = [item.get_text(strip=True) for item in parse(response).select("nav.breadcrumbs li")]
    assert [item["name"] for item in items] == visible
    assert [item["position"] for item in items] == [1, 2, 3]


def test_every_page_below_home_has_breadcrumbs(client, shop, blog_index):
    pages = [shop, blog_index, StandardPageFactory(parent=shop.get_parent(), slug="envios")]

    for page in pages:
        assert only(json_ld(client.get(page.url)), "BreadcrumbList")["itemListElement"][-1]["item"] == page.full_url


def test_home_page_has_no_breadcrumbs(client, home):
    assert "BreadcrumbList" not in types_of(json_ld(client.get("/es/")))


# Articles


def test_article_is_a_blog_posting_with_dates_author_image_and_publisher(client, blog_index):
    article = BlogPageFactory(
        parent=blog_index, slug="guia", title="Guía del espresso", intro="Todo sobre el espresso.",
        date=timezone.localdate(), author=AuthorFactory(name="Lucía Pérez", role="Barista"),
        hero_image=ImageFactory(),
    )
    article.save_revision().publish()
    article.refresh_from_db()

    data = only(json_ld(client.get(article.url)), "BlogPosting")

    assert data["headline"] == "Guía del espresso"
    assert data["url"] == data["mainEntityOfPage"]["@id"] == "http://localhost/es/revista/guia/"
    assert data["mainEntityOfPage"]["@type"] == "WebPage"
    assert data["description"] == "Todo sobre el espresso."
    assert data["inLanguage"] == "es"
    assert data["author"] == {"@type": "Person", "name": "Lucía Pérez", "jobTitle": "Barista"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Vitrina"
    assert data["publisher"]["url"] == "http://localhost/es/"
    assert re.match(r"^http://localhost/media/images/.+\.fill-1200x630\.format-webp\.webp$", data["image"][0])
    published = datetime.datetime.fromisoformat(data["datePublished"])
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    assert published == article.first_published_at and published.tzinfo is not None
    assert modified == article.last_published_at and modified >= published


def test_article_dated_by_the_editor_is_published_on_that_date(client, blog_index):
    article = BlogPageFactory(parent=blog_index, date=datetime.date(2024, 3, 5))
    article.save_revision().publish()

    data = only(json_ld(client.get(article.url)), "BlogPosting")

    assert data["datePublished"] == "2024-03-05"
    assert datetime.datetime.fromisoformat(data["dateModified"]).tzinfo is not None


def test_article_without_author_is_signed_by_the_shop(client, blog_index):
    data = only(json_ld(client.get(BlogPageFactory(parent=blog_index, author=None).url)), "BlogPosting")

    assert data["author"]["@type"] == "Organization"
    assert data["author"]["name"] == "Vitrina"
    assert "image" not in data


def test_english_article_is_in_english(client, blog_index, translate):
    english = translate(BlogPageFactory(parent=blog_index, slug="guia"), title="Espresso guide")

    data = only(json_ld(client.get(english.url)), "BlogPosting")

    assert data["inLanguage"] == "en"
    assert data["headline"] == "Espresso guide"
    assert data["publisher"]["url"] == "http://localhost/en/"


# Home


def test_home_page_has_the_organization_with_its_contact_details(client, site):
    ShopSettings.objects.update_or_create(site=site, defaults={
        "shop_name": "Vitrina Café", "email": "hola@vitrina.example", "phone": "+34 910 000 000",
        "address": "Calle Mayor 1\n28013 Madrid", "instagram_url": "https://instagram.example/vitrina",
        "youtube_url": "https://youtube.example/vitrina",
    })

    shop = only(json_ld(client.get("/es/")), "Organization")

    assert shop["name"] == "Vitrina Café"
    assert shop["url"] == "http://localhost/es/"
    assert shop["email"] == "hola@vitrina.example"
    assert shop["telephone"] == "+34 910 000 000"
    assert shop["address"] == "Calle Mayor 1, 28013 Madrid"
    assert shop["contactPoint"]["@type"] == "ContactPoint"
    assert shop["sameAs"] == ["https://instagram.example/vitrina", "https://youtube.example/vitrina"]


def test_organization_without_contact_details_leaves_them_out(client, home):
    shop = only(json_ld(client.get("/es/")), "Organization")

    assert shop["name"] == "Vitrina"
    assert not {"email", "telephone", "address", "contactPoint", "sameAs", "logo"} & set(shop)


def test_home_page_has_a_website_that_searches_the_spanish_shop(client, home):
    website = only(json_ld(client.get("/es/")), "WebSite")

    assert website["url"] == "http://localhost/es/"
    assert website["inLanguage"] == "es"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://localhost/es/buscar/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_english_home_page_searches_the_english_shop(client, home, translate):
    translate(home, title="Home")

    objects = json_ld(client.get("/en/"))

    website = only(objects, "WebSite")
    assert website["url"] == "http://localhost/en/"
    assert website["inLanguage"] == "en"
    assert website["potentialAction"]["target"]["urlTemplate"] == "http://localhost/en/search/?q={search_term_string}"
    assert only(objects, "Organization")["url"] == "http://localhost/en/"


def test_only_the_home_page_describes_the_shop(client, shop):
    assert types_of(json_ld(client.get(shop.url))) == ["BreadcrumbList"]


# FAQ


def test_faq_page_only_where_the_faq_block_is_used(client, home):
    StandardPageFactory(parent=home, slug="ayuda", body=[
        paragraph_block("<p>Antes de preguntar…</p>"),
        faq_block("Envíos", [("¿Cuánto tarda?", "<p>De <b>2 a 4</b> días.</p><ul><li>Península</li></ul>")]),
        faq_block("", [("¿Puedo devolverlo?", "<p>Sí, en 30 días.</p>")]),
    ])
    StandardPageFactory(parent=home, slug="sobre-nosotros", body=[paragraph_block("<p>Somos baristas.</p>")])

    faq = only(json_ld(client.get("/es/ayuda/")), "FAQPage")

    assert faq["mainEntity"] == [
        {"@type": "Question", "name": "¿Cuánto tarda?",
         "acceptedAnswer": {"@type": "Answer", "text": "De 2 a 4 días. Península"}},
        {"@type": "Question", "name": "¿Puedo devolverlo?",
         "acceptedAnswer": {"@type": "Answer", "text": "Sí, en 30 días."}},
    ]
    assert types_of(json_ld(client.get("/es/sobre-nosotros/"))) == ["BreadcrumbList"]


def test_faq_blocks_in_articles_products_and_the_home_page(client, home, shop, blog_index):
    questions = [("¿Sirve para inducción?", "<p>Sí.</p>")]
    home.body = [faq_block("", questions)]
    home.save_revision().publish()
    article = BlogPageFactory(parent=blog_index, body=[faq_block("", questions)])
    product = ProductPageFactory(parent=shop, description=[faq_block("", questions)])

    for url in ("/es/", article.url, product.url):
        faq = only(json_ld(client.get(url)), "FAQPage")
        assert faq["mainEntity"][0]["name"] == "¿Sirve para inducción?"


# Safety and cost


def test_editor_text_cannot_close_the_script_element(client, home):
    evil = '</script><script>alert("x")</script><!--'
    StandardPageFactory(parent=home, slug="ayuda", title=f"Ayuda {evil}", body=[
        faq_block("", [(f"¿Y si escribo {evil}?", f"<p>Nada pasa: {evil.replace('<', '&lt;')}</p>")]),
    ])

    response = client.get("/es/ayuda/")

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert" in html
    faq = only(json_ld(response), "FAQPage")
    assert faq["mainEntity"][0]["name"] == f"¿Y si escribo {evil}?"
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == f"Nada pasa: {evil}"
    assert only(json_ld(response), "BreadcrumbList")["itemListElement"][-1]["name"] == f"Ayuda {evil}"


def test_views_that_are_not_pages_have_no_json_ld(client, home):
    for url in (reverse("checkout:cart"), reverse("search:search")):
        assert json_ld(client.get(url, {"q": "café"})) == []


def rendered_product_request(product):
    """A request for the product page after its view and <head> ran (as when the tag renders)."""
    request = RequestFactory().get(product.url, HTTP_HOST="localhost")
    product.get_context(request)
    product.get_full_url(request)  # the canonical link already resolved the site's root paths
    return request


def test_on_sale_product_costs_the_scheduled_revision_and_the_breadcrumbs_share_their_trail(
    shop, django_assert_max_num_queries, django_assert_num_queries
):
    product = ProductPageFactory(
        parent=shop, gallery_images=[ProductImageFactory.build(image=ImageFactory())],
        variants=[ProductVariantFactory.build(price=Decimal("5"), compare_at_price=Decimal("9"))],
    )
    schedule_revision(product)
    first_visit = type(product).objects.get(pk=product.pk)
    structured_data(rendered_product_request(first_visit), first_visit)  # renditions are made on the first visit
    product = type(product).objects.get(pk=product.pk)
    request = rendered_product_request(product)

    # The ancestors (for the visible breadcrumbs too), the scheduled revision if the view did not load it,
    # and the approved reviews (for the visible reviews too).
    with django_assert_max_num_queries(3):
        objects = structured_data(request, product)
    with django_assert_num_queries(0):
        trail = Template("{% load site_tags %}{% breadcrumbs %}").render(Context({"request": request, "page": product}))
        Template('{% include "reviews/includes/product_reviews.html" %}').render(
            Context({"request": request, "product": product}))
    assert "priceValidUntil" in objects[0]["offers"]
    assert product.title in trail
