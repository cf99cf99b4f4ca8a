"""Demo data for what happens after the sale: a customer account, orders, reviews, a return, a ticket, a quote.

Everything goes through the same services the shop uses (checkout.cart and
checkout.placing to place orders, checkout.orders.transition to move them,
returns, reviews, support and quotes for the rest), so the demo shows the
shop as it really behaves. Only the dates are moved back afterwards, so the
history reads like weeks of trading: one order is past its return window,
one has a return waiting for customer service, one can still be returned.

Like the rest of the demo it only adds what is missing: people are looked up
by email, orders by their checkout key (an order found is left as it is,
with whatever staff did to it since), tickets and quote requests by email
and subject. Invented customers only exist where the demo admin may
(settings.VITRINA_CREATE_DEMO_ADMIN: dev and test, never production), and an
existing account's password is never changed.
"""

import os
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation

from accounts.addresses import save_address
from accounts.models import Address
from checkout.cart import CartError, add_to_cart
from checkout.models import Cart, CheckoutSettings, Order, OrderEvent, OrderStatus, Payment, PaymentMethod, \
    PaymentStatus, ShippingMethod
from checkout.orders import transition
from checkout.placing import CheckoutError, place_order
from products.models import ProductPage
from quotes.models import QuoteRequest
from quotes.requests import submit_quote_request
from returns.models import ReturnReason, ReturnRequest
from returns.requests import request_return
from reviews.models import Review
from reviews.moderation import approve_review
from reviews.writing import write_review
from support.models import Ticket, TicketCategory
from support.tickets import open_ticket

from .accounts import DEFAULT_PASSWORD

CUSTOMER_EMAIL = "cliente@vitrina.example"
CUSTOMER_NAME = ("Lucía", "Romero")
STAFF_USERNAME = "atencion"
STAFF_EMAIL = "atencion@vitrina.example"
STAFF_GROUP = "Customer service"
SHIPPING_METHOD = "Envío estándar"
CARRIER, TRACKING_PREFIX = "Correos Express", "CEX"

ADDRESS = {
    "label": "Casa", "name": "Lucía Romero", "phone": "+34 600 123 456", "address_line1": "Calle de la Paz 12",
    "address_line2": "3.º B", "postal_code": "46003", "city": "Valencia", "region": "Valencia", "country": "ES",
}

# How long after it was placed each step of an order happened.
STEP_DELAYS = {
    OrderStatus.PAID: timedelta(hours=3),
    OrderStatus.PACKED: timedelta(days=1),
    OrderStatus.SHIPPED: timedelta(days=1, hours=5),
    OrderStatus.DELIVERED: timedelta(days=3, hours=2),
}
STEPS = list(STEP_DELAYS)


@dataclass(frozen=True)
class DemoReview:
    product: str  # product slug
    rating: int
    title: str
    body: str
    approved: bool = True


@dataclass(frozen=True)
class DemoOrder:
    key: str  # its checkout key: how a second run finds it
    lines: tuple  # (product slug, SKU, units)
    days_ago: int  # placed this many days ago
    stage: str  # the last status it reached (paid, packed, shipped or delivered)
    buyer: tuple | None = None  # (name, email) of a guest; None: the demo customer, with their address
    reviews: tuple = ()


