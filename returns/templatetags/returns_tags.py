"""The order page's returns slot: the return window and the status of each return."""

from django import template

from checkout.models import CheckoutSettings
from vitrina.emails import default_site

from ..exceptions import ReturnNotAllowed
from ..requests import check_returnable, return_deadline

register = template.Library()


@register.simple_tag(takes_context=True)
def order_returns(context, order):
    """{deadline, can_request, refusal, requests} for `order`, read from the store's return window."""
    request = context.get("request")
    store = CheckoutSettings.for_request(request) if request else CheckoutSettings.for_site(default_site())
    requests = list(order.return_requests.prefetch_related("lines__order_line"))
    deadline = return_deadline(order, store)
    refusal = ""
    try:
        check_returnable(order, store)
    except ReturnNotAllowed as error:
        refusal = error.message
    return {"deadline": deadline, "can_request": deadline is not None and not refusal, "refusal": refusal,
            "requests": requests}
