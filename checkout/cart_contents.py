"""Reading the cart: each line at today's price and stock, flagged when it cannot be bought.

Kept apart from the services in checkout.cart that change the cart; import
both from there.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Site

from home.localize import in_language
from products.display import prepare_products
from products.models import ProductPage, ProductVariant

from .models import CheckoutSettings
from .money import quantize
from .pricing import compute_totals, line_total


def max_quantity_per_line(site=None):
    """The store's cap on units per cart line (CheckoutSettings) for `site`, or the default site."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CheckoutSettings._meta.get_field("max_quantity_per_line").default
    return CheckoutSettings.for_site(site).max_quantity_per_line


@dataclass
class CartItem:
    """One cart line as the customer sees it, at today's price; `problem` says why it cannot be bought."""

    sku: str
    quantity: int
    title: str
    product: ProductPage | None  # the live page to link to; None when there is none any more
    variant: ProductVariant | None  # None when the line cannot be bought at all
    max_quantity: int = 0  # min(stock, store maximum per line)
    problem: str = ""
    problem_code: str = ""  # "unavailable", "out_of_stock", "only_n_left" or "over_limit"
    error: str = ""  # set by the cart page: why a change to this line was just refused

    @property
    def has_problem(self):
        return bool(self.problem_code)

    @property
    def option_label(self):
        return self.variant.option_label if self.variant else ""

    @property
    def image(self):
        return self.product.main_image if self.product else None

    @property
    def unit_price(self):
        return self.variant.price if self.variant else None

    @property
    def compare_at_price(self):
        return self.variant.compare_at_price if self.variant else None

    @property
    def line_total(self):
        return line_total(self.variant.price, self.quantity) if self.variant else None

    @property
    def availability(self):
        return self.variant.availability if self.variant else None


@dataclass
class CartContents:
    """Every line of a cart, the subtotal of the lines that can be bought, and the unit count."""

    items: list

    @property
    def count(self):
        """Units in the cart, flagged lines included: they are still in it until removed."""
        return sum(item.quantity for item in self.items)

    @cached_property
    def subtotal(self):
        return cart_subtotal(self.items)

    @property
    def has_problems(self):
        return any(item.has_problem for item in self.items)

    @property
    def buyable_items(self):
        return [item for item in self.items if not item.has_problem]

    def item(self, sku):
        return next((item for item in self.items if item.sku == sku), None)


def cart_subtotal(items):
    """Subtotal of the lines that can be bought, computed by checkout.pricing like every other total."""
    buyable = [(item.unit_price, item.quantity) for item in items if not item.has_problem]
    if not buyable:
        return quantize(0, settings.VITRINA_CURRENCY)  # no need to read the tax settings for nothing
    return compute_totals(buyable).subtotal


def cart_contents(cart, *, max_per_line=None):
    """The cart's lines at today's prices and stock, each in the reader's language when translated.

    Runs a fixed number of queries whatever the number of lines
    (products.display.prepare_products loads variants, images and stock at once).
    """
    lines = list(cart.lines.select_related("product")) if cart is not None and cart.pk is not None else []
    if not lines:
        return CartContents(items=[])
    limit = max_per_line or max_quantity_per_line()
    products = [line.product for line in lines]
    in_reader_language = in_language(ProductPage, products, Locale.get_active().pk)
    # No locale: in_language then keeps each page in its own language, i.e. the page it was added from.
    as_added = in_language(ProductPage, products, None)
    # One object per page, so every line reads the variants and images prepared here.
    pages = {}
    for page in in_reader_language + as_added:
        if page is not None:
            pages.setdefault(page.pk, page)
    prepare_products(list(pages.values()))
    return CartContents(items=[
        _item(line, page and pages[page.pk], original and pages[original.pk], limit)
        for line, page, original in zip(lines, in_reader_language, as_added)
    ])


def _item(line, shown, original, limit):
    """Read one line; a translation that lacks the SKU falls back to the page it was added from."""
    product, variant = None, None
    for page in (shown, original):
        variant = _variant_with_sku(page, line.sku)
        if variant is not None:
            product = page
            break
    page = product or shown or original
    title = page.title if page else (line.product.title if line.product else line.sku)
    item = CartItem(sku=line.sku, quantity=line.quantity, title=title, product=page, variant=variant)
    if variant is None or product.is_quote_only:
        item.variant = None
        item.problem_code, item.problem = "unavailable", _("No longer available.")
        return item
    stock = variant.stock_quantity
    item.max_quantity = max(min(stock, limit), 0)
    if stock <= 0:
        item.problem_code, item.problem = "out_of_stock", _("Out of stock.")
    elif line.quantity > stock:
        item.problem_code = "only_n_left"
        item.problem = ngettext("Only %(count)s left.", "Only %(count)s left.", stock) % {"count": stock}
    elif line.quantity > limit:
        item.problem_code = "over_limit"
        item.problem = _("At most %(count)s per order.") % {"count": limit}
    return item


def _variant_with_sku(page, sku):
    if page is None:
        return None
    return next((variant for variant in page.variant_list if variant.sku == sku), None)
