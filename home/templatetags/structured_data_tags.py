"""{% structured_data %}: the page's schema.org JSON-LD, one <script> per object (see home.structured_data)."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.structured_data import structured_data as page_structured_data
from home.structured_data import to_json

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """Nothing on views that are not pages (cart, checkout, search)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((mark_safe(to_json(thing)),) for thing in page_structured_data(context.get("request"), page)),
    )
