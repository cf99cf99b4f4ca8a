"""Site-wide pages and settings: the home page, standard pages and the shop's footer details."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import site_data
from .blocks import BaseStreamBlock
from .routing import KnownRestrictionsMixin
from .streams import prepare_stream


class HomePage(KnownRestrictionsMixin, Page):
    """The root of a language's site: hero, editor-chosen blocks, latest articles."""

    hero_text = models.TextField(_("hero text"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("hero image"),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("hero button page"),
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_text"), FieldPanel("hero_image"), FieldPanel("hero_link"), FieldPanel("hero_link_label")],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "blog.BlogIndexPage", "products.ProductIndexPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogPage

        context = super().get_context(request, *args, **kwargs)
        prepare_stream(self.body, self.locale_id)
        context["latest_articles"] = (
            site_data.public(BlogPage.objects.live().descendant_of(self)).select_related("hero_image", "author")
            .prefetch_related("hero_image__renditions").order_by("-date", "-pk")[:3]
        )
        return context


class StandardPage(KnownRestrictionsMixin, Page):
    """A page of text and blocks: about us, policies, FAQ, campaign landing pages."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("header image"),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("image"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard or landing page")
        verbose_name_plural = _("standard and landing pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prepare_stream(self.body, self.locale_id)
        return context


@register_setting(icon="site")
class ShopSettings(BaseSiteSetting):
    """Who runs the shop and how to reach it: shown in every page's footer."""

    shop_name = models.CharField(_("shop name"), max_length=80, default="Vitrina")
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    opening_hours = models.CharField(_("customer service hours"), max_length=120, blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    accepts_paypal = models.BooleanField(_("PayPal"), default=True)
    accepts_cards = models.BooleanField(_("cards (through PayPal)"), default=True)
    accepts_bank_transfer = models.BooleanField(_("bank transfer"), default=True)
    accepts_cash_on_delivery = models.BooleanField(_("cash on delivery"), default=False)
    customer_service_email = models.EmailField(
        _("customer service email"), blank=True,
        help_text=_("New tickets and return requests are announced here. Empty: the contact email."),
    )
    sales_email = models.EmailField(
        _("sales team email"), blank=True,
        help_text=_("New quote requests are sent here. Empty: the contact email."),
    )
    live_chat_snippet = models.TextField(
        _("live chat snippet"), blank=True,
        help_text=_("Paste the embed code your chat service gives you. It is added to public pages, never to "
                    "the cart, checkout, order or account pages. Leave empty for no chat."),
    )
    live_chat_needs_consent = models.BooleanField(
        _("load the chat only after cookie consent"), default=False,
        help_text=_("Tick this when the site asks for cookie consent: the chat then loads only once the visitor "
                    "has accepted functional cookies."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("shop_name"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("address"),
             FieldPanel("opening_hours")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("customer_service_email"), FieldPanel("sales_email")],
            heading=_("Who is told about new requests"),
        ),
        MultiFieldPanel(
            [FieldPanel("live_chat_snippet"), FieldPanel("live_chat_needs_consent")],
            heading=_("Live chat"),
        ),
        MultiFieldPanel(
            [FieldPanel("instagram_url"), FieldPanel("facebook_url"), FieldPanel("x_url"), FieldPanel("youtube_url")],
            heading=_("Social networks"),
        ),
        MultiFieldPanel(
            [FieldPanel("accepts_paypal"), FieldPanel("accepts_cards"), FieldPanel("accepts_bank_transfer"),
             FieldPanel("accepts_cash_on_delivery")],
            heading=_("Payment methods accepted"),
        ),
    ]

    class Meta:
        verbose_name = _("shop details")

    def social_links(self):
        links = [("Instagram", self.instagram_url), ("Facebook", self.facebook_url), ("X", self.x_url),
                 ("YouTube", self.youtube_url)]
        return [(name, url) for name, url in links if url]

    def payment_methods(self):
        methods = [
            (self.accepts_paypal, _("PayPal")),
            (self.accepts_cards, _("Credit and debit cards")),
            (self.accepts_bank_transfer, _("Bank transfer")),
            (self.accepts_cash_on_delivery, _("Cash on delivery")),
        ]
        return [label for accepted, label in methods if accepted]


site_data.connect()
