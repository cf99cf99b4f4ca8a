"""'Did you mean…?' for searches that found nothing.

The vocabulary is the words of product titles, brands and category names in
the shop's language (cached for an hour), and a query word that is not in it
is replaced by its closest word there, if one is close enough.
"""

import difflib

from django.core.cache import cache

from products.models import ProductIndexPage, ProductPage

from .language import WORD, fold

VOCABULARY_PRODUCTS = 20_000  # the most recent ones: enough words, bounded cost
CACHE_SECONDS = 3600


def vocabulary(locale):
    key = f"search:vocabulary:{locale.pk}"
    words = cache.get(key)
    if words is None:
        products = ProductPage.objects.live().public().filter(locale=locale).order_by("-first_published_at")
        texts = list(products.values_list("title", flat=True)[:VOCABULARY_PRODUCTS])
        texts += list(products.exclude(brand="").values_list("brand", flat=True).distinct()[:1000])
        texts += list(ProductIndexPage.objects.live().filter(locale=locale).values_list("title", flat=True))
        words = sorted({fold(word) for text in texts for word in WORD.findall(text) if len(word) > 2})
        cache.set(key, words, CACHE_SECONDS)
    return words


def suggest(query, locale):
    words = vocabulary(locale)
    if not words:
        return None
    known = set(words)
    suggestion = []
    for word in query.split():
        folded = fold(word)
        if folded in known or len(folded) <= 2 or folded.isdigit():
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(folded, words, n=1, cutoff=0.75)
        suggestion.append(close[0] if close else word)
    suggested = " ".join(suggestion)
    return suggested if fold(suggested) != fold(query) else None