ORDERS = (
    DemoOrder(
        "demo-posventa-01",
        (("cafe-etiopia-yirgacheffe", "CAF-ETI-250-G", 2), ("cafetera-italiana-clasica", "MOK-CLA-6T-PL", 1)),
        75, OrderStatus.DELIVERED, reviews=(
            DemoReview("cafe-etiopia-yirgacheffe", 5, "Mi café de cada mañana",
                       "Aroma floral y un punto de limón. En cafetera italiana queda redondo, sin amargor."),
            DemoReview("cafetera-italiana-clasica", 4, "Como la de mi abuela",
                       "Hace un café intenso en cuatro minutos. Le quito una estrella porque el asa se calienta."),
        ),
    ),
    DemoOrder(
        "demo-posventa-02", (("prensa-francesa", "PRE-FRA-1L", 1), ("filtros-de-papel", "FIL-PAP-100", 2)),
        14, OrderStatus.DELIVERED, reviews=(
            DemoReview("filtros-de-papel", 3, "Cumplen, sin más",
                       "Filtran bien, pero el papel deja algo de sabor si no los enjuagas antes.", approved=False),
        ),
    ),
    DemoOrder(
        "demo-posventa-03",
        (("hervidor-cuello-de-cisne", "HER-CIS-NG", 1), ("cafe-colombia-huila", "CAF-COL-500-F", 1)),
        6, OrderStatus.DELIVERED,
    ),
    DemoOrder("demo-posventa-04", (("molinillo-manual-de-acero", "MOL-MAN-01", 1),), 4, OrderStatus.SHIPPED),
    DemoOrder(
        "demo-posventa-11",
        (("cafe-etiopia-yirgacheffe", "CAF-ETI-500-E", 1), ("molinillo-manual-de-acero", "MOL-MAN-01", 1)),
        50, OrderStatus.DELIVERED, buyer=("Marta Gil", "marta.gil@example.com"), reviews=(
            DemoReview("cafe-etiopia-yirgacheffe", 4, "Muy aromático",
                       "Lo pedí molido para espresso y la molienda es perfecta. Repetiré con el de 1 kg."),
            DemoReview("molinillo-manual-de-acero", 5, "Pequeño y preciso",
                       "Muele fino y uniforme, y cabe en la mochila. Ideal para los fines de semana fuera."),
        ),
    ),
    DemoOrder(
        "demo-posventa-12", (("cafetera-italiana-clasica", "MOK-CLA-3T-PL", 1),),
        40, OrderStatus.DELIVERED, buyer=("Javier Ortega", "javier.ortega@example.com"), reviews=(
            DemoReview("cafetera-italiana-clasica", 5, "Perfecta para uno",
                       "La de 3 tazas es justo lo que necesitaba. Llegó muy bien embalada y en dos días."),
        ),
    ),
)

RETURN = {
    "order": "demo-posventa-02", "sku": "PRE-FRA-1L", "days_ago": 2, "reason": ReturnReason.DAMAGED,
    "comment": "El vaso de la prensa llegó con una grieta en la base. La caja estaba bien.",
}
TICKET = {
    "order": "demo-posventa-04", "subject": "Mi pedido no se mueve desde hace dos días",
    "category": TicketCategory.DELIVERY_PROBLEM,
    "body": "Hola: el seguimiento de mi pedido dice «en reparto» desde anteayer y aún no ha llegado. "
            "¿Podéis preguntar a la agencia? Gracias.",
}
QUOTE = {
    "product": "cafetera-superautomatica-oficina", "company": "Estudio Nube Arquitectos",
    "contact_name": "Pablo Serrano",
    "email": "pablo.serrano@example.com", "phone": "+34 910 000 123", "quantity": 2, "city": "Madrid",
    "region": "Madrid", "country": "ES",
    "message": "Somos 35 personas en dos plantas. Nos interesa el contrato con mantenimiento y café incluido.",
}


@dataclass
class DemoLogins:
    """The demo customer's and staff member's logins to print; a password only when it is known to work."""

    enabled: bool  # settings.VITRINA_CREATE_DEMO_ADMIN
    customer_email: str = ""
    customer_username: str = ""
    customer_password: str | None = None
    staff_username: str = ""  # empty when there is no "Customer service" group to put them in
    staff_password: str | None = None
    created: dict = field(default_factory=dict)  # what this run added, by kind


def build_after_sale(site, registry):
    """Add the after-sale demo data that is missing; returns the demo logins (and what was created)."""
    if not getattr(settings, "VITRINA_CREATE_DEMO_ADMIN", False):
        return DemoLogins(enabled=False)
    password = os.environ.get("DEMO_CUSTOMER_PASSWORD") or DEFAULT_PASSWORD
    customer, created_customer = ensure_customer(password)
    staff = ensure_staff(password)
    created = {"customers": int(created_customer), "addresses": ensure_address(customer)}
    with translation.override("es"):
        orders = ensure_orders(site, registry, customer, staff)
        created["orders"] = len(orders)
        created["returns"] = ensure_return(site, orders)
        created["tickets"] = ensure_ticket(orders, customer)
        created["quotes"] = ensure_quote(registry)
    return DemoLogins(
        enabled=True, customer_email=customer.email, customer_username=customer.get_username(),
        customer_password=password if customer.check_password(password) else None,
        staff_username=staff.get_username() if staff else "",
        staff_password=password if staff and staff.check_password(password) else None, created=created,
    )


