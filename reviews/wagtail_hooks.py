"""Wagtail admin wiring of reviews: the moderation screens."""

from wagtail import hooks

from .viewsets import ReviewViewSet


@hooks.register("register_admin_viewset")
def register_review_viewset():
    return ReviewViewSet()
