"""Ready a page body's shoppable blocks for rendering in a fixed number of queries.

Product blocks store the chosen product page; before rendering, every product
in the body is swapped for its live copy in the page's language (see
home.localize) and its variants, images and stock are loaded for all blocks
at once.
"""

from .localize import in_language


def product_slots(stream_value):
    """Yield (container, key, product) for every product chosen in the body."""
    for child in stream_value:
        if child.block_type == "product":
            yield child.value, "product", child.value["product"]
        elif child.block_type == "product_grid":
            products = child.value["products"]
            for index, product in enumerate(products):
                yield products, index, product


def prepare_stream(stream_value, locale_id, images=()):
    """`images`: the page's other images, whose renditions come in the products' query."""
    from products.display import prepare_products, prefetch_renditions
    from products.models import ProductPage

    slots = list(product_slots(stream_value))
    if not slots:
        prefetch_renditions(images)
        return stream_value
    shown = in_language(ProductPage, [product for _container, _key, product in slots], locale_id)
    for (container, key, _product), page in zip(slots, shown):
        container[key] = page
    prepare_products(list({page.pk: page for page in shown if page is not None}.values()), images=images)
    return stream_value
