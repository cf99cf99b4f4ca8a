"""Writing a review: who may review what, and saving the review for moderation.

A verified buyer is someone holding the order's token link, when the order
contains the product (an order line points at it) and has been delivered at
some point (an OrderEvent to "delivered": a later partial refund or return
does not undo having received the product). Reviews start pending and appear
only once customer service approves them (reviews.moderation).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from checkout.models import OrderEvent, OrderStatus
from products.models import ProductPage

from .exceptions import AlreadyReviewed, NotABuyer, NotDelivered, ProductUnavailable
from .models import Review


@dataclass
class ReviewableProduct:
    """One product of an order as the customer sees it: what they bought, and their review if any."""

    product_id: int
    title: str
    review: Review | None


def default_author_name(full_name):
    """First name and the initial of the surname ("Ana Pérez" → "Ana P."): enough to be a person, not an address."""
    words = full_name.split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0][:60]
    return f"{words[0]} {words[1][0].upper()}."[:60]


def has_been_delivered(order):
    return OrderEvent.objects.filter(order=order, to_status=OrderStatus.DELIVERED).exists()


def reviewable_products(order):
    """The distinct products of `order` (still linked to a product page), each with this order's review of it."""
    lines = [line for line in order.lines.all() if line.product_id is not None]
    reviews = {review.product_id: review for review in Review.objects.filter(order=order)}
    seen = {}
    for line in lines:
        if line.product_id not in seen:
            seen[line.product_id] = ReviewableProduct(line.product_id, line.product_title, reviews.get(line.product_id))
    return list(seen.values())


def check_can_review(order, product_id):
    """The product page `order`'s customer may review; raises NotABuyer, NotDelivered or ProductUnavailable."""
    if not order.lines.filter(product_id=product_id).exists():
        raise NotABuyer()
    if not has_been_delivered(order):
        raise NotDelivered()
    product = ProductPage.objects.live().filter(pk=product_id).first()
    if product is None:
        raise ProductUnavailable()
    return product


def existing_review(order, product_id):
    return Review.objects.filter(order=order, product_id=product_id).first()


def write_review(order, product_id, *, rating, title, body, author_name="", language="es"):
    """Save a pending review of `product_id` by `order`'s customer; raises a ReviewError subclass.

    A second review of the same product for the same order is refused
    (AlreadyReviewed), also when two submissions race: the unique constraint
    decides.
    """
    product = check_can_review(order, product_id)
    if existing_review(order, product_id) is not None:
        raise AlreadyReviewed()
    try:
        with transaction.atomic():
            return Review.objects.create(
                product=product, order=order, user=order.user, rating=rating, title=title.strip(),
                body=body.strip(), author_name=author_name.strip() or default_author_name(order.name),
                language=language,
            )
    except IntegrityError as error:
        raise AlreadyReviewed() from error