def find_user(email):
    User = get_user_model()
    owner = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    return owner.user if owner else User._default_manager.filter(email__iexact=email).first()


def ensure_customer(password):
    """The demo customer as allauth leaves a confirmed sign-up: a user and a verified primary email."""
    user = find_user(CUSTOMER_EMAIL)
    if user is not None:
        return user, False
    first_name, last_name = CUSTOMER_NAME
    user = get_user_model()._default_manager.create_user(
        username=unique_username("cliente"), email=CUSTOMER_EMAIL, password=password,
        first_name=first_name, last_name=last_name,
    )
    EmailAddress.objects.create(user=user, email=CUSTOMER_EMAIL, primary=True, verified=True)
    return user, True


def unique_username(base):
    User = get_user_model()
    username, number = base, 1
    while User._default_manager.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}{number}"
    return username


def ensure_staff(password):
    """A "Customer service" member who moderates the demo reviews and can log in to see the queues."""
    user = find_user(STAFF_EMAIL)
    group = Group.objects.filter(name=STAFF_GROUP).first()
    if user is not None or group is None:
        return user
    # Staff log in to the Wagtail admin with a username (customers use their email).
    user = get_user_model()._default_manager.create_user(
        username=unique_username(STAFF_USERNAME), email=STAFF_EMAIL, password=password,
        first_name="Sergio", last_name="Navarro",
    )
    user.groups.add(group)
    if not group.permissions.filter(codename="access_admin").exists():
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def ensure_address(customer):
    """The customer's saved default address, only when their address book is empty."""
    if Address.objects.filter(user=customer).exists():
        return 0
    save_address(Address(user=customer, **ADDRESS), make_default=True)
    return 1


def ensure_orders(site, registry, customer, staff):
    """Place and move along the demo orders missing so far; returns {key: order} of those made now."""
    method = ShippingMethod.objects.filter(name=SHIPPING_METHOD).first()
    store = CheckoutSettings.for_site(site)
    made = {}
    for spec in sorted(ORDERS, key=lambda spec: -spec.days_ago):  # order numbers follow the dates
        if method is None or Order.objects.filter(checkout_key=spec.key).exists():
            continue
        order = place_demo_order(spec, registry, customer, method, store)
        if order is None:
            continue
        advance(order, spec, staff)
        backdate(order, spec.days_ago)
        write_reviews(order, spec, registry, staff)
        made[spec.key] = order
    return made


def place_demo_order(spec, registry, customer, method, store):
    """Place `spec` from a real cart; None when a product is gone or sold out (the demo then skips it)."""
    cart = Cart.objects.create()
    try:
        for slug, sku, units in spec.lines:
            add_to_cart(cart, sku, units, product_id=demo_product(registry, slug).pk)
        return place_order(cart, order_details(spec, customer, method), store=store,
                           user=customer if spec.buyer is None else None)
    except (CartError, CheckoutError, ProductPage.DoesNotExist):
        return None
    finally:
        cart.delete()


def demo_product(registry, slug):
    page = registry.pages.get(slug) if registry is not None else None
    return page or ProductPage.objects.get(slug=slug, locale__language_code="es")


def order_details(spec, customer, method):
    """What the checkout form would hold: the guest's details, or the customer's saved address."""
    if spec.buyer is None:
        name, email = f"{customer.first_name} {customer.last_name}".strip(), customer.email
    else:
        name, email = spec.buyer
    address = {key: value for key, value in ADDRESS.items() if key not in ("label", "name")}
    if spec.buyer is not None:
        address.update(phone="", address_line1="Calle del Olmo 4", address_line2="", postal_code="28012",
                       city="Madrid", region="Madrid")
    return {"checkout_key": spec.key, "email": email, "name": name, "shipping_method_object": method,
            "payment_method": PaymentMethod.BANK_TRANSFER, **address}


