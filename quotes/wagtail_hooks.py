"""Wagtail admin wiring of quote requests: the sales inbox."""

from wagtail import hooks

from .viewsets import QuoteRequestViewSet


@hooks.register("register_admin_viewset")
def register_quote_request_viewset():
    return QuoteRequestViewSet()
