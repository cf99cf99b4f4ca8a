"""Moderation in the admin: customer service approves or rejects, the product page follows; editors see nothing."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from checkout.models import PaymentMethod
from reviews.models import Review, ReviewStatus
from reviews.writing import write_review
from tests.checkout.test_admin import menu_labels
from tests.checkout.test_orders_admin import new_order
from tests.clients import english_admin_client
from tests.markup import parse, text_of, ui
from tests.reviews.conftest import deliver, order_line_product, review_url, staff_with, valid_review

pytestmark = pytest.mark.django_db


def pending_review(order, product, rating=4, title="Muy buena", body="Hace un café estupendo."):
    return write_review(order, product.pk, rating=rating, title=title, body=body)


def average_text(average, count, language="es"):
    """The page's "4,5 out of 5, 2 reviews" line as the site shows it in `language`."""
    with translation.override(language):
        return translation.ngettext(
            "%(average)s out of 5, %(counter)s review", "%(average)s out of 5, %(counter)s reviews", count,
        ) % {"average": average, "counter": count}


def moderate(client, review, action, **data):
    """POST approve/reject; returns the messages the staff member reads (English)."""
    response = client.post(reverse("review_moderation:action", args=[review.pk, action]), data, follow=True)
    review.refresh_from_db()
    with translation.override("en"):
        return response, [str(message.message) for message in get_messages(response.wsgi_request)]


def product_json_ld(response):
    for script in parse(response).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == "Product":
            return data
    raise AssertionError("no Product JSON-LD")


def second_buyer_review(home, shop, product, rating, title):
    """Another delivered order of the same product, reviewed."""
    order = deliver(new_order(home, shop, PaymentMethod.BANK_TRANSFER))
    order.lines.update(product=product)
    return pending_review(order, product, rating=rating, title=title)


# End to end: written on the site, approved in the admin, shown on the page and in the JSON-LD


def test_an_approved_review_shows_on_the_product_page_with_the_average_and_in_the_json_ld(
    client, home, shop, delivered_order, product, moderator_client, moderator
):
    client.post(review_url(delivered_order, product.pk), valid_review(rating="5", title="Excelente"))
    review = Review.objects.get()
    listing = moderator_client.get(reverse("review_moderation:index"))
    assert "Excelente" in listing.content.decode() and "Waiting for moderation" in listing.content.decode()
    detail = moderator_client.get(reverse("review_moderation:inspect", args=[review.pk]))
    assert "Hace un café estupendo cada mañana." in detail.content.decode()

    response, texts = moderate(moderator_client, review, "approve")

    assert response.redirect_chain[-1][0] == reverse("review_moderation:inspect", args=[review.pk])
    assert texts == ["The review “Excelente” is approved and shows on the product page."]
    assert (review.status, review.moderated_by) == (ReviewStatus.APPROVED, moderator)
    assert review.moderated_at is not None
    second = second_buyer_review(home, shop, product, 4, "Bien")
    moderate(moderator_client, second, "approve")

    page = client.get(product.url)
    section = parse(page).select_one(".product-reviews")
    assert average_text("4,5", 2) in text_of(section)
    assert [text_of(title) for title in section.select(".review__title")] == ["Bien", "Excelente"]  # newest first
    assert section.select_one(".review .visually-hidden").get_text() == ui("Rated %(rating)s out of 5") % {"rating": 4}
    assert section.select_one(".review .stars")["aria-hidden"] == "true"
    data = product_json_ld(page)
    assert data["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": "4.5", "reviewCount": 2,
                                       "bestRating": 5, "worstRating": 1}
    assert data["review"][1] == {
        "@type": "Review", "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1},
        "author": {"@type": "Person", "name": "Ana P."}, "name": "Excelente",
        "reviewBody": "Hace un café estupendo cada mañana.", "datePublished": review.created_at.date().isoformat(),
        "inLanguage": "es",
    }
    order_section = parse(client.get(f"/es/order/{delivered_order.token}/")).select_one("#order-reviews").parent
    assert ui("your review is published.") in text_of(order_section)


