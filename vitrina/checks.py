"""Deploy checks that stand in for Django's where Vitrina does the job itself."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_https_redirect(app_configs, **kwargs):
    # Replaces security.W008, silenced because Vitrina's own middleware redirects.
    if not getattr(settings, "VITRINA_HTTPS_REDIRECT", False):
        return [
            Warning(
                "VITRINA_HTTPS_REDIRECT is off: plain http requests are not redirected to https.",
                hint="Leave HTTPS_REDIRECT unset or true in production.",
                id="vitrina.W001",
            )
        ]
    return []
