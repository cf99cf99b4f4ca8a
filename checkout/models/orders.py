"""Orders: what was bought, by whom, for how much, and where the order stands.

Lines snapshot SKU, title and prices so later edits or deletions of products
never change an order. Status only changes through `checkout.orders.transition`,
which logs every step in OrderEvent.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class OrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Pending payment")
    PAID = "paid", _("Paid")
    PACKED = "packed", _("Packed")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
    REFUNDED = "refunded", _("Refunded")
    RETURN_REQUESTED = "return_requested", _("Return requested")
    RETURN_RECEIVED = "return_received", _("Return received")


class PaymentMethod(models.TextChoices):
    PAYPAL = "paypal", _("PayPal")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    CASH_ON_DELIVERY = "cash_on_delivery", _("Cash on delivery")


def new_order_token():
    return secrets.token_urlsafe(32)


class Order(models.Model):
    number = models.CharField(_("number"), max_length=20, unique=True)
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_order_token, editable=False)
    # One per checkout form shown: a double-clicked "place order" finds the first order.
    checkout_key = models.CharField(_("checkout key"), max_length=64, unique=True, null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=24, choices=OrderStatus.choices, default=OrderStatus.PENDING_PAYMENT, db_index=True,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="orders",
        verbose_name=_("customer account"),
    )
    language = models.CharField(_("language"), max_length=8, default="es")

    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address_line1 = models.CharField(_("address"), max_length=200, blank=True)
    address_line2 = models.CharField(_("address (line 2)"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("province or region"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)

    shipping_method = models.ForeignKey(
        "checkout.ShippingMethod", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("shipping method"),
    )
    shipping_method_name = models.CharField(_("shipping method (as chosen)"), max_length=80, blank=True)
    delivery_promise = models.CharField(_("delivery promise (as shown)"), max_length=120, blank=True)
    payment_method = models.CharField(_("payment method"), max_length=24, choices=PaymentMethod.choices)
    discount_code = models.ForeignKey(
        "checkout.DiscountCode", null=True, blank=True, on_delete=models.SET_NULL, related_name="orders",
        verbose_name=_("discount code"),
    )
    discount_code_text = models.CharField(_("discount code (as typed)"), max_length=40, blank=True)

    currency = models.CharField(_("currency"), max_length=3)
    subtotal = models.DecimalField(_("subtotal"), max_digits=12, decimal_places=2)
    discount_total = models.DecimalField(_("discount"), max_digits=12, decimal_places=2, default=0)
    shipping_total = models.DecimalField(_("shipping"), max_digits=12, decimal_places=2, default=0)
    tax_rate = models.DecimalField(_("tax rate (%)"), max_digits=5, decimal_places=2)
    tax_total = models.DecimalField(_("tax included"), max_digits=12, decimal_places=2)
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=2)

    stock_reserved_until = models.DateTimeField(_("stock reserved until"), null=True, blank=True)
    stock_released = models.BooleanField(_("stock released"), default=False)
    carrier = models.CharField(_("carrier"), max_length=60, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=80, blank=True)

    placed_at = models.DateTimeField(_("placed"), auto_now_add=True, db_index=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-placed_at", "-pk"]
        permissions = [("manage_orders", _("Can run orders: payments, shipping, refunds"))]
        constraints = [
            models.CheckConstraint(condition=models.Q(total__gte=0), name="order_total_not_negative"),
        ]

    def __str__(self):
        return self.number

    @property
    def tracking_url(self):
        from ..tracking import tracking_url

        return tracking_url(self.carrier, self.tracking_number)


class OrderLine(models.Model):
    """What was bought, copied from the product at the time of the order."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("order"))
    product = models.ForeignKey(
        "products.ProductPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("product"),
    )
    sku = models.CharField(_("SKU"), max_length=64)
    product_title = models.CharField(_("product"), max_length=255)
    variant_label = models.CharField(_("variant"), max_length=125, blank=True)
    unit_price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=2)
    quantity = models.PositiveIntegerField(_("quantity"))
    line_total = models.DecimalField(_("line total"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="order_line_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.sku}"


class OrderEvent(models.Model):
    """One step of an order's life: who moved it, when, from which status to which."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events", verbose_name=_("order"))
    from_status = models.CharField(_("from"), max_length=24, choices=OrderStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=24, choices=OrderStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("order event")
        verbose_name_plural = _("order history")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order}: {self.from_status} → {self.to_status}"
