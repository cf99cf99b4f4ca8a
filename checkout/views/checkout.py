"""The checkout page: one form, a summary the server recomputes, then the order.

Placing the order is `checkout.placing.place_order`; this view only reads the
form, maps refusals to messages next to the fields, and sends the customer on:
to PayPal, or to the order page for offline payments.
"""

import uuid

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from accounts.prefill import checkout_initial

from ..cart import cart_contents, get_cart
from ..discounts import DiscountRefused
from ..forms import CheckoutForm
from ..models import CheckoutSettings, PaymentMethod
from ..placing import CheckoutError, place_order
from ..pricing import compute_totals
from ..shipping import get_available_method, shipping_choices_for
from .payment import redirect_to_paypal

private = cache_control(private=True, no_store=True)


@private
def checkout_page(request):
    cart = get_cart(request)
    contents = cart_contents(cart)
    if not contents.items:
        return redirect("checkout:cart")
    store = CheckoutSettings.for_request(request)
    initial = {"checkout_key": uuid.uuid4().hex, "country": "ES", "payment_method": PaymentMethod.PAYPAL}
    initial.update(checkout_initial(request.user))  # a logged-in customer's email and default address
    form = CheckoutForm(request.POST or None, subtotal=contents.subtotal, store=store, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            order = place_order(cart, form.cleaned_data, store=store, discount=form.discount, user=request.user)
        except DiscountRefused as refused:
            form.add_error("discount_code", refused.message)
        except CheckoutError as error:
            messages.error(request, error.message)
            return redirect("checkout:cart")
        else:
            return _after_placing(request, order)
    return render(request, "checkout/checkout.html", {
        "form": form, "contents": contents, "store": store, **_summary(form, contents, store),
    }, status=400 if form.is_bound and form.errors else 200)


def _summary(form, contents, store):
    """What the order would cost with what the form says now, computed by the server."""
    data = form.data if form.is_bound else form.initial
    method = get_available_method(data.get("shipping_method"), data.get("country") or None)
    totals = compute_totals(
        [(item.unit_price, item.quantity) for item in contents.buyable_items],
        shipping_method=method, discount_code=form.discount, tax_rate=store.tax_rate,
    )
    free = bool(form.discount and form.discount.kind == form.discount.Kind.FREE_SHIPPING)
    return {
        "totals": totals,
        "shipping_method": method,
        "shipping_choices": shipping_choices_for(totals.subtotal - totals.discount, data.get("country") or None,
                                                 free_shipping_code=free),
    }


def _after_placing(request, order):
    if order.payment_method == PaymentMethod.PAYPAL:
        return redirect_to_paypal(request, order)
    return redirect(reverse("checkout:order", args=[order.token]))
