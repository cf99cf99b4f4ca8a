"""The checkout form: contact, address, shipping, discount, payment and consent.

Nothing here trusts the browser beyond ids it picks from lists the server
made: the shipping method is looked up among those serving the country, the
discount code is checked again, and all amounts are recomputed elsewhere.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .addresses import REGION_REQUIRED, normalise_postal_code, postal_code_error
from .discounts import DiscountRefused, find_discount
from .models import PaymentMethod
from .shipping import available_methods, get_available_method

PHONE_PATTERN = r"^\+?[0-9 ()./-]{6,25}$"


def countries_served():
    codes = set()
    for method in available_methods():
        codes.update(country.code for country in method.countries)
    return sorted(((code, countries.name(code)) for code in codes), key=lambda item: item[1])


class CheckoutForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.RegexField(
        label=_("Phone"), regex=PHONE_PATTERN, max_length=40,
        error_messages={"invalid": _("Enter a phone number with digits only, optionally starting with +.")},
        help_text=_("For the carrier, if they need to reach you."),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    address_line1 = forms.CharField(label=_("Address"), max_length=200, required=False)
    address_line2 = forms.CharField(label=_("Apartment, floor, etc. (optional)"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    region = forms.CharField(label=_("Province or state"), max_length=100, required=False)
    shipping_method = forms.ChoiceField(label=_("Shipping method"), widget=forms.RadioSelect)
    discount_code = forms.CharField(label=_("Discount code (optional)"), max_length=40, required=False)
    payment_method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)
    accept_terms = forms.BooleanField(
        label=_("I have read and accept the terms and conditions"),
        error_messages={"required": _("Please accept the terms and conditions to place the order.")},
    )
    checkout_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, subtotal, store, **kwargs):
        """`store` is the site's CheckoutSettings (which payment methods are offered)."""
        super().__init__(*args, **kwargs)
        self.subtotal = subtotal
        self.discount = None
        self.fields["country"].choices = [("", _("Choose a country"))] + countries_served()
        self.fields["shipping_method"].choices = [(str(m.pk), m.display_name) for m in available_methods()]
        offered = [
            (PaymentMethod.PAYPAL, store.offers_paypal),
            (PaymentMethod.BANK_TRANSFER, store.offers_bank_transfer),
            (PaymentMethod.CASH_ON_DELIVERY, store.offers_cash_on_delivery),
        ]
        self.fields["payment_method"].choices = [(m.value, m.label) for m, on in offered if on]

    def clean_postal_code(self):
        return normalise_postal_code(self.data.get("country"), self.cleaned_data.get("postal_code"))

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country") or ""
        method = get_available_method(cleaned.get("shipping_method"), country or None)
        if cleaned.get("shipping_method") and method is None:
            self.add_error("shipping_method", _("This shipping method does not deliver to the chosen country."))
        cleaned["shipping_method_object"] = method
        if method is not None and not method.is_pickup:
            self._check_address(cleaned, country)
        self._check_discount(cleaned)
        return cleaned

    def _check_address(self, cleaned, country):
        if not country:
            self.add_error("country", _("Choose the country to deliver to."))
            return
        for field, message in (("address_line1", _("Enter the street and number.")), ("city", _("Enter the city."))):
            if not cleaned.get(field):
                self.add_error(field, message)
        error = postal_code_error(country, cleaned.get("postal_code"))
        if error:
            self.add_error("postal_code", error)
        if country in REGION_REQUIRED and not cleaned.get("region"):
            self.add_error("region", _("Enter the state or region."))

    def _check_discount(self, cleaned):
        text = (cleaned.get("discount_code") or "").strip()
        if not text:
            return
        try:
            self.discount = find_discount(text, subtotal=self.subtotal, email=cleaned.get("email"))
        except DiscountRefused as refused:
            self.add_error("discount_code", refused.message)
