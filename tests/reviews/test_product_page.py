"""Reviews on the cached product page: renewed when moderation changes them, within the query budget."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import Review
from reviews.moderation import approve_review
from reviews.writing import write_review
from tests.markup import parse, text_of
from tests.reviews.conftest import review_url, valid_review
from tests.test_query_counts import MAX_QUERIES, make_product, queries_to_render, visit_once

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.VITRINA_PAGE_CACHE = True
    settings.VITRINA_CDN_MAX_AGE = 120


def kept(client, url):
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "hit"
    return response


def reviews_on(response):
    return [text_of(title) for title in parse(response).select(".product-reviews .review__title")]


def test_a_newly_approved_review_shows_on_the_next_anonymous_view_of_a_kept_page(
    page_cache_on, client, delivered_order, product, moderator_client, django_capture_on_commit_callbacks, translate,
):
    english = translate(product, slug="coffee-maker")
    buyer = Client(HTTP_HOST="localhost")  # the visitor below stays anonymous, with no cookies
    buyer.post(review_url(delivered_order, product.pk), valid_review(title="Recién aprobada"))
    assert reviews_on(kept(client, product.url)) == []
    assert reviews_on(kept(client, english.url)) == []
    review = Review.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("review_moderation:action", args=[review.pk, "approve"]))

    for url in (product.url, english.url):
        response = client.get(url)
        assert response["X-Cache"] == "miss"
        assert reviews_on(response) == ["Recién aprobada"]

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("review_moderation:action", args=[review.pk, "reject"]))
    assert reviews_on(client.get(product.url)) == []


def test_a_deleted_review_leaves_the_kept_page_at_once(
    page_cache_on, client, delivered_order, product, moderator_client, django_capture_on_commit_callbacks,
):
    review = write_review(delivered_order, product.pk, rating=5, title="Borrada", body="Será borrada pronto.")
    approve_review(review, user=None)
    assert reviews_on(kept(client, product.url)) == ["Borrada"]

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("review_moderation:delete", args=[review.pk]))

    assert reviews_on(client.get(product.url)) == []


def test_a_kept_product_page_with_reviews_carries_nothing_personal(
    page_cache_on, client, delivered_order, product,
):
    approve_review(write_review(delivered_order, product.pk, rating=5, title="Bien", body="Todo correcto, gracias."),
                   user=None)

    html = parse(kept(client, product.url))

    section = html.select_one(".product-reviews")
    assert section.select("form") == [] and section.select("input") == []
    assert delivered_order.token not in html.decode()
    assert "Pérez" not in text_of(section)  # the shown name is "Ana P."


@pytest.mark.parametrize("cold_cache", [False, True], ids=["warm", "cold"])
def test_reviews_cost_one_query_whatever_their_number(client, shop, delivered_order, cold_cache, home):
    from checkout.models import PaymentMethod
    from tests.checkout.test_orders_admin import new_order
    from tests.reviews.conftest import deliver

    without = make_product(shop, slug="without")
    with_reviews = make_product(shop, slug="with-reviews")
    for number in range(12):
        order = deliver(new_order(home, shop, PaymentMethod.BANK_TRANSFER))
        order.lines.update(product=with_reviews)
        approve_review(write_review(order, with_reviews.pk, rating=1 + number % 5, title=f"Opinión {number}",
                                    body="Una opinión de prueba."), user=None)

    baseline = queries_to_render(client, without.url, cold_cache)
    visit_once(client, with_reviews.url, cold_cache)
    with CaptureQueriesContext(connection) as context:
        response = client.get(with_reviews.url)

    assert len(reviews_on(response)) == 10
    assert len(context.captured_queries) == baseline <= MAX_QUERIES
    review_queries = [query for query in context.captured_queries if "reviews_review" in query["sql"]]
    assert len(review_queries) == 1  # the visible list and the JSON-LD share it
