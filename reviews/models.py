"""Product reviews by verified buyers, moderated before they appear.

A review belongs to the product and to the order that proves the purchase;
one review per product and order. Reviews wait as "pending" until customer
service approves or rejects them in the admin; only approved ones reach the
product page and its JSON-LD. ReviewInvitation records the one email that
invites a customer to review an order's products.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MIN_RATING = 1
MAX_RATING = 5


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Review(models.Model):
    """What a verified buyer thinks of a product they received: a rating 1–5, a title and a text."""

    product = models.ForeignKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="reviews", verbose_name=_("product"),
    )
    order = models.ForeignKey(
        "checkout.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews",
        verbose_name=_("order"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews",
        verbose_name=_("customer account"),
    )
    author_name = models.CharField(_("name shown"), max_length=60)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(MIN_RATING), MaxValueValidator(MAX_RATING)],
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True,
    )
    language = models.CharField(_("language"), max_length=8, default="es")
    created_at = models.DateTimeField(pgettext_lazy("review", "written"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("moderated by"),
    )
    rejection_note = models.TextField(
        _("rejection note"), blank=True,
        help_text=_("Internal: why the review was rejected. The customer never sees it."),
    )

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=MIN_RATING, rating__lte=MAX_RATING), name="review_rating_1_to_5",
            ),
            models.UniqueConstraint(fields=["order", "product"], name="review_once_per_order_and_product"),
        ]
        indexes = [models.Index(fields=["product", "status", "-created_at"], name="review_product_status")]

    def __str__(self):
        return self.title

    @property
    def is_pending(self):
        return self.status == ReviewStatus.PENDING


class ReviewInvitation(models.Model):
    """The email inviting a customer to review an order's products; one per order, ever."""

    order = models.OneToOneField(
        "checkout.Order", on_delete=models.CASCADE, related_name="review_invitation", verbose_name=_("order"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("review invitation")
        verbose_name_plural = _("review invitations")

    def __str__(self):
        return str(self.order)
