"""Attach orders placed as a guest to the account that proves it owns their email address.

Only a verified address ever attaches orders: otherwise anyone could sign up
with someone else's email and read their orders. Orders already attached to
an account are never moved.
"""

from allauth.account.models import EmailAddress

from checkout.models import Order


def attach_guest_orders(user, email):
    """Give `user` every guest order (no account) placed with `email`, ignoring case; returns how many."""
    if not email:
        return 0
    return Order.objects.filter(user__isnull=True, email__iexact=email.strip()).update(user=user)


def attach_orders_of_verified_emails(user):
    """Attach the guest orders of every verified email address of `user`; returns how many."""
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return sum(attach_guest_orders(user, email) for email in emails)
