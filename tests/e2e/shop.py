"""Building the shop the browser tests walk through."""

from products.stock import set_stock


def publish_product(shop_index, product, stock):
    """Publish `product` (variants already added) in the shop, then set units per SKU."""
    shop_index.add_child(instance=product)
    product.save_revision().publish()
    for sku, units in stock.items():
        set_stock(sku, units)
    return product
