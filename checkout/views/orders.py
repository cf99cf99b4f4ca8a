"""The customer's order page, reached by its unguessable token link."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control

from ..models import CheckoutSettings, Order, OrderStatus, PaymentMethod


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
        "bank_transfer_instructions": instructions if pending and order.payment_method == PaymentMethod.BANK_TRANSFER
        else "",
    })
