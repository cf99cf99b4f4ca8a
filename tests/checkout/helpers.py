"""Small builders the checkout tests share."""

from decimal import Decimal

from checkout.models import CartLine
from tests.factories import ProductVariantFactory


def variant(sku, price, size="", compare_at=None):
    return ProductVariantFactory.build(
        sku=sku, price=Decimal(price), option1=size, compare_at_price=Decimal(compare_at) if compare_at else None
    )


def lines(cart):
    return {line.sku: line.quantity for line in CartLine.objects.filter(cart=cart)}
