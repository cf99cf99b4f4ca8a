"""Writing a review through the views: who may, the form, refusals that save nothing, one review per order."""

import pytest
from django.db import IntegrityError, transaction

from checkout.models import OrderStatus, PaymentMethod
from checkout.orders import transition
from reviews.exceptions import AlreadyReviewed, NotABuyer, NotDelivered
from reviews.models import Review, ReviewStatus
from reviews.writing import default_author_name, write_review
from tests.checkout.test_orders_admin import new_order
from tests.markup import parse, text_of, ui
from tests.reviews.conftest import deliver, order_line_product, review_url, valid_review

pytestmark = pytest.mark.django_db


def refusal_text(response):
    return text_of(parse_any(response).select_one(".review-refused"))


def parse_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")


# The happy path


def test_a_verified_buyer_writes_a_review_that_waits_for_moderation(client, delivered_order, product):
    form_page = client.get(review_url(delivered_order, product.pk))
    html = parse(form_page)
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "no-store" in form_page["Cache-Control"] and "private" in form_page["Cache-Control"]
    assert html.select_one('form input[name="csrfmiddlewaretoken"]')["value"]
    assert text_of(html.select_one("fieldset legend")) == ui("Your rating")
    assert [radio["value"] for radio in html.select('fieldset input[name="rating"]')] == ["5", "4", "3", "2", "1"]
    for field in html.select("form input:not([type=hidden]), form textarea"):
        assert html.select_one(f'label[for="{field["id"]}"]'), field
    assert html.select_one("#id_author_name")["value"] == "Ana P."

    response = client.post(review_url(delivered_order, product.pk), valid_review(rating="5"), follow=True)

    assert response.redirect_chain == [(review_url(delivered_order, product.pk), 302)]
    page = parse(response)
    assert ui("Thank you! Your review will appear on the product page once we have checked it.") in text_of(page)
    assert ui("Your review is waiting for moderation. It will appear on the product page once we have checked it.") \
        in text_of(page)
    assert page.select('form[method="post"]') == []  # no second form
    review = Review.objects.get()
    assert (review.product_id, review.order_id, review.rating, review.title, review.author_name, review.language,
            review.status) == (product.pk, delivered_order.pk, 5, "Muy buena", "Ana P.", "es", ReviewStatus.PENDING)
    assert review.body == "Hace un café estupendo cada mañana."


def test_a_pending_review_is_not_on_the_product_page(client, delivered_order, product):
    client.post(review_url(delivered_order, product.pk), valid_review(title="Todavía sin revisar"))

    page = parse(client.get(product.url))

    assert "Todavía sin revisar" not in text_of(page)
    assert text_of(page.select_one(".product-reviews")).startswith(ui("Customer reviews"))
    assert ui("No reviews yet.") in text_of(page.select_one(".product-reviews"))
    assert "aggregateRating" not in page.find_all("script", type="application/ld+json")[0].string


def test_the_name_shown_can_be_changed_and_is_kept_short(client, delivered_order, product):
    client.post(review_url(delivered_order, product.pk), valid_review(author_name="  Ana de Madrid "))

    assert Review.objects.get().author_name == "Ana de Madrid"


def test_the_order_page_offers_a_review_link_per_product_once_delivered(client, home, shop):
    order = new_order(home, shop, PaymentMethod.BANK_TRANSFER)
    order_url = f"/es/order/{order.token}/"
    assert parse(client.get(order_url)).select_one("#order-reviews") is None

    deliver(order)
    product = order_line_product(order)
    section = parse(client.get(order_url)).select_one('section[aria-labelledby="order-reviews"]')

    link = section.select_one("a")
    assert link["href"] == review_url(order, product.pk)
    assert text_of(link).startswith(ui("Write a review"))
    assert product.title in text_of(section)

    client.post(review_url(order, product.pk), valid_review())
    section = parse(client.get(order_url)).select_one('section[aria-labelledby="order-reviews"]')
    assert ui("your review is waiting for moderation.") in text_of(section)
    assert ui("Write a review") not in text_of(section)


def test_a_review_written_on_the_english_site_is_in_english(client, delivered_order, product):
    response = client.post(review_url(delivered_order, product.pk, "en"), valid_review(title="Great"))

    assert response.status_code == 302
    assert Review.objects.get().language == "en"


def test_a_delivered_order_that_was_later_partly_refunded_may_still_review(client, home, shop):
    order = deliver(new_order(home, shop, PaymentMethod.BANK_TRANSFER))
    transition(order, OrderStatus.PARTIALLY_REFUNDED)
    product = order_line_product(order)

    assert client.post(review_url(order, product.pk), valid_review()).status_code == 302
    assert Review.objects.filter(order=order).count() == 1


# Bad input: a clear answer, nothing saved


@pytest.mark.parametrize("changes, field", [
    ({"rating": ""}, "rating"),
    ({"rating": "7"}, "rating"),
    ({"rating": "0"}, "rating"),
    ({"title": ""}, "title"),
    ({"title": "x" * 121}, "title"),
    ({"body": "Corto"}, "body"),
    ({"body": "x" * 5001}, "body"),
    ({"author_name": ""}, "author_name"),
])
def test_an_invalid_form_shows_the_error_next_to_its_field_and_saves_nothing(
    client, delivered_order, product, changes, field
):
    response = client.post(review_url(delivered_order, product.pk), valid_review(**changes))

    assert response.status_code == 400
    html = parse_any(response)
    error = html.select_one(f"#id_{field}-error")
    assert error is not None and text_of(error)
    assert html.select_one(".message--error[role=alert]")
    assert Review.objects.count() == 0
    if field != "rating":
        widget = html.select_one(f"#id_{field}")
        assert widget["aria-invalid"] == "true"
        assert f"id_{field}-error" in widget["aria-describedby"].split()
    kept = {name: value for name, value in valid_review().items() if name not in changes and name != "rating"}
    for name, value in kept.items():
        widget = html.select_one(f"#id_{name}")
        assert (widget.get("value") or widget.get_text()).strip() == value