def test_a_rejected_review_never_shows(client, delivered_order, product, moderator_client):
    review = pending_review(delivered_order, product, title="Spam")

    response, texts = moderate(moderator_client, review, "reject", note="Publicidad")

    assert texts == ["The review “Spam” is rejected and does not show on the product page."]
    assert (review.status, review.rejection_note) == (ReviewStatus.REJECTED, "Publicidad")
    page = client.get(product.url)
    assert "Spam" not in text_of(parse(page).select_one(".product-reviews"))
    assert "aggregateRating" not in product_json_ld(page)
    status_page = text_of(parse(client.get(review_url(delivered_order, product.pk))))
    assert ui("Your review was not published. It did not follow our review guidelines.") in status_page
    assert "Publicidad" not in status_page  # the internal note stays internal


def test_an_approved_review_can_be_withdrawn_by_rejecting_it(client, delivered_order, product, moderator_client):
    review = pending_review(delivered_order, product, title="Luego retirada")
    moderate(moderator_client, review, "approve")
    assert "Luego retirada" in text_of(parse(client.get(product.url)))

    moderate(moderator_client, review, "reject")

    assert "Luego retirada" not in text_of(parse(client.get(product.url)))


def test_moderating_twice_the_same_way_says_so(delivered_order, product, moderator_client):
    review = pending_review(delivered_order, product)
    moderate(moderator_client, review, "approve")

    _response, texts = moderate(moderator_client, review, "approve")

    assert texts == ["This review already has that status."]
    assert review.status == ReviewStatus.APPROVED


def test_the_inspect_page_offers_only_the_actions_that_change_something(delivered_order, product, moderator_client):
    review = pending_review(delivered_order, product)
    url = reverse("review_moderation:inspect", args=[review.pk])

    def offered():
        return [form["data-review-action"] for form in parse(moderator_client.get(url)).select("[data-review-action]")]

    assert offered() == ["approve", "reject"]
    moderate(moderator_client, review, "approve")
    assert offered() == ["reject"]


def test_a_product_page_shows_at_most_ten_reviews_but_counts_them_all(client, home, shop, product, moderator):
    from reviews.moderation import approve_review

    for number in range(12):
        approve_review(second_buyer_review(home, shop, product, 1 + number % 5, f"Opinión {number}"), user=moderator)

    section = parse(client.get(product.url)).select_one(".product-reviews")

    titles = [text_of(title) for title in section.select(".review__title")]
    assert titles == [f"Opinión {number}" for number in range(11, 1, -1)]
    assert average_text("2,8", 12) in text_of(section)


def test_the_english_translation_of_a_product_shows_its_reviews_and_says_their_language(
    client, delivered_order, product, moderator, translate
):
    from reviews.moderation import approve_review

    approve_review(pending_review(delivered_order, product, title="Genial"), user=moderator)
    english = translate(product, slug="coffee-maker")

    section = parse(client.get(english.url)).select_one(".product-reviews")

    review = section.select_one(".review")
    assert review["lang"] == "es"
    assert "Genial" in text_of(review)
    assert "Written in Spanish" in text_of(review)


# The admin listing


def test_listing_filters_and_search(home, shop, delivered_order, product, moderator_client, moderator):
    from reviews.moderation import approve_review

    first = pending_review(delivered_order, product, rating=2, title="Se rompió pronto", body="El asa se soltó.")
    second = second_buyer_review(home, shop, product, 5, "Perfecta")
    approve_review(second, user=moderator)
    url = reverse("review_moderation:index")

    def titles(**params):
        response = moderator_client.get(url, params)
        assert response.status_code == 200
        return [review.title for review in response.context["object_list"]]

    assert titles() == ["Perfecta", "Se rompió pronto"]
    assert titles(status="pending") == ["Se rompió pronto"]
    assert titles(status="approved") == ["Perfecta"]
    assert titles(rating="5") == ["Perfecta"]
    assert titles(rating="2") == ["Se rompió pronto"]
    assert titles(q="asa") == ["Se rompió pronto"]
    content = moderator_client.get(url).content.decode()
    assert product.title in content and "Ana P." in content
    assert first.pk


