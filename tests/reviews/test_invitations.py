"""Invitations to review: sent once, some days after delivery, in the customer's language, never when off."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from checkout.models import CheckoutSettings, Order, OrderEvent, OrderStatus, PaymentMethod
from checkout.orders import transition
from reviews.invitations import INVITATION_WINDOW_DAYS, send_review_invitations, send_review_invitations_task
from reviews.models import ReviewInvitation
from reviews.writing import write_review
from tests.checkout.test_orders_admin import new_order
from tests.reviews.conftest import deliver, order_line_product, review_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Run the service as cron would, `days` after now, with its emails sent."""

    def invite(days=0):
        with django_capture_on_commit_callbacks(execute=True):
            return send_review_invitations(now=timezone.now() + timedelta(days=days))

    return invite


def delay(site, days):
    store = CheckoutSettings.for_site(site)
    store.review_invitation_delay_days = days
    store.save()


def test_the_invitation_is_not_sent_before_the_delay_and_once_after_it(site, delivered_order, invite):
    delay(site, 7)

    assert invite(days=6) == 0
    assert mail.outbox == []

    assert invite(days=7) == 1
    assert invite(days=8) == 0  # run again: nothing new
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.com"]
    assert delivered_order.number in message.subject
    product = order_line_product(delivered_order)
    link = f"http://localhost{review_url(delivered_order, product.pk)}"
    assert link in message.body
    assert f'href="{link}"' in message.alternatives[0][0]
    assert product.title in message.body
    assert ReviewInvitation.objects.get().order == delivered_order


def test_the_invitation_speaks_the_language_of_the_order(site, delivered_order, invite):
    Order.objects.filter(pk=delivered_order.pk).update(language="en")
    delay(site, 7)

    invite(days=7)

    product = order_line_product(delivered_order)
    assert f"http://localhost{review_url(delivered_order, product.pk, 'en')}" in mail.outbox[0].body
    assert "How is your order" in mail.outbox[0].subject


def test_no_invitation_when_the_delay_is_zero(site, delivered_order, invite):
    delay(site, 0)

    assert invite(days=400) == 0
    assert mail.outbox == []
    assert not ReviewInvitation.objects.exists()


def test_no_invitation_for_orders_not_delivered(site, home, shop, invite):
    delay(site, 1)
    shipped = new_order(home, shop, PaymentMethod.BANK_TRANSFER)
    deliver(shipped, steps=(OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED))
    new_order(home, shop, PaymentMethod.BANK_TRANSFER)  # still waiting for payment

    assert invite(days=10) == 0
    assert mail.outbox == []


def test_no_invitation_for_refunded_orders(site, delivered_order, invite):
    delay(site, 1)
    transition(delivered_order, OrderStatus.REFUNDED)

    assert invite(days=2) == 0
    assert mail.outbox == []


def test_no_invitation_long_after_the_delay(site, delivered_order, invite):
    """Switching the feature on does not email every customer who ever bought."""
    delay(site, 7)

    assert invite(days=7 + INVITATION_WINDOW_DAYS + 1) == 0
    assert mail.outbox == []


def test_no_invitation_when_no_product_of_the_order_is_still_published(site, delivered_order, invite):
    delay(site, 1)
    order_line_product(delivered_order).unpublish()

    assert invite(days=2) == 0
    assert mail.outbox == []


def test_products_already_reviewed_are_not_asked_again(site, delivered_order, invite):
    delay(site, 1)
    product = order_line_product(delivered_order)
    write_review(delivered_order, product.pk, rating=5, title="Ya opiné", body="Lo escribí desde mi pedido.")

    assert invite(days=2) == 1  # recorded, so the order is done with
    assert mail.outbox == []
    assert invite(days=3) == 0


def test_the_delay_counts_from_the_delivery_not_the_order(site, delivered_order, invite):
    delay(site, 7)
    OrderEvent.objects.filter(order=delivered_order, to_status=OrderStatus.DELIVERED).update(
        created_at=timezone.now() + timedelta(days=5),
    )

    assert invite(days=11) == 0
    assert invite(days=12) == 1


def test_the_management_command_and_the_task_invite(site, delivered_order, django_capture_on_commit_callbacks,
                                                   capsys, home, shop):
    delay(site, 1)
    OrderEvent.objects.filter(order=delivered_order, to_status=OrderStatus.DELIVERED).update(
        created_at=timezone.now() - timedelta(days=2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_invitations")
    assert "Invited 1 order(s)" in capsys.readouterr().out
    assert len(mail.outbox) == 1

    other = deliver(new_order(home, shop, PaymentMethod.BANK_TRANSFER))
    OrderEvent.objects.filter(order=other, to_status=OrderStatus.DELIVERED).update(
        created_at=timezone.now() - timedelta(days=2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = send_review_invitations_task.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 2
