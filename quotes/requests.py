"""What happens to a quote request: it is submitted by a customer, then taken and followed up by sales.

`submit_quote_request()` is the one way a request is created: saved with its
reference in one transaction, then (after commit) the sales team and the
customer are emailed. Staff changes go through the admin form, which calls
`record_follow_up()` so the moment the status changed is kept.
"""

from django.db import transaction
from django.utils import timezone

from .models import QuoteRequest, reference_for
from .notifications import notify_new_quote_request

CUSTOMER_FIELDS = ("company", "contact_name", "email", "phone", "quantity", "city", "region", "country", "message")


def submit_quote_request(product, data, *, language):
    """Save a quote request for `product` from the form's cleaned `data`, and email sales and the customer."""
    variant = data.get("chosen_variant")
    with transaction.atomic():
        quote = QuoteRequest.objects.create(
            product=product,
            product_title=product.title,
            sku=variant.sku if variant else "",
            option_label=variant.option_label if variant else "",
            language=language,
            **{field: data[field] for field in CUSTOMER_FIELDS},
        )
        quote.reference = reference_for(quote.pk)
        QuoteRequest.objects.filter(pk=quote.pk).update(reference=quote.reference)
        notify_new_quote_request(quote)
    return quote


def record_follow_up(quote, *, status_changed):
    """Save staff's changes to `quote` (status, owner, notes), noting when the status moved."""
    if status_changed:
        quote.status_changed_at = timezone.now()
    quote.save()
    return quote


def take_quote_request(quote, user):
    """Make `user` the owner of `quote` ("I'll take it"); a new request is then marked contacted by hand."""
    QuoteRequest.objects.filter(pk=quote.pk).update(owner=user, updated_at=timezone.now())
    quote.owner = user
    return quote
