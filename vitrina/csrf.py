"""What a visitor sees when a form comes back without a valid CSRF token.

Pages are kept in the page cache without a token; vitrina.js fills it in.
Without JavaScript (or with cookies blocked) an "Add to cart" arrives
without one: instead of Django's bare 403 the cart asks once to confirm,
with a form that carries this visitor's token. Any other form gets a page
saying what happened and what to do; nothing is changed in either case.
"""

from django.shortcuts import render
from django.urls import Resolver404, resolve

from products.models import ProductPage

# The add-to-cart form's fields, posted again after the visitor confirms.
CART_FIELDS = ("product", "sku", "variant", "quantity", "next")


def csrf_failure(request, reason=""):
    if request.method == "POST" and _is_cart_add(request.path_info):
        product = _product(request.POST.get("product", ""))
        if product is not None:
            fields = [(name, request.POST[name][:500]) for name in CART_FIELDS if request.POST.get(name)]
            return render(request, "checkout/add_to_cart_confirm.html",
                          {"product": product, "fields": fields}, status=403)
    return render(request, "403_csrf.html", status=403)


def _is_cart_add(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.view_name == "checkout:cart_add"


def _product(value):
    if not value.isdigit() or len(value) > 18:
        return None
    return ProductPage.objects.live().public().filter(pk=int(value)).first()
