"""Demo search promotions: marketing's guides pinned to the queries they answer.

Looked up by query and page first, so a second run adds nothing.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

PROMOTIONS = [
    ("cafetera", "como-elegir-tu-primera-cafetera", "Nuestra guía para elegir la primera cafetera."),
    ("coffee maker", "como-elegir-tu-primera-cafetera", "Our guide to choosing a first coffee maker."),
    ("molinillo", "molinillo-manual-o-electrico", "¿Manual o eléctrico? Te ayudamos a decidir."),
    ("grinder", "molinillo-manual-o-electrico", "Manual or electric? We help you decide."),
]


def build_search_promotions(registry):
    created = 0
    for query_string, page_key, description in PROMOTIONS:
        page = registry.pages.get(page_key)
        if page is None:
            continue
        query = Query.get(query_string)
        _promotion, was_created = SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": description, "sort_order": 0}
        )
        created += was_created
    return created
