"""Admin screens of the sale that are not pages: shipping methods and discount codes.

Both live in the "Sales" menu (`SalesViewSetGroup`); more screens of the sale
(orders) join it by adding their viewset to the group's `items`. Each
ModelViewSet registers add/change/delete permissions for its model: only staff
granted them see the menu entry or reach the screens.
"""

from decimal import Decimal

from django import forms
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from home.templatetags.site_tags import money

from .admin_orders import OrderViewSet
from .models import DiscountCode, OrderStatus, ShippingMethod


def _money_or_blank(amount):
    return money(amount) if amount is not None else ""


def _countries(method):
    if method.is_pickup:
        return _("Local pickup")
    return ", ".join(country.code for country in method.countries)


class ShippingMethodForm(WagtailAdminModelForm):
    """Refuses a carrier without countries (it would never be offered); puts new methods last."""

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("is_pickup") and not cleaned_data.get("countries") and "countries" not in self.errors:
            self.add_error(
                "countries", forms.ValidationError(
                    _("Choose the countries this method delivers to, or mark it as local pickup."),
                    code="required",
                ),
            )
        return cleaned_data

    def save(self, commit=True):
        # sort_order is not nullable, so Wagtail's "place new rows last" never applies: do it here.
        if self.instance._state.adding:
            highest = ShippingMethod.objects.aggregate(highest=Max("sort_order"))["highest"]
            self.instance.sort_order = 0 if highest is None else highest + 1
        return super().save(commit)


class ShippingMethodViewSet(ModelViewSet):
    """Carrier services and local pickup; staff drag them into the order checkout lists them in."""

    model = ShippingMethod
    icon = "site"
    menu_label = _("Shipping methods")
    add_to_admin_menu = False
    url_prefix = "sales/shipping-methods"
    sort_order_field = "sort_order"
    list_display = [
        "name",
        Column("price", label=_("Price"), accessor=lambda method: money(method.price), sort_key="price"),
        Column("free_above", label=_("Free from"), accessor=lambda method: _money_or_blank(method.free_above),
               sort_key="free_above"),
        Column("countries", label=_("Countries served"), accessor=_countries),
        "delivery_promise",
        BooleanColumn("is_active", label=_("Offered at checkout"), sort_key="is_active"),
    ]
    list_filter = ["is_active", "is_pickup"]
    search_fields = ["name", "name_en", "delivery_promise"]
    search_backend_name = None
    edit_handler = ObjectList([
        MultiFieldPanel([FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
                         FieldRowPanel([FieldPanel("delivery_promise"), FieldPanel("delivery_promise_en")])],
                        heading=_("What the customer sees")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("price"), FieldPanel("free_above")])], heading=_("Price")),
        MultiFieldPanel([FieldPanel("is_pickup"), FieldPanel("countries")], heading=_("Where it delivers")),
        FieldPanel("is_active"),
    ], base_form_class=ShippingMethodForm)


class DiscountCodeIndexView(IndexView):
    """The code listing, with each code's uses counted in the same query (sortable)."""

    def get_base_queryset(self):
        # Uses counted like checkout.discounts.times_used: cancelled orders give theirs back.
        uses = Count("orders", filter=~Q(orders__status=OrderStatus.CANCELLED))
        return super().get_base_queryset().annotate(times_used=uses)


def _discount_value(code):
    if code.kind == DiscountCode.Kind.PERCENTAGE:
        percent = code.value if code.value != code.value.to_integral() else code.value.quantize(Decimal(1))
        return f"{number_format(percent)} %"
    if code.kind == DiscountCode.Kind.FIXED:
        return money(code.value)
    return _("Free shipping")


def _moment(value):
    # A plain date: Wagtail's DateColumn says "Just now" for any future moment.
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


def _uses(code):
    if code.usage_limit is None:
        return str(code.times_used)
    return f"{code.times_used} / {code.usage_limit}"


class DiscountCodeViewSet(ModelViewSet):
    """Codes customers type at checkout; the model's clean() upper-cases them and refuses duplicates."""

    model = DiscountCode
    icon = "decimal"
    menu_label = _("Discount codes")
    add_to_admin_menu = False
    url_prefix = "sales/discount-codes"
    index_view_class = DiscountCodeIndexView
    ordering = ["code"]
    list_display = [
        "code",
        "kind",
        Column("value", label=_("Value"), accessor=_discount_value),
        Column("valid_from", label=_("Valid from"), accessor=lambda code: _moment(code.valid_from),
               sort_key="valid_from"),
        Column("valid_until", label=_("Valid until"), accessor=lambda code: _moment(code.valid_until),
               sort_key="valid_until"),
        Column("times_used", label=_("Uses"), accessor=_uses, sort_key="times_used"),
        BooleanColumn("is_active", label=_("Active"), sort_key="is_active"),
    ]
    list_filter = ["is_active", "kind"]
    search_fields = ["code", "description"]
    search_backend_name = None
    panels = [
        MultiFieldPanel([FieldPanel("code"), FieldPanel("description"), FieldPanel("is_active")],
                        heading=_("Code")),
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("value")], heading=_("Discount")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")])],
                        heading=_("When it can be used")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("usage_limit"), FieldPanel("usage_limit_per_customer")]),
             FieldPanel("minimum_subtotal")],
            heading=_("Limits"),
        ),
    ]


class SalesViewSetGroup(ViewSetGroup):
    """The "Sales" admin menu. Add further sale screens (orders, ...) to `items`."""

    menu_label = _("Sales")
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (
        OrderViewSet("orders"),
        ShippingMethodViewSet("shipping_methods"),
        DiscountCodeViewSet("discount_codes"),
    )
