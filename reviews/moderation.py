"""Moderation: customer service approves or rejects reviews before they appear.

Each change renews the cached pages of the reviewed product (in every
language, since translations show the same reviews), after the transaction
commits, so the next visitor sees the page as it is now.
"""

from django.db import transaction
from django.utils import timezone

from products.models import ProductPage
from vitrina.cache_invalidation import product_pages_changed

from .exceptions import AlreadyModerated
from .models import Review, ReviewStatus


def approve_review(review, *, user):
    """Publish `review` on its product's page."""
    return _moderate(review, ReviewStatus.APPROVED, user=user)


def reject_review(review, *, user, note=""):
    """Keep `review` off the product page; `note` (internal) says why."""
    return _moderate(review, ReviewStatus.REJECTED, user=user, note=note)


def delete_review(review):
    """Remove `review` for good (spam, a customer's request)."""
    with transaction.atomic():
        product_id = review.product_id
        review.delete()
        product_pages_changed(product_translation_ids(product_id))


def _moderate(review, status, *, user, note=None):
    with transaction.atomic():
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.status == status:
            raise AlreadyModerated()
        locked.status = status
        locked.moderated_at = timezone.now()
        locked.moderated_by = user
        changed = ["status", "moderated_at", "moderated_by"]
        if note is not None:
            locked.rejection_note = note
            changed.append("rejection_note")
        locked.save(update_fields=changed)
        product_pages_changed(product_translation_ids(locked.product_id))
    review.refresh_from_db()
    return review


def product_translation_ids(product_id):
    """The product page and its translations: they all show the same reviews."""
    translation_key = ProductPage.objects.filter(pk=product_id).values("translation_key")[:1]
    return list(ProductPage.objects.filter(translation_key__in=translation_key).values_list("pk", flat=True))
