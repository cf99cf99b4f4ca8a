"""Public URLs of the sale, mounted under the language prefix (/es/cart/, /en/cart/)."""

from django.urls import path

from .views import cart, checkout, orders, payment

app_name = "checkout"

urlpatterns = [
    path("cart/", cart.cart_page, name="cart"),
    path("cart/add/", cart.add, name="cart_add"),
    path("cart/update/", cart.update, name="cart_update"),
    path("cart/remove/", cart.remove, name="cart_remove"),
    path("cart/summary.json", cart.summary, name="cart_summary"),
    path("checkout/", checkout.checkout_page, name="checkout"),
    path("order/<str:token>/", orders.order_page, name="order"),
    path("order/<str:token>/payment-method/", orders.change_payment_method, name="change_payment_method"),
    path("order/<str:token>/paypal/", payment.pay_with_paypal, name="paypal_pay"),
    path("order/<str:token>/paypal/return/", payment.paypal_return, name="paypal_return"),
    path("order/<str:token>/paypal/cancel/", payment.paypal_cancel, name="paypal_cancel"),
]
