"""Admin form of the product page: the rules a formset alone cannot check."""

import operator
from functools import reduce

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ProductPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        variants = self.formsets.get("variants")
        if variants is None:
            return cleaned_data
        variants.is_valid()  # runs each variant form's own validation first
        kept = [
            form
            for form in variants.forms
            if form.is_bound and not (variants.can_delete and variants._should_delete_form(form))
            and (form.has_changed() or form.instance.pk)
        ]
        if not kept:
            self.add_error(None, _("A product needs at least one variant: add one with its SKU and price."))
            return cleaned_data
        self._check_unique_skus(kept)
        return cleaned_data

    def _check_unique_skus(self, variant_forms):
        from .models import ProductVariant

        seen = {}
        for form in variant_forms:
            sku = (form.cleaned_data.get("sku") or "").strip()
            if not sku:
                continue
            key = sku.upper()
            if key in seen:
                form.add_error("sku", _("SKU %(sku)s is used twice in this product.") % {"sku": sku})
                continue
            seen[key] = form
        if not seen:
            return
        # The same SKU on a translation of this product is the same article;
        # on any other product it is a clash.
        matches_any = reduce(operator.or_, (Q(sku__iexact=sku) for sku in seen))
        clashes = ProductVariant.objects.filter(matches_any)
        if self.instance.translation_key:
            clashes = clashes.exclude(product__translation_key=self.instance.translation_key)
        for sku, title in clashes.values_list("sku", "product__title"):
            form = seen.get(sku.upper())
            if form is not None and "sku" in form.cleaned_data:
                form.add_error(
                    "sku",
                    _("SKU %(sku)s already belongs to “%(product)s”. Each SKU must be unique in the shop.")
                    % {"sku": sku, "product": title},
                )
