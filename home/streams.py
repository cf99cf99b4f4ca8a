"""Ready a page body's shoppable blocks for rendering in a fixed number of queries.

Product blocks store the chosen product page; before rendering, every product
in the body is swapped for its live copy in the page's language (an English
article shows the English product) and its variants, images and stock are
loaded for all blocks at once.
"""


def product_slots(stream_value):
    """Yield (container, key, product) for every product chosen in the body."""
    for child in stream_value:
        if child.block_type == "product":
            yield child.value, "product", child.value["product"]
        elif child.block_type == "product_grid":
            products = child.value["products"]
            for index, product in enumerate(products):
                yield products, index, product


def prepare_stream(stream_value, locale_id):
    from products.display import prepare_products
    from products.models import ProductPage

    slots = list(product_slots(stream_value))
    chosen = [product for _container, _key, product in slots if product is not None]
    if not chosen:
        return stream_value
    live = {
        (page.translation_key, page.locale_id): page
        for page in ProductPage.objects.live().public().filter(
            translation_key__in={p.translation_key for p in chosen}
        )
    }
    shown = []
    for container, key, product in slots:
        page = None
        if product is not None:
            page = live.get((product.translation_key, locale_id)) or live.get(
                (product.translation_key, product.locale_id)
            )
        container[key] = page
        if page is not None:
            shown.append(page)
    prepare_products(list({page.pk: page for page in shown}.values()))
    return stream_value
