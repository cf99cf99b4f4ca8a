"""Admin screens whose records change only through small action forms on their detail page.

Orders, returns, tickets and reviews work the same way: the inspect view shows
one form per action, each posted to `action/<pk>/<name>/`, where the viewset's
`action_view_class` checks permission, calls a service and redirects back.
"""

from django.urls import path


class StaffActionsMixin:
    """Wires `action_view_class` into a ModelViewSet: the URL, and its name handed to the inspect view."""

    action_view_class = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(action_url_name=self.get_url_name("action"), **kwargs)

    @property
    def action_view(self):
        return self.action_view_class.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"action/<{self.pk_path_converter}:pk>/<slug:action>/", self.action_view, name="action"),
        ]
