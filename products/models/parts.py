"""The parts of a product page: variants, gallery, specifications, related items.

They are child rows of the page (modelcluster), so they are page content:
they go through drafts, revisions and scheduled publishing with the page.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .stock import Availability, availability_for

sku_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
    _("Use letters, digits, dots, dashes and underscores only, starting with a letter or digit."),
)


class ProductVariant(Orderable):
    """One buyable version of a product (a size, a colour), with its own SKU and price.

    A product without options has a single variant with empty option values.
    Stock is looked up by SKU in `StockRecord`, never stored here.
    """

    product = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(
        _("SKU"), max_length=64, validators=[sku_validator], help_text=_("Unique across the shop.")
    )
    option1 = models.CharField(_("option 1 value"), max_length=60, blank=True)
    option2 = models.CharField(_("option 2 value"), max_length=60, blank=True)
    price = models.DecimalField(
        _("price"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Price including tax."),
    )
    compare_at_price = models.DecimalField(
        _("compare-at price"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The former price, shown crossed out when the product is on sale. Must be above the price."),
    )
    weight = models.DecimalField(
        _("weight (kg)"), max_digits=8, decimal_places=3, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )

    panels = [
        FieldRowPanel([FieldPanel("sku"), FieldPanel("option1"), FieldPanel("option2")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("compare_at_price"), FieldPanel("weight")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("variant")
        verbose_name_plural = _("variants")
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gte=0), name="variant_price_not_negative"),
            models.CheckConstraint(
                condition=models.Q(compare_at_price__isnull=True) | models.Q(compare_at_price__gt=models.F("price")),
                name="variant_compare_at_above_price",
            ),
        ]

    def __str__(self):
        return f"{self.sku} {self.option_label}".strip()

    def clean(self):
        super().clean()
        if self.compare_at_price is not None and self.price is not None and self.compare_at_price <= self.price:
            raise ValidationError(
                {"compare_at_price": _("The compare-at price must be higher than the price, or left empty.")}
            )

    @property
    def option_label(self):
        return " / ".join(value for value in (self.option1, self.option2) if value)

    @property
    def is_on_sale(self):
        return self.compare_at_price is not None and self.compare_at_price > self.price

    def _load_stock(self):
        """Stock for this SKU; `products.display.attach_stock` fills it in bulk instead."""
        from .stock import StockRecord

        record = StockRecord.objects.filter(sku=self.sku).first()
        self._stock_quantity = record.quantity if record else 0
        self._stock_threshold = record.threshold if record else 0

    @property
    def stock_quantity(self):
        if not hasattr(self, "_stock_quantity"):
            self._load_stock()
        return self._stock_quantity

    @property
    def availability(self):
        if self.product.is_quote_only:
            return Availability.ON_REQUEST
        if not hasattr(self, "_stock_quantity"):
            self._load_stock()
        return availability_for(self._stock_quantity, self._stock_threshold)

    @property
    def can_be_bought(self):
        return self.availability in (Availability.IN_STOCK, Availability.LOW_STOCK)


class ProductImage(Orderable):
    """One image of a product's gallery; the first one is the product's main image."""

    product = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image"))
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")


class ProductSpecification(Orderable):
    """A name/value line of the specifications table (material, capacity, ...)."""

    product = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="specifications")
    name = models.CharField(_("name"), max_length=80)
    value = models.CharField(_("value"), max_length=250)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("specification")
        verbose_name_plural = _("specifications")


class ProductRelatedProduct(Orderable):
    product = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="related_product_links")
    related = models.ForeignKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("product")
    )

    panels = [PageChooserPanel("related", "products.ProductPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related product")
        verbose_name_plural = _("related products")


class ProductRelatedArticle(Orderable):
    product = ParentalKey("products.ProductPage", on_delete=models.CASCADE, related_name="related_article_links")
    article = models.ForeignKey("blog.BlogPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("article"))

    panels = [PageChooserPanel("article", "blog.BlogPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
