"""Admin screens of the catalog that are not pages: stock."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ProductVariant, StockRecord


class StockIndexView(IndexView):
    def get_base_queryset(self):
        # The product a SKU belongs to (Spanish copy first), in the same query.
        titles = ProductVariant.objects.filter(sku=OuterRef("sku")).order_by("product__locale_id")
        return super().get_base_queryset().annotate(product_title=Subquery(titles.values("product__title")[:1]))


class StockViewSet(ModelViewSet):
    model = StockRecord
    icon = "tag"
    menu_label = _("Stock")
    add_to_admin_menu = False
    list_display = ["sku", Column("product_title", label=_("Product")), "quantity", "low_stock_threshold", "updated_at"]
    search_fields = ["sku"]
    search_backend_name = None
    index_view_class = StockIndexView
    ordering = ["sku"]
    panels = [FieldPanel("sku"), FieldPanel("quantity"), FieldPanel("low_stock_threshold")]


class ShopViewSetGroup(ViewSetGroup):
    menu_label = _("Shop")
    menu_icon = "tag"
    menu_order = 200
    items = (StockViewSet("stock"),)


@hooks.register("register_admin_viewset")
def register_shop_viewsets():
    return ShopViewSetGroup()
