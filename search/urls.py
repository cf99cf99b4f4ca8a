from django.urls import path
from django.utils.translation import pgettext_lazy

from . import autocomplete, views

app_name = "search"

urlpatterns = [
    # /es/buscar/ and /en/search/
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL path", "search/autocomplete/"), autocomplete.autocomplete, name="autocomplete"),
]
