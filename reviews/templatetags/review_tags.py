"""Template helpers of reviews: the product's approved reviews, an order's reviewable products, star glyphs."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from reviews.display import approved_reviews
from reviews.models import MAX_RATING
from reviews.writing import has_been_delivered, reviewable_products

register = template.Library()


@register.simple_tag
def product_reviews(product):
    """The product's ProductReviews, shared with the JSON-LD (one query per page)."""
    return approved_reviews(product)


@register.simple_tag
def order_reviewable_products(order):
    """The products a delivered order's customer may review, each with its review if written; [] before delivery."""
    if order is None or not has_been_delivered(order):
        return []
    return reviewable_products(order)


@register.filter
def stars(rating):
    """A rating as five glyphs (★★★★☆), rounded to whole stars; decoration only, the text says the number."""
    filled = int(Decimal(rating or 0).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    filled = max(0, min(MAX_RATING, filled))
    return "★" * filled + "☆" * (MAX_RATING - filled)
