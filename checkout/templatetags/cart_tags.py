"""Template helpers for the cart forms that product pages and cards show."""

from django import template

from ..cart import max_quantity_per_line
from ..models import CheckoutSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def quantity_limit(context, variant):
    """Most units of `variant` one cart line can take: its stock, capped by the store's maximum per line."""
    request = context.get("request")
    limit = CheckoutSettings.for_request(request).max_quantity_per_line if request else max_quantity_per_line()
    return max(min(variant.stock_quantity, limit), 0)
