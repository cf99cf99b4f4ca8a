"""Turn the demo's short block tuples into StreamField data.

The data modules write bodies as tuples such as ("p", text) or
("grid", heading, product_slugs); here they become Wagtail's raw JSON form
(a list of {"type", "value", "id"} dicts, list items wrapped the way
ListBlock stores them), which a StreamField accepts on assignment.
Pages and images are looked up through the builder's registry, in the
language of the page being written.
"""

import uuid

from django.utils.html import escape


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _items(values):
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def rich_text(text):
    """Plain text becomes one paragraph; text that is already HTML is kept."""
    return text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>"


def to_stream(blocks, registry, locale):
    return [_convert(item, registry, locale) for item in blocks]


def _convert(item, registry, locale):
    kind, *args = item
    if kind == "p":
        return _block("paragraph", rich_text(args[0]))
    if kind in ("h2", "h3"):
        return _block("heading", {"text": args[0], "level": kind})
    if kind == "quote":
        return _block("quote", {"text": args[0], "attribution": args[1]})
    if kind == "product":
        return _block("product", {"product": registry.page(args[0], locale).pk})
    if kind == "grid":
        heading, slugs = args
        return _block("product_grid", {"heading": heading, "products": _items(
            [registry.page(slug, locale).pk for slug in slugs]
        )})
    if kind == "faq":
        heading, pairs = args
        return _block("faq", {"heading": heading, "questions": _items(
            [{"question": question, "answer": rich_text(answer)} for question, answer in pairs]
        )})
    if kind == "cta":
        title, text, label, target = args
        return _block("call_to_action", {
            "title": title, "text": text, "button_label": label, "page": registry.page(target, locale).pk, "url": "",
        })
    if kind == "image":
        key, caption, *alt = args
        image = registry.image(key)
        value = {"image": image.pk, "decorative": False, "alt_text": alt[0] if alt else image.description}
        return _block("image", {"image": value, "caption": caption})
    raise ValueError(f"Unknown demo block {kind!r}")
