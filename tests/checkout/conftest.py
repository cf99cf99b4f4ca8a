"""Products and carts the checkout tests share."""

import pytest

from checkout.models import Cart
from tests.checkout.helpers import variant
from tests.factories import ProductPageFactory


@pytest.fixture
def mug(shop):
    """One variant, 9,90 €, ten in stock."""
    return ProductPageFactory(parent=shop, title="Taza", slug="taza", variants=[variant("MUG-1", "9.90")], stock=10)


@pytest.fixture
def tshirt(shop):
    """Sizes S (3 left), M (on sale, 30 in stock) and L (sold out)."""
    return ProductPageFactory(
        parent=shop, title="Camiseta", slug="camiseta", option1_name="Talla",
        variants=[variant("TEE-S", "15.00", "S"), variant("TEE-M", "17.50", "M", compare_at="20.00"),
                  variant("TEE-L", "19.00", "L")],
        stock={"TEE-S": 3, "TEE-M": 30, "TEE-L": 0},
    )


@pytest.fixture
def cart(db):
    return Cart.objects.create()
