"""Template tags of customer service: the blank "need help with this order?" form for the order page."""

from django import template

from support.forms import OrderHelpForm

register = template.Library()


@register.simple_tag
def order_help_form():
    return OrderHelpForm()
