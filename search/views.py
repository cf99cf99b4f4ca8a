"""Placeholder: the search page (being written)."""

from django.http import HttpResponse


def search(request):
    return HttpResponse("")
