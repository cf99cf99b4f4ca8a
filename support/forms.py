"""The customer's forms: contact, help with an order, and a reply on a ticket."""

from django import forms
from django.utils.translation import gettext_lazy as _

from checkout.models import Order

from .models import Ticket, TicketCategory

MESSAGE_MAX_LENGTH = 5000


def message_field():
    return forms.CharField(
        label=_("Message"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Tell us how we can help.")},
    )


class ContactForm(forms.ModelForm):
    """Anyone writes to the shop. An order number links the ticket only when the email matches that order's."""

    message = message_field()
    order_number = forms.CharField(
        label=_("Order number (optional)"), max_length=20, required=False,
        help_text=_("If your message is about an order, for instance V-00042."),
    )
    # Hidden from people (CSS and aria-hidden); bots fill in every field they find.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Ticket
        fields = ["name", "email", "subject", "category"]
        labels = {"name": _("Your name"), "email": _("Your email"), "subject": _("Subject"),
                  "category": _("What is it about?")}
        error_messages = {
            "name": {"required": _("Tell us your name.")},
            "email": {"required": _("We need your email to answer you."),
                      "invalid": _("Enter a valid email address, like ana@example.com.")},
            "subject": {"required": _("Give your message a subject.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = TicketCategory.choices
        self.order = None

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def clean_order_number(self):
        return self.cleaned_data["order_number"].strip().upper()

    def clean(self):
        cleaned_data = super().clean()
        number, email = cleaned_data.get("order_number"), cleaned_data.get("email")
        if number and email:
            order = Order.objects.filter(number=number).first()
            # One message for "no such order" and "not your order": nobody learns which orders exist.
            if order is None or order.email.strip().lower() != email.strip().lower():
                self.add_error("order_number", _(
                    "We can't find an order with this number and your email. Check both, or leave the number empty."
                ))
            else:
                self.order = order
        return cleaned_data


class OrderHelpForm(forms.ModelForm):
    """"Need help with this order?": the order gives the name, email and language."""

    message = message_field()

    class Meta:
        model = Ticket
        fields = ["category", "subject"]
        labels = {"category": _("What is it about?"), "subject": _("Subject")}
        error_messages = {"subject": {"required": _("Give your message a subject.")}}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_help_%s")
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = TicketCategory.choices


class CustomerReplyForm(forms.Form):
    message = message_field()
