"""Addresses of products that were deleted, so crawlers and visitors get "410 Gone" instead of a bare 404."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RemovedProduct(models.Model):
    """The URL path of a deleted product page: answered with 410 until a page or redirect takes it over.

    Recorded by products.signals when a product that was once published is deleted;
    the answer is given by vitrina.gone.GoneMiddleware.
    """

    path = models.CharField(_("URL path"), max_length=1000, unique=True)
    title = models.CharField(_("product name"), max_length=255, blank=True)
    removed_at = models.DateTimeField(_("removed at"), auto_now=True)

    class Meta:
        verbose_name = _("removed product")
        verbose_name_plural = _("removed products")

    def __str__(self):
        return self.path
