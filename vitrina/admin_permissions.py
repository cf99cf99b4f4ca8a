"""Admin permissions for records that only change through their own actions (orders, returns, tickets, ...)."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ActionsOnlyPermissionPolicy(ModelPermissionPolicy):
    """The model's own permissions, except the generic forms named in `refused`, which nobody gets.

    Orders, returns and tickets change only through small action forms that call
    a service (and log who did what), so their generic add, edit and delete
    views are refused even to superusers; `view_<model>` still decides who sees them.
    """

    def __init__(self, model, refused=("add", "change", "delete"), **kwargs):
        super().__init__(model, **kwargs)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def register_actions_only(model, refused=("add", "change", "delete")):
    register_permission_policy(model, ActionsOnlyPermissionPolicy(model, refused), exact_class=True)
