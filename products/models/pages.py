"""The shop's pages: a nestable catalog index and the product page."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home import site_data
from home.blocks import BaseStreamBlock
from home.routing import KnownRestrictionsMixin

from ..forms import ProductPageForm
from ..panels import StockPanel
from .stock import Availability, StockRecord

# Price bands for search facets: (lower bound, upper bound) in the shop
# currency; a product falls in the band of its lowest variant price.
PRICE_BANDS = {1: (0, 25), 2: (25, 50), 3: (50, 100), 4: (100, 250), 5: (250, None)}


def price_band_for(price):
    if price is None:
        return None
    for band, (low, high) in PRICE_BANDS.items():
        if high is None or price < high:
            return band
    return None


SORT_ORDERS = {
    "": ("path",),
    "price": (models.F("lowest_price").asc(nulls_last=True), "title"),
    "-price": (models.F("lowest_price").desc(nulls_last=True), "title"),
    "newest": ("-first_published_at", "title"),
    "name": ("title",),
}


class ProductIndexPage(KnownRestrictionsMixin, Page):
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
        return site_data.public(ProductIndexPage.objects.child_of(self).live()).order_by("path")

    def products(self, category=None, sort="", available_only=False):
        """Live products in this category and its subcategories (price and stock columns: see ProductPage)."""
        products = site_data.public(ProductPage.objects.live().descendant_of(category or self)).filter(
            locale_id=self.locale_id
        )
        if available_only:
            products = products.filter(is_available=True)
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


class ProductPage(KnownRestrictionsMixin, Page):
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

    # Kept up to date on save (and on stock changes for is_available), so
    # search can filter, sort and count facets in SQL or Elasticsearch.
    category = models.ForeignKey(
        "products.ProductIndexPage", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("category"),
    )
    lowest_price = models.DecimalField(
        _("lowest price"), max_digits=10, decimal_places=2, null=True, blank=True, editable=False
    )
    price_band = models.PositiveSmallIntegerField(_("price band"), null=True, blank=True, editable=False)
    is_available = models.BooleanField(_("can be bought now"), default=False, editable=False)

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
        index.SearchField("title", boost=10),
        index.SearchField("brand", boost=3),
        index.AutocompleteField("brand"),
        index.SearchField("category_name", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.RelatedFields("variants", [
            index.SearchField("sku"), index.SearchField("option1"), index.SearchField("option2"),
        ]),
        index.RelatedFields("specifications", [index.SearchField("name"), index.SearchField("value")]),
        index.FilterField("brand"),
        index.FilterField("category"),
        index.FilterField("lowest_price"),
        index.FilterField("price_band"),
        index.FilterField("is_available"),
        index.FilterField("is_quote_only"),
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

    @classmethod
    def get_indexed_objects(cls):
        # category_name() is indexed: one join instead of a query per product.
        return super().get_indexed_objects().select_related("category")

    def category_name(self):
        return self.category.title if self.category_id and self.category else ""

    def refresh_search_fields(self):
        """Set the category, price and availability columns from the page as it is now."""
        parent = self.get_parent() if self.path else None
        self.category_id = parent.pk if parent and parent.specific_class is ProductIndexPage else None
        variants = list(self.variants.all())
        prices = [v.price for v in variants if v.price is not None]
        self.lowest_price = None if self.is_quote_only or not prices else min(prices)
        self.price_band = price_band_for(self.lowest_price)
        skus = [v.sku for v in variants if v.sku]
        self.is_available = not self.is_quote_only and StockRecord.objects.filter(sku__in=skus, quantity__gt=0).exists()

    def save(self, *args, **kwargs):
        self.refresh_search_fields()
        return super().save(*args, **kwargs)

    def option_names(self):
        return [name for name in (self.option1_name, self.option2_name) if name]

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogPage
        from home.streams import prepare_stream

        from ..display import prepare_products

        context = super().get_context(request, *args, **kwargs)
        related_products = _shown_pages(ProductPage, self.related_product_links, "related", self.locale_id)
        related_articles = _shown_pages(
            BlogPage, self.related_article_links.select_related("article__hero_image"), "article", self.locale_id,
            queryset=BlogPage.objects.select_related("hero_image"),
        )
        # The product and the ones it suggests share their queries, and the articles' pictures their renditions.
        prepare_products([self, *related_products], images=[article.hero_image for article in related_articles])
        prepare_stream(self.description, self.locale_id)
        variants = self.variant_list
        chosen_sku = request.GET.get("variant", "")
        selected = next((v for v in variants if v.sku == chosen_sku and v.can_be_bought), None)
        context.update(
            selected_variant=selected or self.default_variant,
            specifications=list(self.specifications.all()),
            related_products=related_products,
            related_articles=related_articles,
        )
        return context


def _shown_pages(model, links, field, locale_id, queryset=None):
    """The pages chosen in `links` as readers see them (home.localize.in_language), in their order.

    Usually they already are live, public and in the reader's language, and
    the links' own query says so; otherwise they are looked up in it.
    """
    from home.localize import in_language
    from home.site_data import in_private_section

    links = links.select_related(field)
    if isinstance(links, QuerySet):  # not a preview's in-memory links
        links = list(links.annotate(chosen_is_private=in_private_section(f"{field}__path")))
        chosen = [getattr(link, field) for link in links]
        if all(page.live and page.locale_id == locale_id and not link.chosen_is_private
               for link, page in zip(links, chosen)):
            return _unique(chosen)
    chosen = [getattr(link, field) for link in links]
    return _unique(in_language(model, chosen, locale_id, queryset=queryset))


def _unique(pages):
    """Drop empty slots and repeats (two links can resolve to the same translation)."""
    return list({page.pk: page for page in pages if page is not None}.values())
