"""Emails about a new quote request: the details to the sales team, an acknowledgement to the customer.

Both are sent through the tasks framework once the request is committed, so
a request that failed to save never sends mail. The sales email is in the
shop's default language (staff read Spanish); the acknowledgement is in the
language the customer used.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder

from vitrina.emails import send_email, staff_address

from .models import QuoteRequest

SALES_SUBJECT = _("New quote request %(reference)s from %(company)s")
CUSTOMER_SUBJECT = _("We have received your quote request %(reference)s")


def notify_new_quote_request(quote):
    """Email sales and the customer about `quote` once the current transaction commits."""
    transaction.on_commit(partial(send_quote_request_emails.enqueue, quote.pk))


def admin_url(quote):
    """The absolute link to the request in the Wagtail admin, wherever its viewset is mounted."""
    path = AdminURLFinder().get_edit_url(quote) or reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_quote_request_emails(quote_id):
    quote = QuoteRequest.objects.select_related("product").get(pk=quote_id)
    product_url = quote.product.get_full_url() if quote.product and quote.product.live else ""
    context = {
        "quote": quote,
        "reference": quote.reference,
        "company": quote.company,
        "product_url": product_url or "",
    }
    sales = staff_address("sales_email")
    send_email(
        to=sales, subject=SALES_SUBJECT, template="quotes/emails/new_request_sales",
        context={**context, "admin_url": admin_url(quote)}, language=settings.LANGUAGE_CODE,
        reply_to=[quote.email],
    )
    send_email(
        to=quote.email, subject=CUSTOMER_SUBJECT, template="quotes/emails/acknowledgement",
        context=context, language=quote.language, reply_to=[sales] if sales else None,
    )
