"""Inviting customers to review what they received, some days after delivery.

`send_review_invitations()` runs from cron (management command
send_review_invitations) or as a task. An order is invited once: the
ReviewInvitation row is unique per order, so two workers running at the same
time send one email (the loser's insert fails and it moves on). Orders
delivered long before the feature was switched on are not invited:
an invitation months later is noise.
"""

from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from checkout.models import CheckoutSettings, Order, OrderStatus
from products.models import ProductPage
from vitrina.emails import absolute_url, default_site, send_email

from .models import ReviewInvitation
from .writing import reviewable_products

# How long after the delay an order may still be invited.
INVITATION_WINDOW_DAYS = 30
NOT_INVITED_STATUSES = (OrderStatus.CANCELLED, OrderStatus.REFUNDED)
SUBJECT = _("How is your order %(number)s? Tell other customers")


def invitation_delay_days():
    site = default_site()
    return CheckoutSettings.for_site(site).review_invitation_delay_days if site else 0


def orders_to_invite(now=None):
    """Orders delivered at least the configured days ago (within the window), with a live product, not invited."""
    delay = invitation_delay_days()
    if not delay:
        return Order.objects.none()
    now = now or timezone.now()
    latest = now - timedelta(days=delay)
    earliest = latest - timedelta(days=INVITATION_WINDOW_DAYS)
    return (
        Order.objects.filter(
            events__to_status=OrderStatus.DELIVERED, events__created_at__lte=latest,
            events__created_at__gt=earliest, review_invitation__isnull=True,
            lines__product__live=True,
        )
        .exclude(status__in=NOT_INVITED_STATUSES)
        .distinct()
        .order_by("pk")
    )


def send_review_invitations(now=None):
    """Invite every order that is due; returns how many invitations were recorded."""
    invited = 0
    for order in orders_to_invite(now):
        try:
            with transaction.atomic():
                ReviewInvitation.objects.create(order=order)
                transaction.on_commit(partial(send_review_invitation.enqueue, order.pk))
        except IntegrityError:
            continue  # another worker invited this order meanwhile
        invited += 1
    return invited


@task()
def send_review_invitations_task():
    """The same as the management command, for a scheduler that runs tasks."""
    return send_review_invitations()


@task()
def send_review_invitation(order_id):
    """Email the invitation with one link per product still in the shop and not reviewed yet."""
    order = Order.objects.filter(pk=order_id).first()
    if order is None:
        return 0  # deleted since it was invited
    items = [item for item in reviewable_products(order) if item.review is None]
    live = set(ProductPage.objects.live().filter(pk__in=[item.product_id for item in items])
               .values_list("pk", flat=True))
    items = [item for item in items if item.product_id in live]
    if not items:
        return 0
    with translation.override(order.language):
        links = [
            {"title": item.title, "url": absolute_url(reverse("reviews:write", args=[order.token, item.product_id]))}
            for item in items
        ]
    return send_email(
        to=order.email, subject=SUBJECT, template="reviews/emails/invitation", language=order.language,
        context={"order": order, "number": order.number, "links": links},
    )
