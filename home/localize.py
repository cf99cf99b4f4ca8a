"""Show chosen pages in the reader's language.

Editors choose pages (products in blocks, related products and articles) in
one language; Wagtail's translation copy keeps those choices pointing at the
original. Before rendering, each chosen page is swapped for its live copy in
the reader's language, or kept as it is when it has no such copy (a product
not yet translated is still worth showing); drafts and private pages drop out.
"""

from .site_data import public


def in_language(model, chosen, locale_id, queryset=None):
    """Return a list parallel to `chosen`: each page's live version to show, or None."""
    chosen_keys = {page.translation_key for page in chosen if page is not None}
    if not chosen_keys:
        return [None for _page in chosen]
    queryset = queryset if queryset is not None else model.objects.all()
    live = {
        (page.translation_key, page.locale_id): page
        for page in public(queryset.live()).filter(translation_key__in=chosen_keys)
    }
    return [
        None if page is None
        else live.get((page.translation_key, locale_id)) or live.get((page.translation_key, page.locale_id))
        for page in chosen
    ]
