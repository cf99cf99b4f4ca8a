from .cart import Cart, CartLine  # noqa: F401
from .discounts import DiscountCode  # noqa: F401
from .orders import Order, OrderEvent, OrderLine, OrderStatus, PaymentMethod  # noqa: F401
from .payments import Payment, PaymentStatus, Refund, WebhookEvent  # noqa: F401
from .settings import CheckoutSettings  # noqa: F401
from .shipping import ShippingMethod  # noqa: F401
