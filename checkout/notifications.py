"""Emails to the customer about their order, in their language, sent after the transaction commits.

Services call `notify_customer(order, kind)` at the moment something happens
(placed, paid, shipped, cancelled); the email goes out through the tasks
framework only once the change is committed, so a rolled-back order never
sends mail.
"""

from functools import partial

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.models import Site

from home.models import ShopSettings

from .models import CheckoutSettings, Order, PaymentMethod

SUBJECTS = {
    "placed": _("We have received your order %(number)s"),
    "paid": _("Payment received for your order %(number)s"),
    "shipped": _("Your order %(number)s is on its way"),
    "cancelled": _("Your order %(number)s has been cancelled"),
}


def notify_customer(order, kind):
    """Email the customer about `kind` once the current transaction commits."""
    if kind not in SUBJECTS:
        raise ValueError(f"unknown order email {kind!r}")
    transaction.on_commit(partial(send_order_email.enqueue, order.pk, kind))


@task()
def send_order_email(order_id, kind):
    order = Order.objects.get(pk=order_id)
    site = Site.objects.filter(is_default_site=True).first()
    with translation.override(order.language):
        context = {
            "order": order,
            "kind": kind,
            "lines": list(order.lines.all()),
            "order_url": (site.root_url if site else "") + reverse("checkout:order", args=[order.token]),
            "shop": ShopSettings.for_site(site) if site else None,
            "bank_transfer_instructions": _bank_transfer_instructions(order, site),
        }
        subject = str(SUBJECTS[kind]) % {"number": order.number}
        message = EmailMultiAlternatives(
            subject, render_to_string("checkout/emails/order.txt", context), to=[order.email],
        )
        message.attach_alternative(render_to_string("checkout/emails/order.html", context), "text/html")
        message.send()


def _bank_transfer_instructions(order, site):
    if order.payment_method != PaymentMethod.BANK_TRANSFER or site is None:
        return ""
    store = CheckoutSettings.for_site(site)
    if order.language == "en" and store.bank_transfer_instructions_en:
        return store.bank_transfer_instructions_en
    return store.bank_transfer_instructions
