"""What a product page shows of its reviews: the average, the count and the latest approved reviews.

`approved_reviews(page)` reads them in one query (window functions give the
average and count on every row) and keeps the answer on the page object, so
the visible list and the JSON-LD (home.structured_data) share it. Reviews
belong to the product whatever the language it was bought in: every
translation of the page shows them.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Window

from .models import Review, ReviewStatus

SHOWN_REVIEWS = 10
MEMO_ATTRIBUTE = "_vitrina_approved_reviews"


@dataclass
class ProductReviews:
    count: int = 0
    average: Decimal | None = None
    reviews: list = field(default_factory=list)

    def __bool__(self):
        return self.count > 0


def approved_reviews(page):
    """The page's ProductReviews (approved only, newest first, at most SHOWN_REVIEWS), read once per page object."""
    memo = page.__dict__.get(MEMO_ATTRIBUTE)
    if memo is None:
        memo = _read(page)
        page.__dict__[MEMO_ATTRIBUTE] = memo
    return memo


def _read(page):
    rows = list(
        Review.objects.filter(product__translation_key=page.translation_key, status=ReviewStatus.APPROVED)
        .annotate(total=Window(Count("pk")), mean=Window(Avg("rating")))
        .only("pk", "product_id", "author_name", "rating", "title", "body", "language", "created_at")
        .order_by("-created_at", "-pk")[:SHOWN_REVIEWS]
    )
    if not rows:
        return ProductReviews()
    average = Decimal(str(rows[0].mean)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return ProductReviews(count=rows[0].total, average=average, reviews=rows)
