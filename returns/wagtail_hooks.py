"""Wagtail admin wiring of returns: "Returns" and "Damaged stock" (the lead may move them into a menu group)."""

from wagtail import hooks

from .viewsets import DamagedStockViewSet, ReturnRequestViewSet


@hooks.register("register_admin_viewset")
def register_return_requests_viewset():
    return ReturnRequestViewSet("return_requests")


@hooks.register("register_admin_viewset")
def register_damaged_stock_viewset():
    return DamagedStockViewSet("damaged_stock")
