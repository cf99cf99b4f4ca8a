"""An admin panel on the product page showing each variant's stock, read-only.

Stock is not page content, so the product form cannot edit it; editors still
want to see it next to the prices, with a link to where staff change it.
"""

from wagtail.admin.panels import Panel

from .models.stock import StockRecord


class StockPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "products/admin/stock_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            product = self.instance
            skus = list(product.variants.values_list("sku", flat=True)) if product.pk else []
            records = {record.sku: record for record in StockRecord.objects.filter(sku__in=skus)}
            context["rows"] = [(sku, records.get(sku)) for sku in skus]
            return context