def test_someone_who_did_not_buy_the_product_is_refused(client, home, shop, delivered_order):
    other_order = deliver(new_order(home, shop, PaymentMethod.BANK_TRANSFER))
    product = order_line_product(delivered_order)

    for response in (client.get(review_url(other_order, product.pk)),
                     client.post(review_url(other_order, product.pk), valid_review())):
        assert response.status_code == 403
        assert ui("Only customers who bought this product can review it.") in refusal_text(response)
        assert parse_any(response).select_one('meta[name="robots"]')["content"] == "noindex"
    assert Review.objects.count() == 0


def test_an_order_not_delivered_yet_is_refused(client, home, shop):
    order = new_order(home, shop, PaymentMethod.BANK_TRANSFER)
    deliver(order, steps=(OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED))
    product = order_line_product(order)

    for response in (client.get(review_url(order, product.pk)),
                     client.post(review_url(order, product.pk), valid_review())):
        assert response.status_code == 403
        assert ui("You can review this product once your order has been delivered.") in refusal_text(response)
    assert Review.objects.count() == 0


def test_a_forged_token_finds_nothing(client, delivered_order, product):
    assert client.get(review_url(delivered_order, product.pk).replace(delivered_order.token, "x" * 43)) \
        .status_code == 404
    assert client.post(f"/es/review/{'y' * 43}/{product.pk}/", valid_review()).status_code == 404
    assert Review.objects.count() == 0


def test_an_unpublished_product_cannot_be_reviewed(client, delivered_order, product):
    product.unpublish()

    response = client.post(review_url(delivered_order, product.pk), valid_review())

    assert response.status_code == 404
    assert ui("This product is no longer in the shop, so it cannot be reviewed.") in refusal_text(response)
    assert Review.objects.count() == 0


def test_a_second_review_of_the_same_product_and_order_is_refused(client, delivered_order, product):
    client.post(review_url(delivered_order, product.pk), valid_review(title="Primera"))

    response = client.post(review_url(delivered_order, product.pk), valid_review(title="Segunda"))

    assert response.status_code == 409
    assert "Primera" in text_of(parse_any(response))
    assert list(Review.objects.values_list("title", flat=True)) == ["Primera"]
    assert parse(client.get(review_url(delivered_order, product.pk))).select('form[method="post"]') == []


# The service and the database


def test_write_review_refuses_what_the_views_refuse(home, shop, delivered_order, product):
    undelivered = new_order(home, shop, PaymentMethod.BANK_TRANSFER)
    fields = {"rating": 3, "title": "Bien", "body": "Cumple lo que promete."}

    with pytest.raises(NotABuyer):
        write_review(undelivered, product.pk, **fields)
    with pytest.raises(NotDelivered):
        write_review(undelivered, order_line_product(undelivered).pk, **fields)
    review = write_review(delivered_order, product.pk, **fields)
    with pytest.raises(AlreadyReviewed):
        write_review(delivered_order, product.pk, **fields)

    assert list(Review.objects.all()) == [review]
    assert review.author_name == "Ana P."


def test_the_database_refuses_a_rating_outside_1_to_5_and_a_second_review(delivered_order, product):
    fields = {"product": product, "order": delivered_order, "author_name": "Ana P.", "title": "T", "body": "B"}
    for rating in (0, 6):
        with pytest.raises(IntegrityError), transaction.atomic():
            Review.objects.create(rating=rating, **fields)
    Review.objects.create(rating=5, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(rating=4, **fields)


@pytest.mark.parametrize("full_name, shown", [
    ("Ana Pérez", "Ana P."),
    ("ana maría lópez", "ana M."),
    ("Cher", "Cher"),
    ("  ", ""),
    ("Élodie Ñúñez García", "Élodie Ñ."),
])
def test_the_default_name_shown_is_the_first_name_and_an_initial(full_name, shown):
    assert default_author_name(full_name) == shown


def test_other_methods_are_not_allowed(client, delivered_order, product):
    assert client.put(review_url(delivered_order, product.pk)).status_code == 405
    assert client.delete(review_url(delivered_order, product.pk)).status_code == 405


def test_every_review_page_has_unique_ids_and_one_main_heading(client, delivered_order, product):
    from collections import Counter

    from reviews.moderation import approve_review

    pages = [client.get(review_url(delivered_order, product.pk)),
             client.post(review_url(delivered_order, product.pk), valid_review(title="")),
             client.get(f"/es/order/{delivered_order.token}/")]
    client.post(review_url(delivered_order, product.pk), valid_review())
    approve_review(Review.objects.get(), user=None)
    pages += [client.get(review_url(delivered_order, product.pk)), client.get(product.url)]

    for response in pages:
        html = parse_any(response)
        duplicates = [name for name, count in Counter(tag["id"] for tag in html.select("[id]")).items() if count > 1]
        assert duplicates == [], response.request["PATH_INFO"]
        assert len(html.select("h1")) == 1
        for described in html.select("[aria-describedby]"):
            for target in described["aria-describedby"].split():
                assert html.select_one(f"#{target}"), target
