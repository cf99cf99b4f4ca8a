"""The customer's order page, reached by its unguessable token link."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from ..models import CheckoutSettings, Order, OrderStatus, PaymentMethod
from ..orders import switch_payment_method


def offline_methods_offered(store):
    offered = [(PaymentMethod.BANK_TRANSFER, store.offers_bank_transfer),
               (PaymentMethod.CASH_ON_DELIVERY, store.offers_cash_on_delivery)]
    return [method for method, on in offered if on]


@cache_control(private=True, no_store=True)
def order_page(request, token):
    order = get_object_or_404(Order.objects.select_related("shipping_method"), token=token)
    store = CheckoutSettings.for_request(request)
    instructions = store.bank_transfer_instructions
    if request.LANGUAGE_CODE == "en" and store.bank_transfer_instructions_en:
        instructions = store.bank_transfer_instructions_en
    pending = order.status == OrderStatus.PENDING_PAYMENT
    return render(request, "checkout/order.html", {
        "order": order,
        "lines": order.lines.all(),
        "history": order.events.all(),
        "can_pay_with_paypal": pending and order.payment_method == PaymentMethod.PAYPAL,
        "other_methods": [PaymentMethod(m) for m in offline_methods_offered(store)]
        if pending and order.payment_method == PaymentMethod.PAYPAL else [],
        "bank_transfer_instructions": instructions if pending and order.payment_method == PaymentMethod.BANK_TRANSFER
        else "",
    })


@require_POST
@cache_control(private=True, no_store=True)
def change_payment_method(request, token):
    """After leaving PayPal, pay the same order by bank transfer or cash on delivery instead."""
    order = get_object_or_404(Order, token=token)
    store = CheckoutSettings.for_request(request)
    if switch_payment_method(order, request.POST.get("payment_method", ""), offered=offline_methods_offered(store)):
        messages.success(request, _("Done: you will pay this order by %(method)s.") % {
            "method": order.get_payment_method_display().lower()})
    else:
        messages.error(request, _("The payment method of this order cannot be changed now."))
    return redirect("checkout:order", token=order.token)
