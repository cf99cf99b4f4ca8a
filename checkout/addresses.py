"""Country-aware address rules for the checkout form.

Postal codes are checked against each country's format, so a typo is caught
next to the field instead of by the carrier a week later.
"""

import re

from django.utils.translation import gettext_lazy as _

POSTAL_CODE_FORMATS = {
    "ES": (r"\d{5}", "28001"),
    "PT": (r"\d{4}-\d{3}", "1100-148"),
    "FR": (r"\d{5}", "75001"),
    "DE": (r"\d{5}", "10115"),
    "IT": (r"\d{5}", "00118"),
    "AD": (r"AD\d{3}", "AD500"),
    "BE": (r"\d{4}", "1000"),
    "NL": (r"\d{4} ?[A-Z]{2}", "1012 AB"),
    "AT": (r"\d{4}", "1010"),
    "IE": (r"[A-Z]\d{2} ?[A-Z0-9]{4}", "D02 X285"),
    "GB": (r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", "SW1A 1AA"),
    "US": (r"\d{5}(-\d{4})?", "94105"),
    "MX": (r"\d{5}", "06000"),
}
REGION_REQUIRED = {"US", "MX"}


def normalise_postal_code(country, postal_code):
    return re.sub(r"\s+", " ", (postal_code or "").strip().upper())


def postal_code_error(country, postal_code):
    """A message if the postal code does not fit the country's format, else None."""
    pattern = POSTAL_CODE_FORMATS.get(country)
    if not postal_code:
        return _("Enter the postal code.")
    if pattern and not re.fullmatch(pattern[0], postal_code):
        return _("This is not a postal code of the chosen country (for example %(example)s).") % {
            "example": pattern[1]
        }
    return None
