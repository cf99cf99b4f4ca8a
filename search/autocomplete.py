"""Placeholder: the autocomplete JSON endpoint (being written)."""

from django.http import JsonResponse


def autocomplete(request):
    return JsonResponse({"results": []})
