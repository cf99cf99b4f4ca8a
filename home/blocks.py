"""StreamField blocks shared by every editorial page.

`BaseStreamBlock` is the one body block of home, standard, landing and blog
pages, so an editor meets the same choices everywhere, including the two
shoppable blocks that let any article sell.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading inside the text.")
        preview_value = {"text": "Cómo elegir tu cafetera", "level": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image_with_caption_block.html"
        description = _("An image across the text column, with an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A highlighted quotation with who said it.")
        preview_value = {"text": "El mejor café es el que se muele al momento.", "attribution": "Lucía, barista"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        description = _("A box with a title, a short text and a button to a page or a link.")
        preview_value = {"title": "Envío gratis desde 50 €", "text": "En toda la península.", "button_label": "Ver la tienda"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter a link (one of the two).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    questions = blocks.ListBlock(QuestionAnswerBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "blocks/faq_block.html"
        description = _("A list of questions, each with its answer.")
        preview_value = {
            "heading": "Preguntas frecuentes",
            "questions": [{"question": "¿Cuánto tarda el envío?", "answer": "<p>De 2 a 4 días laborables.</p>"}],
        }


class ProductCardBlock(blocks.StructBlock):
    product = blocks.PageChooserBlock(label=_("Product"), page_type="products.ProductPage")

    class Meta:
        icon = "tag"
        label = _("Product card")
        template = "blocks/product_card_block.html"
        description = _("One product with its live price, availability and a buy button.")


class ProductGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    products = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="products.ProductPage", label=_("Product")),
        label=_("Products"),
        min_num=1,
        max_num=12,
    )

    class Meta:
        icon = "table"
        label = _("Product grid")
        template = "blocks/product_grid_block.html"
        description = _("Several products side by side, with live prices and buy buttons.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        description=_("Formatted text with links and lists."),
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="blocks/embed_block.html",
        help_text=_("A YouTube or Vimeo link, for example."),
        description=_("A video or other media from a link."),
        max_width=800,
    )
    product = ProductCardBlock()
    product_grid = ProductGridBlock()

    class Meta:
        label = _("Body")
