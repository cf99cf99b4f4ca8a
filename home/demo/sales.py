"""Demo data for selling: shipping methods, discount codes and the checkout settings.

Like the rest of the demo, everything is looked up first (shipping methods by
Spanish name, discount codes by code, in any case) and only what is missing is
created, so a second run changes nothing and staff edits are kept.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from checkout.models import CheckoutSettings, DiscountCode, ShippingMethod

SHIPPING_METHODS = [
    {
        "name": "Envío estándar", "name_en": "Standard delivery",
        "delivery_promise": "Entrega en 2-4 días laborables", "delivery_promise_en": "Delivered in 2-4 working days",
        "price": Decimal("4.90"), "free_above": Decimal("50.00"), "countries": ["ES", "PT"],
    },
    {
        "name": "Envío urgente 24 h", "name_en": "Express delivery in 24 h",
        "delivery_promise": "Entrega al día laborable siguiente", "delivery_promise_en": "Delivered the next working day",
        "price": Decimal("9.90"), "free_above": None, "countries": ["ES"],
    },
    {
        "name": "Envío a Europa", "name_en": "Delivery to Europe",
        "delivery_promise": "Entrega en 5-8 días laborables", "delivery_promise_en": "Delivered in 5-8 working days",
        "price": Decimal("12.90"), "free_above": Decimal("120.00"),
        "countries": ["FR", "DE", "IT", "BE", "NL", "AT", "IE"],
    },
    {
        "name": "Recogida en la tienda", "name_en": "Pick up at the shop",
        "delivery_promise": "Listo en 24 horas", "delivery_promise_en": "Ready in 24 hours",
        "price": Decimal("0.00"), "free_above": None, "countries": [], "is_pickup": True,
    },
]

# CAFE5 is valid for this many days from the day the demo is first loaded.
CAFE5_DAYS = 60

DISCOUNT_CODES = [
    {
        "code": "BIENVENIDA10", "description": "Bienvenida: 10 % en el primer pedido desde 30 €",
        "kind": DiscountCode.Kind.PERCENTAGE, "value": Decimal("10"),
        "minimum_subtotal": Decimal("30.00"), "usage_limit_per_customer": 1,
    },
    {
        "code": "ENVIOGRATIS", "description": "Envío gratis con cualquier método",
        "kind": DiscountCode.Kind.FREE_SHIPPING, "value": Decimal("0"),
    },
    {
        "code": "CAFE5", "description": "Semana del café: 5 € menos en pedidos desde 25 €",
        "kind": DiscountCode.Kind.FIXED, "value": Decimal("5.00"), "minimum_subtotal": Decimal("25.00"),
        "valid_days": CAFE5_DAYS,
    },
]

BANK_TRANSFER_INSTRUCTIONS = (
    "Haz una transferencia a Vitrina Tienda S.L.\n"
    "IBAN: ES00 0000 0000 0000 0000 0000 (cuenta de demostración)\n"
    "BIC: DEMOESMMXXX\n"
    "Escribe el número de pedido como concepto. Preparamos el pedido en cuanto recibimos el pago."
)
BANK_TRANSFER_INSTRUCTIONS_EN = (
    "Please make a bank transfer to Vitrina Tienda S.L.\n"
    "IBAN: ES00 0000 0000 0000 0000 0000 (demo account)\n"
    "BIC: DEMOESMMXXX\n"
    "Write the order number as the payment reference. We prepare your order as soon as the payment arrives."
)

TERMS_PAGE_SLUG = "envios-y-devoluciones"


def ensure_shipping_methods():
    """Create the missing demo shipping methods; returns how many were created."""
    created = 0
    for sort_order, data in enumerate(SHIPPING_METHODS, start=1):
        if ShippingMethod.objects.filter(name=data["name"]).exists():
            continue
        ShippingMethod.objects.create(sort_order=sort_order * 10, **data)
        created += 1
    return created


def ensure_discount_codes():
    """Create the missing demo discount codes; dates are only set when a code is created."""
    created = 0
    for data in DISCOUNT_CODES:
        data = dict(data)
        if DiscountCode.objects.filter(code__iexact=data["code"]).exists():
            continue
        valid_days = data.pop("valid_days", None)
        if valid_days:
            now = timezone.now()
            data["valid_from"] = now
            data["valid_until"] = now + timedelta(days=valid_days)
        DiscountCode.objects.create(**data)
        created += 1
    return created


def has_defaults(settings):
    """True while nobody has filled in the checkout settings (the bank details are the tell)."""
    return not settings.bank_transfer_instructions and not settings.bank_transfer_instructions_en


def ensure_checkout_settings(site, registry=None):
    """Fill in the checkout settings once; returns True when they were written now."""
    settings = CheckoutSettings.for_site(site)
    if not has_defaults(settings):
        return False
    settings.tax_rate = Decimal("21.00")
    settings.tax_name = "IVA"
    settings.bank_transfer_instructions = BANK_TRANSFER_INSTRUCTIONS
    settings.bank_transfer_instructions_en = BANK_TRANSFER_INSTRUCTIONS_EN
    settings.offers_paypal = True
    settings.offers_bank_transfer = True
    settings.offers_cash_on_delivery = True
    if settings.terms_page_id is None:
        settings.terms_page = find_terms_page(site, registry)
    settings.save()
    return True


def find_terms_page(site, registry=None):
    if registry is not None and TERMS_PAGE_SLUG in registry.pages:
        return registry.pages[TERMS_PAGE_SLUG]
    return site.root_page.get_children().filter(slug=TERMS_PAGE_SLUG).first()


def build_sales(site, registry=None):
    """Everything the demo needs to sell; returns how many objects were created or filled in."""
    return {
        "shipping_methods": ensure_shipping_methods(),
        "discount_codes": ensure_discount_codes(),
        "checkout_settings": int(ensure_checkout_settings(site, registry)),
    }
