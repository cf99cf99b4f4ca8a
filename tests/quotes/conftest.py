"""Products that take quote requests, and a shop with a sales address."""

import pytest

from checkout.models import CheckoutSettings
from home.models import ShopSettings
from tests.checkout.helpers import variant
from tests.factories import ProductPageFactory


@pytest.fixture
def shop_emails(site):
    return ShopSettings.objects.update_or_create(
        site=site, defaults={"email": "hola@vitrina.example", "sales_email": "ventas@vitrina.example"},
    )[0]


@pytest.fixture
def machine(shop):
    """A quote-only product without options."""
    return ProductPageFactory(parent=shop, title="Cafetera industrial", slug="cafetera-industrial",
                              is_quote_only=True, variants=[variant("PRO-1", "2500.00")])


@pytest.fixture
def tshirt(shop):
    """A product for sale with sizes; quotes only when the store offers them on every product."""
    return ProductPageFactory(
        parent=shop, title="Camiseta", slug="camiseta", option1_name="Talla",
        variants=[variant("TEE-S", "15.00", "S"), variant("TEE-M", "17.50", "M")], stock=50,
    )


@pytest.fixture
def quotes_everywhere(site):
    return CheckoutSettings.objects.update_or_create(site=site, defaults={"quotes_on_every_product": True})[0]
