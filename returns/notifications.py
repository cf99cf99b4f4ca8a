"""Emails about a return: to the customer at each step, in the order's language, and to customer service.

Services call `notify_customer(return_request, kind)` / `notify_staff(return_request)`
inside their transaction; the email is sent by a task once the change is
committed, so a refused or rolled-back step never sends mail.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from vitrina.emails import absolute_url, send_email, staff_address

from .models import ReturnRequest

SUBJECTS = {
    "requested": _("We have received your return request %(number)s"),
    "approved": _("Your return %(number)s is approved"),
    "rejected": _("Your return %(number)s was not accepted"),
    "received": _("We have received the products of your return %(number)s"),
    "refunded": _("Your return %(number)s has been refunded"),
}
STAFF_SUBJECT = _("New return request %(number)s")
ADMIN_URL_NAME = "return_requests:inspect"


def notify_customer(return_request, kind):
    """Email the customer about `kind` once the current transaction commits."""
    if kind not in SUBJECTS:
        raise ValueError(f"unknown return email {kind!r}")
    transaction.on_commit(partial(send_return_email.enqueue, return_request.pk, kind))


def notify_staff(return_request):
    """Tell customer service a return is waiting, once the current transaction commits."""
    transaction.on_commit(partial(send_staff_notice.enqueue, return_request.pk))


def _context(return_request):
    order = return_request.order
    return {
        "return_request": return_request,
        "order": order,
        "lines": list(return_request.lines.select_related("order_line")),
        "number": return_request.number,
        "order_url": absolute_url(reverse("checkout:order", args=[order.token])),
    }


@task()
def send_return_email(return_id, kind):
    return_request = ReturnRequest.objects.select_related("order", "refund").get(pk=return_id)
    context = {**_context(return_request), "kind": kind}
    send_email(
        to=return_request.order.email, subject=SUBJECTS[kind], template="returns/emails/customer",
        context=context, language=return_request.order.language,
    )


@task()
def send_staff_notice(return_id):
    return_request = ReturnRequest.objects.select_related("order").get(pk=return_id)
    context = _context(return_request)
    try:
        context["admin_url"] = absolute_url(reverse(ADMIN_URL_NAME, args=[return_request.pk]))
    except NoReverseMatch:  # the admin screen is not mounted (a site without the returns menu)
        context["admin_url"] = ""
    send_email(
        to=staff_address("customer_service_email"), subject=STAFF_SUBJECT, template="returns/emails/staff",
        context=context, language=settings.LANGUAGE_CODE,
    )
