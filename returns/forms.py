"""Forms of returns: the customer's return request and the staff's action forms in the admin."""

import uuid

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from checkout.models import Payment
from checkout.refunds import refundable_amount, refundable_payments
from home.templatetags.site_tags import money

from .models import LineOutcome, ReturnReason
from .processing import suggested_refund

MAX_PHOTO_SIZE = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
LINE_PREFIX = "line_"


class ReturnRequestForm(forms.Form):
    """One quantity per order line (0 up to what can still be returned), a reason, a comment, a photo."""

    # No reason chosen beforehand: a preselected one would be sent by customers who never looked.
    reason = forms.ChoiceField(
        label=_("Why are you returning it?"), choices=[("", _("Choose a reason"))] + ReturnReason.choices,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything that helps us understand what happened."),
    )
    photo = forms.ImageField(
        label=_("Photo (optional)"), required=False,
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB."),
        error_messages={"invalid_image": _("This file is not a photo we can open. Send a JPEG, PNG or WebP image.")},
    )

    def __init__(self, *args, lines, returnable, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = [line for line in lines if returnable.get(line.pk)]
        self.returnable = returnable
        for line in self.lines:
            field = forms.IntegerField(label=_line_label(line), min_value=0, initial=0, required=False)
            field.line = line
            field.widget.attrs.update({"min": 0, "max": returnable[line.pk], "inputmode": "numeric"})
            self.fields[f"{LINE_PREFIX}{line.pk}"] = field

    def line_fields(self):
        return [self[f"{LINE_PREFIX}{line.pk}"] for line in self.lines]

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        if photo.size > MAX_PHOTO_SIZE:
            raise forms.ValidationError(
                _("The photo is too big (%(size)s). Send one of at most 5 MB.") % {"size": filesizeformat(photo.size)}
            )
        if getattr(photo, "image", None) is None or photo.image.format not in PHOTO_FORMATS:
            raise forms.ValidationError(self.fields["photo"].error_messages["invalid_image"])
        return photo

    def clean(self):
        cleaned_data = super().clean()
        known = {f"{LINE_PREFIX}{line.pk}" for line in self.lines}
        if any(name.startswith(LINE_PREFIX) and name not in known for name in self.data):
            raise forms.ValidationError(_("This return names a product that is not in this order."))
        for line in self.lines:
            name = f"{LINE_PREFIX}{line.pk}"
            units = cleaned_data.get(name)
            if units and units > self.returnable[line.pk]:
                self.add_error(name, _("You can return at most %(count)s of this product.") % {
                    "count": self.returnable[line.pk]})
        if not self.errors and not any(self.quantities().values()):
            raise forms.ValidationError(_("Choose at least one unit to return."))
        return cleaned_data

    def quantities(self):
        """{order line id: units} as typed (0 for empty)."""
        return {line.pk: self.cleaned_data.get(f"{LINE_PREFIX}{line.pk}") or 0 for line in self.lines}


def _line_label(line):
    title = f"{line.product_title} ({line.variant_label})" if line.variant_label else line.product_title
    return _("Units of %(product)s to return") % {"product": title}


# Staff forms in the admin

class ApproveForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the customer"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, how to send the parcel back."),
    )


class RejectForm(forms.Form):
    message = forms.CharField(
        label=_("Why it is rejected (sent to the customer)"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReceiveForm(forms.Form):
    """What becomes of each returned line: back to stock or to the damaged record."""

    note = forms.CharField(label=_("Note"), required=False, max_length=255)

    def __init__(self, *args, return_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.return_lines = list(return_request.lines.select_related("order_line"))
        for line in self.return_lines:
            self.fields[f"outcome_{line.pk}"] = forms.ChoiceField(
                label=f"{line.quantity} × {line.order_line.sku} {line.order_line.product_title}",
                choices=LineOutcome.choices, initial=LineOutcome.RESTOCK,
            )
        self.order_fields([*(f"outcome_{line.pk}" for line in self.return_lines), "note"])

    def outcomes(self):
        return {line.pk: self.cleaned_data[f"outcome_{line.pk}"] for line in self.return_lines}


class RefundForm(forms.Form):
    """Amount (the returned units' value by default) from one of the order's payments; key made when shown."""

    payment = forms.ModelChoiceField(label=_("Payment"), queryset=Payment.objects.none(), empty_label=None)
    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2, min_value=0.01)
    reason = forms.CharField(label=_("Note"), required=False, max_length=150)
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, return_request, **kwargs):
        super().__init__(*args, **kwargs)
        order = return_request.order
        payments = refundable_payments(order)
        self.fields["payment"].queryset = order.payments.filter(pk__in=[payment.pk for payment in payments])
        self.fields["payment"].label_from_instance = lambda payment: _(
            "%(method)s — %(left)s left of %(amount)s"
        ) % {"method": payment.get_method_display(), "left": money(refundable_amount(payment)),
             "amount": money(payment.amount)}
        if payments:
            self.fields["payment"].initial = payments[0].pk
            self.fields["amount"].initial = suggested_refund(return_request, payments[0])
        self.fields["key"].initial = uuid.uuid4().hex
