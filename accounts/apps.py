"""Customer accounts: sign-up, login, the account page, saved addresses."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Customer accounts")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the login and email-confirmation receivers)
