"""What happens when a customer logs in or confirms an email address.

Connected in AccountsConfig.ready(). These are reactions to allauth's and
Django's own events (there is no service of ours to call them from).
"""

from allauth.account.signals import email_confirmed
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from wagtail.models import Site

from checkout.cart import cart_from_cookie, max_quantity_per_line, merge_carts, saved_cart

from .guest_orders import attach_guest_orders, attach_orders_of_verified_emails


@receiver(email_confirmed, dispatch_uid="accounts.attach_orders_on_confirmation")
def attach_orders_on_confirmation(sender, request, email_address, **kwargs):
    """The customer just proved they own this address: their guest orders with it join the account."""
    attach_guest_orders(email_address.user, email_address.email)


@receiver(user_logged_in, dispatch_uid="accounts.on_login")
def on_login(sender, request, user, **kwargs):
    """Attach guest orders placed since verification, and make the visitor's cart and the saved one one cart."""
    attach_orders_of_verified_emails(user)
    if request is not None:
        merge_cart_on_login(request, user)


def merge_cart_on_login(request, user):
    """The cookie cart survives (so the cookie stays right), takes the account's saved cart's lines and the user.

    A cookie cart that belongs to another account is left alone: `get_cart`
    will not show it, and the customer gets their saved cart instead.
    """
    cart = cart_from_cookie(request)
    if cart is None or cart.user_id not in (None, user.pk):
        return
    saved = saved_cart(user, exclude=cart)
    if saved is not None:
        limit = max_quantity_per_line(Site.find_for_request(request))
        merge_carts(cart, saved, max_per_line=limit)
    if cart.user_id != user.pk:
        cart.user = user
        cart.save(update_fields=["user", "updated_at"])