def test_nobody_edits_or_adds_reviews_through_generic_forms(delivered_order, product, moderator_client, admin_client):
    review = pending_review(delivered_order, product, title="Original")

    for client in (moderator_client, admin_client):
        edit = client.post(reverse("review_moderation:edit", args=[review.pk]), {"status": "approved"})
        assert edit.status_code == 302 and edit["Location"] != reverse("review_moderation:index")
        assert client.get(reverse("review_moderation:add")).status_code == 302
    review.refresh_from_db()
    assert (review.title, review.status) == ("Original", ReviewStatus.PENDING)
    assert reverse("review_moderation:edit", args=[review.pk]) not in \
        moderator_client.get(reverse("review_moderation:index")).content.decode()


def test_deleting_a_review_removes_it_from_the_page(client, delivered_order, product, moderator_client):
    from reviews.moderation import approve_review

    review = pending_review(delivered_order, product, title="Para borrar")
    approve_review(review, user=None)

    response = moderator_client.post(reverse("review_moderation:delete", args=[review.pk]))

    assert response.status_code == 302
    assert not Review.objects.filter(pk=review.pk).exists()
    assert "Para borrar" not in text_of(parse(client.get(product.url)))


# Permissions


def test_editors_see_no_reviews_menu_and_reach_no_review_screen(delivered_order, product, editor, editor_client):
    review = pending_review(delivered_order, product)

    assert not any("Reviews" in label for label in menu_labels(editor))
    for url in (reverse("review_moderation:index"), reverse("review_moderation:inspect", args=[review.pk]),
                reverse("review_moderation:delete", args=[review.pk])):
        response = editor_client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), url
    response = editor_client.post(reverse("review_moderation:action", args=[review.pk, "approve"]))
    assert response.status_code in (302, 403)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


def test_customer_service_with_the_review_permissions_moderates(delivered_order, product, moderator, moderator_client):
    review = pending_review(delivered_order, product)

    assert any(label.split("/")[-1] == "Reviews" for label in menu_labels(moderator))  # alone or in a group
    assert moderator_client.get(reverse("review_moderation:index")).status_code == 200
    assert moderator_client.get(reverse("review_moderation:inspect", args=[review.pk])).status_code == 200
    moderate(moderator_client, review, "approve")
    assert review.status == ReviewStatus.APPROVED


def test_seeing_reviews_is_not_enough_to_moderate_them(django_user_model, delivered_order, product):
    viewer = staff_with(django_user_model, "viewer", "view_review")
    client = english_admin_client(viewer)
    review = pending_review(delivered_order, product)

    assert client.get(reverse("review_moderation:index")).status_code == 200
    inspect = parse(client.get(reverse("review_moderation:inspect", args=[review.pk])))
    assert inspect.select("[data-review-action]") == []
    response = client.post(reverse("review_moderation:action", args=[review.pk, "approve"]))
    assert response.status_code in (302, 403)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING
    assert client.post(reverse("review_moderation:delete", args=[review.pk])).status_code == 302
    assert Review.objects.filter(pk=review.pk).exists()


def test_an_unknown_action_is_refused(delivered_order, product, moderator_client):
    review = pending_review(delivered_order, product)

    response = moderator_client.post(reverse("review_moderation:action", args=[review.pk, "publish"]))

    assert response.status_code in (302, 403)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


def test_the_order_page_text_in_english(client, delivered_order, product):
    product_id = order_line_product(delivered_order).pk
    section = parse(client.get(f"/en/order/{delivered_order.token}/")).select_one("#order-reviews").parent
    assert section.select_one("a")["href"] == review_url(delivered_order, product_id, "en")
