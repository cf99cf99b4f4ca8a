"""Form fields of the account pages rendered accessibly: the input names its hint and its error."""

from django import template

register = template.Library()


@register.simple_tag
def field_widget(field, autocomplete=""):
    """The field's input, tied by aria-describedby to its hint and error, and marked invalid when it has one.

    The ids match accounts/includes/field.html ("<id>-hint", "<id>-error").
    """
    described_by = []
    attrs = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return field.as_widget(attrs=attrs)
