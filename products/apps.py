from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    verbose_name = _("Catalog")

    def ready(self):
        from wagtail.signals import page_published

        from .stock import create_missing_stock_records

        page_published.connect(create_missing_stock_records, dispatch_uid="products-stock-on-publish")
