from .pages import ProductIndexPage, ProductPage  # noqa: F401
from .parts import (  # noqa: F401
    ProductImage,
    ProductRelatedArticle,
    ProductRelatedProduct,
    ProductSpecification,
    ProductVariant,
)
from .removed import RemovedProduct  # noqa: F401
from .stock import Availability, StockRecord  # noqa: F401
