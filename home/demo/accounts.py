"""The demo's admin account: only where settings allow it (dev and test), never in production."""

import os
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model

ADMIN_USERNAME = "admin"
DEFAULT_PASSWORD = "vitrina-demo"


@dataclass
class AdminAccount:
    enabled: bool  # settings.VITRINA_CREATE_DEMO_ADMIN
    created: bool = False
    password: str | None = None  # shown only when it is known to work


def ensure_demo_admin():
    """Create the "admin" superuser if missing; an existing user's password is never changed."""
    if not getattr(settings, "VITRINA_CREATE_DEMO_ADMIN", False):
        return AdminAccount(enabled=False)
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_PASSWORD
    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD: ADMIN_USERNAME}).first()
    if user is None:
        User._default_manager.create_superuser(
            **{User.USERNAME_FIELD: ADMIN_USERNAME}, email="admin@vitrina.example", password=password
        )
        return AdminAccount(enabled=True, created=True, password=password)
    # Someone may have changed it since: only print the password if it still opens the door.
    return AdminAccount(enabled=True, password=password if user.check_password(password) else None)
