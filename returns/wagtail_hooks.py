"""Wagtail admin wiring of returns: the "Returns" screens (the lead may move them into a menu group)."""

from wagtail import hooks

from .viewsets import ReturnRequestViewSet


@hooks.register("register_admin_viewset")
def register_return_requests_viewset():
    return ReturnRequestViewSet("return_requests")
