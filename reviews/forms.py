"""The review form a verified buyer fills in: a rating 1–5, a title, a text and the name shown."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Review

RATING_CHOICES = [
    (5, _("5 stars: excellent")),
    (4, _("4 stars: good")),
    (3, _("3 stars: fair")),
    (2, _("2 stars: poor")),
    (1, _("1 star: very poor")),
]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5 stars.")},
    )
    title = forms.CharField(
        label=_("Title"), max_length=Review._meta.get_field("title").max_length,
        help_text=_("Sum up your opinion in a few words."),
    )
    body = forms.CharField(
        label=_("Your review"), min_length=10, max_length=Review._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What did you like or dislike? How do you use it?"),
    )
    author_name = forms.CharField(
        label=_("Name shown with your review"), max_length=Review._meta.get_field("author_name").max_length,
    )
