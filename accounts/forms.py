"""Forms of the account pages: an address of the address book and the customer's name."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from checkout.addresses import REGION_REQUIRED, normalise_postal_code, postal_code_error
from checkout.forms import PHONE_PATTERN

from .models import Address


class AddressForm(forms.ModelForm):
    """One address; its postal code is checked against the country's format, as at checkout."""

    make_default = forms.BooleanField(label=_("Use as my default address"), required=False)

    class Meta:
        model = Address
        fields = ["label", "name", "phone", "country", "address_line1", "address_line2", "postal_code", "city",
                  "region"]
        labels = {
            "name": _("Full name"),
            "phone": _("Phone (optional)"),
            "address_line1": _("Address"),
            "address_line2": _("Apartment, floor, etc. (optional)"),
            "region": _("Province or state"),
            "label": _("Label (optional)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(RegexValidator(
            PHONE_PATTERN, _("Enter a phone number with digits only, optionally starting with +."),
        ))
        if self.instance.is_default:
            del self.fields["make_default"]

    def clean_postal_code(self):
        return normalise_postal_code(self.data.get("country"), self.cleaned_data.get("postal_code"))

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country and cleaned.get("postal_code"):
            error = postal_code_error(str(country), cleaned["postal_code"])
            if error:
                self.add_error("postal_code", error)
        if country in REGION_REQUIRED and not cleaned.get("region"):
            self.add_error("region", _("Enter the state or region."))
        return cleaned


class ProfileForm(forms.ModelForm):
    """The customer's name; the email address and password have allauth's own pages."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}
