"""What the checkout form starts with for a logged-in customer: their email, name and default address.

Only initial values: the customer can change every one of them for this order.
"""

from .addresses import default_address

ADDRESS_FIELDS = ("name", "phone", "address_line1", "address_line2", "postal_code", "city", "region")


def checkout_initial(user):
    """Initial values for checkout.forms.CheckoutForm; empty for anonymous visitors."""
    if not user.is_authenticated:
        return {}
    initial = {"email": user.email}
    if user.get_full_name():
        initial["name"] = user.get_full_name()
    address = default_address(user)
    if address is not None:
        initial.update({field: getattr(address, field) for field in ADDRESS_FIELDS if getattr(address, field)})
        initial["country"] = address.country.code
    return {key: value for key, value in initial.items() if value}
