"""The live chat staff pasted in the shop settings, on public pages only."""

from django import template

from home.models import ShopSettings

register = template.Library()

# Pages about a customer's cart, payment, order or account never load a third party's script.
PRIVATE_NAMESPACES = frozenset({"checkout", "accounts", "returns"})


def is_private_page(request):
    match = getattr(request, "resolver_match", None)
    if match is None:  # Wagtail pages served by home.routing, error pages
        return False
    if set(match.namespaces) & PRIVATE_NAMESPACES:
        return True
    return (match.url_name or "").startswith("account_")  # django-allauth's login, sign-up, password pages


@register.inclusion_tag("includes/live_chat.html", takes_context=True)
def live_chat(context):
    request = context.get("request")
    if request is None or is_private_page(request):
        return {"snippet": ""}
    shop = ShopSettings.for_request(request)
    return {"snippet": shop.live_chat_snippet.strip(), "needs_consent": shop.live_chat_needs_consent}