def advance(order, spec, staff):
    """Move the order step by step, as staff would: the transfer arrives, it is packed, shipped, delivered."""
    for status in STEPS[:STEPS.index(spec.stage) + 1]:
        if status == OrderStatus.PAID:
            Payment.objects.create(
                order=order, method=PaymentMethod.BANK_TRANSFER, status=PaymentStatus.CAPTURED, amount=order.total,
                currency=order.currency, recorded_by=staff,
            )
        transition(order, status, user=staff)
        if status == OrderStatus.SHIPPED:
            Order.objects.filter(pk=order.pk).update(
                carrier=CARRIER, tracking_number=f"{TRACKING_PREFIX}{order.number}0{spec.days_ago:02d}ES",
            )


def backdate(order, days_ago):
    """Move the order's history back so it was placed `days_ago` days ago, each step after its delay."""
    placed = timezone.now() - timedelta(days=days_ago)
    events = order.events.order_by("created_at", "pk")
    last = placed
    for event in events:
        when = placed + STEP_DELAYS.get(event.to_status, timedelta(0))
        OrderEvent.objects.filter(pk=event.pk).update(created_at=when)
        last = max(last, when)
    paid = placed + STEP_DELAYS[OrderStatus.PAID]
    order.payments.update(created_at=paid, updated_at=paid)
    reserved_until = order.stock_reserved_until and order.stock_reserved_until - (order.placed_at - placed)
    Order.objects.filter(pk=order.pk).update(
        placed_at=placed, paid_at=paid, updated_at=last, stock_reserved_until=reserved_until,
    )
    order.refresh_from_db()


def write_reviews(order, spec, registry, staff):
    """The buyer's reviews, written a few days after delivery; approved ones are approved by customer service."""
    written = order.placed_at + STEP_DELAYS[OrderStatus.DELIVERED] + timedelta(days=2)
    for review_spec in spec.reviews:
        review = write_review(
            order, demo_product(registry, review_spec.product).pk, rating=review_spec.rating,
            title=review_spec.title, body=review_spec.body,
        )
        Review.objects.filter(pk=review.pk).update(created_at=min(written, timezone.now()))
        if review_spec.approved:
            approve_review(review, user=staff)
            Review.objects.filter(pk=review.pk).update(moderated_at=min(written + timedelta(days=1), timezone.now()))


def ensure_return(site, orders):
    """The customer's return of one product, waiting for customer service (only on an order made now)."""
    order = orders.get(RETURN["order"])
    if order is None:
        return 0
    line = order.lines.get(sku=RETURN["sku"])
    return_request = request_return(
        order, {line.pk: 1}, reason=RETURN["reason"], comment=RETURN["comment"],
        store=CheckoutSettings.for_site(site),
    )
    when = timezone.now() - timedelta(days=RETURN["days_ago"])
    ReturnRequest.objects.filter(pk=return_request.pk).update(created_at=when)
    order.events.filter(to_status=OrderStatus.RETURN_REQUESTED).update(created_at=when)
    Order.objects.filter(pk=order.pk).update(updated_at=when)
    return 1


def ensure_ticket(orders, customer):
    """The customer's open ticket about their shipped order (only on an order made now)."""
    order = orders.get(TICKET["order"])
    if order is None or Ticket.objects.filter(email__iexact=order.email, subject=TICKET["subject"]).exists():
        return 0
    open_ticket(
        subject=TICKET["subject"], category=TICKET["category"], body=TICKET["body"], name=order.name,
        email=order.email, language="es", order=order, user=customer,
    )
    return 1


def ensure_quote(registry):
    """A company's quote request for the quote-only office coffee machine."""
    data = dict(QUOTE)
    slug = data.pop("product")
    if QuoteRequest.objects.filter(email__iexact=data["email"], product__slug=slug).exists():
        return 0
    try:
        product = demo_product(registry, slug)
    except ProductPage.DoesNotExist:
        return 0
    submit_quote_request(product, {**data, "chosen_variant": None}, language="es")
    return 1
