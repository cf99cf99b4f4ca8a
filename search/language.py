"""Which language a page is indexed and searched in, and how its words are reduced.

Spanish pages are indexed with Spanish stemming, English pages with English
stemming, both without accents, so "cafe" finds "café" and "cafeteras" finds
"cafetera". A search runs in the language of the page it is made from (the
active Django language), which is also the only locale it returns.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from django.utils import translation

STEMMER_NAMES = {"es": "spanish", "en": "english"}
# PostgreSQL text search configurations created by search/migrations/0001.
POSTGRES_CONFIGS = {"es": "vitrina_es", "en": "vitrina_en"}
POSTGRES_AUTOCOMPLETE_CONFIG = "vitrina_simple"
WORD = re.compile(r"\w+")


def base_language(code):
    code = (code or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in STEMMER_NAMES else settings.LANGUAGE_CODE.split("-")[0]


def language_of(obj):
    """The language an indexed object is written in (its Wagtail locale)."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return base_language(None)
    return base_language(_locale_language(locale_id))


@lru_cache(maxsize=32)
def _locale_language(locale_id):
    from wagtail.models import Locale

    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


def search_language():
    """The language searches run in: the page's language during a request."""
    return base_language(translation.get_language())


def fold(text):
    """Lower case without accents: "Cafetera Eléctrica" -> "cafetera electrica"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMER_NAMES[language])


def stems(text, language):
    """Words of `text` reduced to accent-less stems: "Cafeteras de café" -> ["cafeter", "de", "caf"]."""
    words = WORD.findall(text.lower())
    return [fold(stem) for stem in _stemmer(language).stemWords(words)]
