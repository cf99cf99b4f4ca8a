from decimal import Decimal

import factory

from checkout.models import DiscountCode, ShippingMethod


class ShippingMethodFactory(factory.django.DjangoModelFactory):
    """A carrier serving Spain at 4.90, free from 50.00. Use `pickup=True` for local pickup."""

    name = factory.Sequence(lambda n: f"Mensajería {n}")
    name_en = factory.Sequence(lambda n: f"Courier {n}")
    delivery_promise = "Entrega en 2-4 días laborables"
    delivery_promise_en = "Delivered in 2-4 working days"
    price = Decimal("4.90")
    free_above = Decimal("50.00")
    countries = ["ES"]
    is_pickup = False
    is_active = True
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ShippingMethod

    class Params:
        pickup = factory.Trait(
            name="Recogida en tienda", name_en="Store pickup", price=Decimal("0.00"), free_above=None,
            countries=[], is_pickup=True, delivery_promise="Listo en 24 horas", delivery_promise_en="Ready in 24 hours",
        )


class DiscountCodeFactory(factory.django.DjangoModelFactory):
    """An active 10% code with no dates, limits or minimum."""

    code = factory.Sequence(lambda n: f"CODE{n:03d}")
    kind = DiscountCode.Kind.PERCENTAGE
    value = Decimal("10.00")
    is_active = True

    class Meta:
        model = DiscountCode
