"""StreamField children in the JSON form Wagtail stores, for page bodies."""

import uuid


def heading_block(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph_block(html):
    return {"type": "paragraph", "value": html}


def image_block(image, caption="", alt_text="Texto alternativo"):
    return {
        "type": "image",
        "value": {"image": {"image": image.pk, "decorative": False, "alt_text": alt_text}, "caption": caption},
    }


def quote_block(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def call_to_action_block(title, button_label, page=None, url="", text=""):
    return {
        "type": "call_to_action",
        "value": {
            "title": title, "text": text, "button_label": button_label,
            "page": page.pk if page else None, "url": url,
        },
    }


def faq_block(heading, questions):
    return {
        "type": "faq",
        "value": {
            "heading": heading,
            "questions": [{"question": question, "answer": answer} for question, answer in questions],
        },
    }


def embed_block(url):
    return {"type": "embed", "value": url}


def product_block(product):
    return {"type": "product", "value": {"product": product.pk}}


def product_grid_block(products, heading=""):
    return {"type": "product_grid", "value": {"heading": heading, "products": [
        {"type": "item", "value": product.pk, "id": str(uuid.uuid4())} for product in products
    ]}}
