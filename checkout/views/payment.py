"""Paying an order with PayPal: go to PayPal, come back (return or cancel), webhooks.

The return page may be opened twice (reload, back button) and the webhook may
arrive before or after it: `capture_payment` and `receive_webhook` find the
work done and never charge twice.
"""

import logging

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from home.models import ShopSettings

from ..exceptions import PaymentError, WebhookVerificationFailed
from ..models import Order, OrderStatus, Payment, PaymentMethod
from ..paypal.services import capture_payment, start_payment
from ..paypal.webhooks import receive_webhook

logger = logging.getLogger(__name__)
private = cache_control(private=True, no_store=True)


def redirect_to_paypal(request, order):
    """Send the customer to PayPal's approval page, or back to the order with the reason."""
    order_url = reverse("checkout:order", args=[order.token])
    try:
        approval_url = start_payment(
            order,
            return_url=request.build_absolute_uri(reverse("checkout:paypal_return", args=[order.token])),
            cancel_url=request.build_absolute_uri(reverse("checkout:paypal_cancel", args=[order.token])),
            brand_name=ShopSettings.for_request(request).shop_name,
        )
    except PaymentError as error:
        messages.error(request, error.message)
        return redirect(order_url)
    return HttpResponseRedirect(approval_url, status=303)


@require_POST
@private
def pay_with_paypal(request, token):
    """The order page's "Pay with PayPal" button (after a cancel or a PayPal outage)."""
    order = get_object_or_404(Order, token=token)
    if order.status != OrderStatus.PENDING_PAYMENT or order.payment_method != PaymentMethod.PAYPAL:
        return redirect("checkout:order", token=order.token)
    return redirect_to_paypal(request, order)


@require_GET
@private
def paypal_return(request, token):
    order = get_object_or_404(Order, token=token)
    paypal_order_id = request.GET.get("token", "")
    if not Payment.objects.filter(order=order, paypal_order_id=paypal_order_id).exists():
        return HttpResponseBadRequest(_("This PayPal payment does not belong to this order."))
    try:
        capture_payment(order, paypal_order_id)
    except PaymentError as error:
        messages.error(request, error.message)
    else:
        order.refresh_from_db()
        if order.status == OrderStatus.PAID:
            messages.success(request, _("Thank you! Your payment has been received."))
    return redirect("checkout:order", token=order.token)


@require_GET
@private
def paypal_cancel(request, token):
    order = get_object_or_404(Order, token=token)
    messages.info(request, _("You left PayPal without paying. Your order is saved: you can pay it now."))
    return redirect("checkout:order", token=order.token)


@csrf_exempt  # PayPal cannot send a CSRF token; each delivery is verified with PayPal instead
@require_POST
def paypal_webhook(request):
    try:
        receive_webhook(request.headers, request.body)
    except WebhookVerificationFailed:
        return HttpResponseBadRequest("webhook not verified")
    except PaymentError as error:  # PayPal unreachable: ask it to deliver again later
        logger.warning("PayPal webhook not processed: %s", error)
        return HttpResponse("try again later", status=503)
    return HttpResponse("ok")
