"""The shop's pages: a nestable catalog index and the product page."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Exists, Min, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock

from ..forms import ProductPageForm
from ..panels import StockPanel
from .parts import ProductVariant
from .stock import Availability, StockRecord

SORT_ORDERS = {
    "": ("path",),
    "price": ("lowest_price", "title"),
    "-price": ("-lowest_price", "title"),
    "newest": ("-first_published_at", "title"),
    "name": ("title",),
}


class ProductIndexPage(Page):
    """The shop, or one category of it: lists every live product below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("image"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("image")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "products.ProductIndexPage"]
    subpage_types = ["products.ProductIndexPage", "products.ProductPage"]

    class Meta:
        verbose_name = _("shop or category")
        verbose_name_plural = _("shop and categories")

    def subcategories(self):
        return ProductIndexPage.objects.child_of(self).live().public().order_by("path")

    def products(self, category=None, sort="", available_only=False):
        """Live products in this category and its subcategories, with their lowest price."""
        in_stock = ProductVariant.objects.filter(
            product=OuterRef("pk"), sku__in=StockRecord.objects.filter(quantity__gt=0).values("sku")
        )
        products = (
            ProductPage.objects.live().public().descendant_of(category or self)
            .filter(locale_id=self.locale_id)
            .annotate(lowest_price=Min("variants__price"), in_stock=Exists(in_stock))
        )
        if available_only:
            products = products.filter(in_stock=True, is_quote_only=False)
        return products.order_by(*SORT_ORDERS.get(sort, SORT_ORDERS[""]))

    def get_context(self, request, *args, **kwargs):
        from ..display import prepare_products

        context = super().get_context(request, *args, **kwargs)
        subcategories = list(self.subcategories())
        category = next((c for c in subcategories if c.slug == request.GET.get("category")), None)
        sort = request.GET.get("sort", "")
        if sort not in SORT_ORDERS:
            sort = ""
        available_only = request.GET.get("available") == "1"
        paginator = Paginator(self.products(category, sort, available_only), settings.VITRINA_PRODUCTS_PER_PAGE)
        try:
            products = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            products = paginator.page(1)
        except EmptyPage:
            products = paginator.page(paginator.num_pages)
        # A list, so the template reuses the prefetched rows instead of querying again.
        products.object_list = prepare_products(products.object_list)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_query=query.urlencode(),
            products=products,
            subcategories=subcategories,
            selected_category=category,
            sort=sort,
            sort_choices=[
                ("", _("Featured")),
                ("price", _("Price: low to high")),
                ("-price", _("Price: high to low")),
                ("newest", _("Newest")),
                ("name", _("Name")),
            ],
            available_only=available_only,
        )
        return context


class ProductPage(Page):
    """A product: text, gallery and variants are content; stock is not (see StockRecord)."""

    brand = models.CharField(_("brand"), max_length=80, blank=True)
    summary = models.TextField(
        _("summary"), max_length=300, blank=True,
        help_text=_("One or two sentences shown on product cards and under the title."),
    )
    description = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    option1_name = models.CharField(
        _("option 1"), max_length=40, blank=True, help_text=_("For example “Size”. Empty if the product has no options.")
    )
    option2_name = models.CharField(_("option 2"), max_length=40, blank=True, help_text=_("For example “Colour”."))
    is_quote_only = models.BooleanField(
        _("quote only"), default=False,
        help_text=_("Sold on request: the page shows no price and no buy button, only a quote request."),
    )

    base_form_class = ProductPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("brand"), FieldPanel("is_quote_only")]),
        FieldPanel("summary"),
        InlinePanel("gallery_images", label=_("Gallery"), heading=_("Gallery")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("option1_name"), FieldPanel("option2_name")]),
                InlinePanel("variants", label=_("Variant"), min_num=1),
                StockPanel(heading=_("Stock (published variants)")),
            ],
            heading=_("Variants and prices"),
            help_text=_("Stock is not edited here: it lives in Shop › Stock, so old revisions never change it."),
        ),
        InlinePanel("specifications", label=_("Specification"), heading=_("Specifications")),
        InlinePanel("related_product_links", label=_("Related product"), heading=_("Related products")),
        InlinePanel("related_article_links", label=_("Related article"), heading=_("Related articles")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("brand"),
        index.RelatedFields("variants", [index.SearchField("sku")]),
    ]

    parent_page_types = ["products.ProductIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")

    # What cards and the product page show, from prefetched variants
    # (see products.display.prepare_products).

    @property
    def variant_list(self):
        return list(self.variants.all())

    @property
    def main_image(self):
        images = list(self.gallery_images.all())
        return images[0].image if images else None

    @property
    def default_variant(self):
        variants = self.variant_list
        return next((v for v in variants if v.can_be_bought), variants[0] if variants else None)

    @property
    def price_from(self):
        prices = [v.price for v in self.variant_list]
        return min(prices) if prices else None

    @property
    def has_price_range(self):
        return len({v.price for v in self.variant_list}) > 1

    @property
    def is_on_sale(self):
        return any(v.is_on_sale for v in self.variant_list)

    @property
    def has_options(self):
        return len(self.variant_list) > 1 or any(v.option_label for v in self.variant_list)

    @property
    def availability(self):
        if self.is_quote_only:
            return Availability.ON_REQUEST
        levels = {v.availability for v in self.variant_list}
        for level in (Availability.IN_STOCK, Availability.LOW_STOCK):
            if level in levels:
                return level
        return Availability.OUT_OF_STOCK

    def option_names(self):
        return [name for name in (self.option1_name, self.option2_name) if name]

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogPage
        from home.localize import in_language
        from home.streams import prepare_stream

        from ..display import prepare_products

        context = super().get_context(request, *args, **kwargs)
        prepare_products([self])
        prepare_stream(self.description, self.locale_id)
        variants = self.variant_list
        chosen_sku = request.GET.get("variant", "")
        selected = next((v for v in variants if v.sku == chosen_sku and v.can_be_bought), None)
        product_links = self.related_product_links.select_related("related")
        related_products = in_language(ProductPage, [link.related for link in product_links], self.locale_id)
        article_links = self.related_article_links.select_related("article")
        related_articles = in_language(
            BlogPage, [link.article for link in article_links], self.locale_id,
            queryset=BlogPage.objects.select_related("hero_image").prefetch_related("hero_image__renditions"),
        )
        context.update(
            selected_variant=selected or self.default_variant,
            specifications=list(self.specifications.all()),
            related_products=prepare_products(_unique(related_products)),
            related_articles=_unique(related_articles),
        )
        return context


def _unique(pages):
    """Drop empty slots and repeats (two links can resolve to the same translation)."""
    return list({page.pk: page for page in pages if page is not None}.values())
