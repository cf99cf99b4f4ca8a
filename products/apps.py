from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    verbose_name = _("Catalog")

    def ready(self):
        from django.db.models.signals import post_save, pre_delete
        from wagtail.signals import page_published, post_page_move

        from .models import ProductPage, StockRecord
        from .signals import record_removed_product
        from .stock import create_missing_stock_records, product_moved, stock_record_saved

        page_published.connect(create_missing_stock_records, dispatch_uid="products-stock-on-publish")
        post_save.connect(stock_record_saved, sender=StockRecord, dispatch_uid="products-availability-on-stock")
        post_page_move.connect(product_moved, dispatch_uid="products-category-on-move")
        pre_delete.connect(record_removed_product, sender=ProductPage, dispatch_uid="products-gone-on-delete")
