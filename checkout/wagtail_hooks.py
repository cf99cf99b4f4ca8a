"""Wagtail admin wiring of the checkout app: the "Sales" menu and its screens."""

from wagtail import hooks

from .viewsets import SalesViewSetGroup


@hooks.register("register_admin_viewset")
def register_sales_viewsets():
    return SalesViewSetGroup()
