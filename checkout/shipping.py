"""Which shipping methods a customer may choose, and what each costs them.

The checkout form lists `shipping_choices_for(...)`; the price shown comes from
`checkout.pricing.shipping_cost`, the same rule the order total uses, so the
list and the total can never disagree.
"""

from dataclasses import dataclass
from decimal import Decimal

from .models import ShippingMethod
from .pricing import shipping_cost


@dataclass(frozen=True)
class ShippingChoice:
    """One shipping method as the checkout shows it for a given order.

    `name` and `promise` follow the active language when read, so a choice built
    in a view renders in the language of the template that shows it.
    """

    method: ShippingMethod
    price: Decimal
    is_free: bool
    amount_to_free: Decimal | None  # what more the order needs to ship free; None when not applicable

    @property
    def value(self):
        """The form value identifying the method."""
        return str(self.method.pk)

    @property
    def name(self):
        return self.method.display_name

    @property
    def promise(self):
        return self.method.display_promise

    @property
    def is_pickup(self):
        return self.method.is_pickup


def _normalise_country(country_code):
    """An upper-case ISO code, or None while the customer has not chosen a country."""
    code = str(country_code or "").strip().upper()
    return code or None


def available_methods(country_code=None):
    """Active methods in the staff's order: pickup always, carriers only where they deliver.

    With no country yet (None or empty) every active method is listed, so the
    checkout can show the options before the address is typed.
    """
    methods = ShippingMethod.objects.filter(is_active=True).order_by("sort_order", "pk")
    country = _normalise_country(country_code)
    if country is None:
        return list(methods)
    return [method for method in methods if method.serves(country)]


def get_available_method(method_id, country_code=None):
    """The active method with this id if it serves the country, else None (a posted id is not trusted)."""
    try:
        method_id = int(method_id)
    except (TypeError, ValueError):
        return None
    return next((method for method in available_methods(country_code) if method.pk == method_id), None)


def shipping_choice(method, subtotal_after_discount, *, free_shipping_code=False):
    """A method's ShippingChoice for an order whose subtotal after discounts is given."""
    price, waived = shipping_cost(method, subtotal_after_discount, free_shipping_code=free_shipping_code)
    amount_to_free = None
    if price > 0 and method.free_above is not None:
        amount_to_free = method.free_above - subtotal_after_discount
    return ShippingChoice(method=method, price=price, is_free=waived, amount_to_free=amount_to_free)


def shipping_choices_for(subtotal_after_discount, country_code=None, *, free_shipping_code=False):
    """What the checkout form shows: each available method with its effective price for this order.

    `free_shipping_code` is True when the customer's discount code waives shipping.
    """
    return [
        shipping_choice(method, subtotal_after_discount, free_shipping_code=free_shipping_code)
        for method in available_methods(country_code)
    ]
