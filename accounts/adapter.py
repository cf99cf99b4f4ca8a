"""How django-allauth behaves in this shop (settings.ACCOUNT_ADAPTER points here).

- Its emails carry the shop's name (ShopSettings.shop_name) instead of the
  request's host name: the project does not install django.contrib.sites,
  so allauth would otherwise greet customers from "localhost".
- An account locked by too many failed logins gets the 429 page (HTTP 429
  with a readable reason), not just a form error a script could ignore.
"""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.core.exceptions import ValidationError
from wagtail.models import Site

from home.models import ShopSettings


@dataclass
class ShopSite:
    """Stands in for django.contrib.sites' Site in allauth's email templates (`current_site`)."""

    name: str
    domain: str


def shop_site(request):
    """The shop's name and the host the customer used, for the emails' greeting and signature."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    name = ShopSettings.for_site(site).shop_name if site is not None else ""
    domain = request.get_host() if request is not None else (site.hostname if site else "")
    return ShopSite(name=name or domain, domain=domain)


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject):
        """"[Shop name] Subject", like the shop's other emails are recognisable at a glance."""
        return f"[{shop_site(context.request).name}] {subject}"

    def send_mail(self, template_prefix, email, context_data):
        context_data = {"current_site": shop_site(context.request), **context_data}
        super().send_mail(template_prefix, email, context_data)

    def pre_authenticate(self, request, **credentials):
        """Too many failed logins for this account or from this address: answer 429 with the reason."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            raise ImmediateHttpResponse(respond_429(request)) from None


def user_display(user):
    """How allauth names a customer ("Signed in as …"): their email; customers never chose a username.

    Set as settings.ACCOUNT_USER_DISPLAY.
    """
    return user.email or user.get_username()
