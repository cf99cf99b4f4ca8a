"""The cart page and its endpoints: read the form, call one service of checkout.cart, answer.

A cart belongs to one visitor, so every answer here is `Cache-Control:
private, no-store`. The forms work without JavaScript (POST, then a 303
redirect); vitrina.js sends the same forms with `Accept: application/json`
and gets JSON back. A refused change (bad quantity, a SKU of another
product, no stock) never changes the cart and never raises: it comes back
as a 400 with the customer's message, on the cart page or as JSON.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from home.templatetags.site_tags import money
from products.models import ProductIndexPage

from ..cart import (
    CartContents,
    CartError,
    UnknownProduct,
    add_to_cart,
    cart_contents,
    get_cart,
    parse_quantity,
    remember_cart,
    remove_from_cart,
    set_quantity,
)
from ..models import CartLine, CheckoutSettings

private = cache_control(private=True, no_store=True)
SKU_MAX_LENGTH = CartLine._meta.get_field("sku").max_length


@require_GET
@private
def cart_page(request):
    """The cart, each line with its quantity form; viewing it keeps the cookie alive another 60 days."""
    cart = get_cart(request)
    response = _render_cart(request, cart)
    if cart is not None:
        remember_cart(response, cart, request)
    return response


@require_POST
@private
def add(request):
    """Add a variant of one product; the form posts `product` (page id), `sku` and `quantity`.

    The product page's variant radios are called `variant`, so that name is
    read when `sku` is absent: picking an option and adding it is one submit.
    """
    cart = get_cart(request, create=True)
    sku = _sku(request, "sku") or _sku(request, "variant")
    try:
        change = add_to_cart(
            cart, sku, _quantity(request), product_id=_product_id(request), max_per_line=_limit(request)
        )
    except CartError as error:
        return _refused(request, cart, error, back_url=_back_url(request))
    return _changed(request, cart, change.message, _safe_next(request) or reverse("checkout:cart"), sku=change.sku)


@require_POST
@private
def update(request):
    cart = get_cart(request)
    sku = _sku(request)
    try:
        change = set_quantity(cart, sku, _quantity(request), max_per_line=_limit(request))
    except CartError as error:
        return _refused(request, cart, error, sku=sku)
    return _changed(request, cart, change.message, reverse("checkout:cart"), sku=sku)


@require_POST
@private
def remove(request):
    cart = get_cart(request)
    line = remove_from_cart(cart, _sku(request))
    if line is None:
        message = gettext("That item was not in your cart any more.")
    else:
        message = gettext("Removed from your cart: %(product)s.") % {
            "product": line.product.title if line.product else line.sku
        }
    return _changed(request, cart, message, reverse("checkout:cart"))


@require_GET
@private
def summary(request):
    """What the header badge shows: {"count", "subtotal", "label"}. Never creates a cart.

    Also the visitor's CSRF token ("csrf_token"): pages are kept in the page cache
    without one, and vitrina.js puts this one into their forms.
    """
    cart = get_cart(request)
    contents = cart_contents(cart, max_per_line=_limit(request)) if cart else CartContents(items=[])
    return JsonResponse({**_summary(contents), "csrf_token": get_token(request)})


# ---------- Reading the request ----------


def _sku(request, name="sku"):
    """A posted SKU; one that no SKU can be (too long, a NUL byte PostgreSQL refuses) reads as none."""
    value = request.POST.get(name, "")
    return "" if len(value) > SKU_MAX_LENGTH or "\x00" in value else value


def _quantity(request):
    """The posted quantity; a form without the field (a product card) means one unit."""
    return parse_quantity(request.POST.get("quantity", "1"))


def _product_id(request):
    """The posted page id; out-of-range numbers are refused here (SQLite cannot even look them up)."""
    try:
        product_id = int(request.POST.get("product", ""))
    except ValueError:
        product_id = 0
    if not 0 < product_id < 2**63:
        raise UnknownProduct(gettext("We could not find that product."))
    return product_id


def _limit(request):
    return CheckoutSettings.for_request(request).max_quantity_per_line


def _wants_json(request):
    # Browsers send "*/*" too, which accepts JSON: ask which one the client prefers.
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _is_safe(request, url):
    """A URL of this site to send the visitor back to; control characters are never part of one."""
    return bool(url) and url.isprintable() and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _safe_next(request):
    """Where a product card asked to come back to, if it is a page of this site."""
    candidate = request.POST.get("next", "")
    return candidate if _is_safe(request, candidate) else ""


def _back_url(request):
    referer = request.headers.get("Referer", "")
    return _safe_next(request) or (referer if _is_safe(request, referer) else "")


# ---------- Answering ----------


def _summary(contents):
    count = contents.count
    return {
        "count": count,
        "subtotal": money(contents.subtotal),
        "label": ngettext("%(count)s item", "%(count)s items", count) % {"count": count},
    }


def _line_summary(contents, sku):
    item = contents.item(sku)
    if item is None:
        return None
    return {
        "sku": item.sku,
        "quantity": item.quantity,
        "max_quantity": item.max_quantity,
        "total": "" if item.has_problem else money(item.line_total),
        "problem": str(item.problem),
    }


def _changed(request, cart, message, redirect_to, sku=None):
    """The cart changed: JSON with the new totals, or a 303 redirect with the message queued."""
    if _wants_json(request):
        contents = cart_contents(cart, max_per_line=_limit(request))
        response = JsonResponse({"ok": True, "message": message, **_summary(contents),
                                 "line": _line_summary(contents, sku) if sku else None})
    else:
        messages.success(request, message)
        response = HttpResponseRedirect(redirect_to)
        response.status_code = 303  # See Other: the browser follows it with a GET
    if cart is not None and cart.pk is not None:
        remember_cart(response, cart, request)
    return response


def _refused(request, cart, error, *, sku="", back_url=""):
    """The change was refused: 400 with the reason, as JSON or on the cart page (next to the line)."""
    if _wants_json(request):
        contents = cart_contents(cart, max_per_line=_limit(request)) if cart else CartContents(items=[])
        return JsonResponse(
            {"ok": False, "message": error.message, "reason": error.code, **_summary(contents)}, status=400
        )
    return _render_cart(request, cart, status=400, error=error.message, error_sku=sku, back_url=back_url)


def _render_cart(request, cart, *, status=200, error="", error_sku="", back_url=""):
    contents = cart_contents(cart, max_per_line=_limit(request))
    item = contents.item(error_sku)
    if item is not None:
        # A refused quantity is shown next to its own field, not at the top of the page.
        item.error, error = error, ""
    context = {
        "contents": contents,
        "error": error,
        "back_url": back_url,
        "shop_url": _shop_url(request),
    }
    response = render(request, "checkout/cart.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _shop_url(request):
    """Where "Continue shopping" goes: the shop in the reader's language, else their home page."""
    shop = (
        ProductIndexPage.objects.live().public().filter(locale=Locale.get_active())
        .order_by("depth", "path").first()
    )
    return shop.get_url(request) if shop else f"/{get_language()}/"
