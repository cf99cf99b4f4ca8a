"""The customer's quote request form.

B2B buyers ask for quotes, so the company is required; the product comes
from the URL, never from the form, and a variant can only be one of the
product's own SKUs.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from checkout.forms import PHONE_PATTERN

from .models import MAX_QUANTITY

# Shown on one line (and the company in an email subject): line breaks pasted into them become spaces.
SINGLE_LINE_FIELDS = ("company", "contact_name", "city", "region")


class QuoteRequestForm(forms.Form):
    company = forms.CharField(label=_("Company"), max_length=150)
    contact_name = forms.CharField(label=_("Contact name"), max_length=150)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = forms.RegexField(
        label=_("Phone (optional)"), regex=PHONE_PATTERN, max_length=40, required=False,
        error_messages={"invalid": _("Enter a phone number with digits only, optionally starting with +.")},
    )
    variant = forms.ChoiceField(label=_("Option (optional)"), required=False)
    quantity = forms.IntegerField(
        label=_("Quantity"), min_value=1, max_value=MAX_QUANTITY,
        error_messages={
            "invalid": _("Enter the number of units as a whole number."),
            "min_value": _("Ask for at least one unit."),
            "max_value": _("For more than %(limit_value)s units, write the quantity in the message."),
        },
    )
    city = forms.CharField(label=_("Delivery city"), max_length=100)
    region = forms.CharField(label=_("Province or state (optional)"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Delivery country"))
    message = forms.CharField(
        label=_("Message (optional)"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Anything that helps us price it: deadlines, customisation, how often you order."),
    )
    # Left empty by people; bots that fill every field are refused (see clean_website).
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, product, **kwargs):
        super().__init__(*args, **kwargs)
        self.product = product
        self.variants = {variant.sku: variant for variant in product.variant_list}
        if product.has_options:
            self.fields["variant"].choices = [("", _("Not sure yet"))] + [
                (variant.sku, variant.option_label or variant.sku) for variant in self.variants.values()
            ]
        else:
            del self.fields["variant"]
        self.fields["country"].choices = [("", _("Choose a country"))] + list(countries)
        self.fields["country"].initial = "ES"

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."), code="honeypot")
        return ""

    def clean(self):
        cleaned = super().clean()
        for name in SINGLE_LINE_FIELDS:
            if cleaned.get(name):
                cleaned[name] = " ".join(cleaned[name].split())
        sku = cleaned.get("variant") or ""
        if len(self.variants) == 1:
            sku = next(iter(self.variants))
        cleaned["chosen_variant"] = self.variants.get(sku)
        return cleaned
