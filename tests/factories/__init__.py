"""Factories for the shop's models and pages (factory_boy + wagtail-factories)."""

from .blocks import (  # noqa: F401
    call_to_action_block,
    embed_block,
    faq_block,
    heading_block,
    image_block,
    paragraph_block,
    product_block,
    product_grid_block,
    quote_block,
)
from .blog import AuthorFactory, BlogIndexPageFactory, BlogPageFactory  # noqa: F401
from .checkout import DiscountCodeFactory, ShippingMethodFactory  # noqa: F401
from .home import HomePageFactory, StandardPageFactory  # noqa: F401
from .images import ImageFactory  # noqa: F401
from .products import (  # noqa: F401
    ProductImageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    ProductVariantFactory,
    StockRecordFactory,
)
