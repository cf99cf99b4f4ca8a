"""Customer accounts: sign-up, login, the account page, saved addresses.

The account itself is Django's user plus django-allauth's email addresses;
the only model of this app is the address book a customer fills to check
out faster.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Address(models.Model):
    """A delivery address a customer saved in their account; at most one is their default.

    The default address fills the checkout form of a logged-in customer. The
    fields mirror the address of `checkout.Order`, so one can be copied to the
    other field by field.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("customer"),
    )
    label = models.CharField(
        _("label"), max_length=50, blank=True, help_text=_("Optional, for example “Home” or “Work”."),
    )
    name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address_line1 = models.CharField(_("address"), max_length=200)
    address_line2 = models.CharField(_("apartment, floor, etc."), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20)
    city = models.CharField(_("city"), max_length=100)
    region = models.CharField(_("province or region"), max_length=100, blank=True)
    country = CountryField(_("country"))
    is_default = models.BooleanField(_("default address"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["-is_default", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(is_default=True), name="address_one_default_per_user",
            ),
        ]

    def __str__(self):
        return self.label or f"{self.name}, {self.address_line1}, {self.city}"

    @property
    def lines(self):
        """The address as it is printed on a label, one line per item, empty parts left out."""
        city = " ".join(part for part in (self.postal_code, self.city) if part)
        parts = [self.name, self.address_line1, self.address_line2, city, self.region, self.country.name, self.phone]
        return [part for part in parts if part]
