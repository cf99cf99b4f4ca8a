"""`{% preload_picture %}`: a preload hint for the image a page is about (its LCP image).

Wagtail's `{% picture %}` writes the `<picture>`; the browser only finds it
after parsing the body and the stylesheet. A `<link rel="preload">` in the head
starts the download at once. It takes the same specs and sizes as the
`{% picture %}` it speeds up, so it names the very same files, and it reuses
the image's prefetched renditions (no extra query).
"""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()


@register.simple_tag
def preload_picture(image, *specs, sizes):
    """`{% preload_picture image "fill-{480x480,960x960}" "format-{avif,webp}" sizes="100vw" %}`.

    Only the first format of the `<picture>`'s order (AVIF before WebP) is
    preloaded, with its `type`: a browser that cannot show it skips the hint
    instead of downloading a second copy of the image.
    """
    if not image:
        return ""
    # One spec per argument or several joined by "|", as {% picture %} accepts them.
    parts = [part for spec in specs for part in spec.replace("|", " ").split()]
    filters = [Filter(spec=spec) for spec in Filter.expand_spec(parts)]
    picture = Picture(get_renditions_or_not_found(image, filters))
    renditions, mime_type = picture.renditions, None
    for file_format in Picture.source_format_order:
        if file_format.name in picture.formats:
            renditions, mime_type = picture.formats[file_format.name], file_format.mime_type
            break
    attrs = {
        "rel": "preload", "as": "image", "type": mime_type,
        "imagesrcset": Picture.get_width_srcset(renditions), "imagesizes": sizes, "fetchpriority": "high",
    }
    return format_html("<link{}>", flatatt({name: value for name, value in attrs.items() if value}))
