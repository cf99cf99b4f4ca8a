"""When kept pages go stale: the signals that renew the page cache and purge the CDN.

Everything runs after the transaction commits: renewing earlier would let a
page rendered from the old rows be kept under the new version.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import page_cache


def connect():
    page_published.connect(page_changed, dispatch_uid="vitrina-cache-published")
    page_unpublished.connect(page_changed, dispatch_uid="vitrina-cache-unpublished")
    post_page_move.connect(page_changed, dispatch_uid="vitrina-cache-moved")
    for model in _page_models():
        post_delete.connect(page_deleted, sender=model, dispatch_uid=f"vitrina-cache-deleted-{model._meta.label}")
    # Any model: snippets register after this app is ready, so the list is read when a model is saved.
    post_save.connect(site_data_changed, dispatch_uid="vitrina-cache-site-data-saved")
    post_delete.connect(site_data_changed, dispatch_uid="vitrina-cache-site-data-deleted")


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


@functools.cache
def _site_wide_models():
    """Models every page may show: settings (shop name, footer), snippets (authors), images, sites."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.images import get_image_model

    models = [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]
    return frozenset(models + list(get_snippet_models()) + [get_image_model(), Site, Locale, SearchPromotion])


def page_changed(sender, instance, **kwargs):
    transaction.on_commit(page_cache.new_edition)
    transaction.on_commit(lambda: purge_cdn([instance]))


def page_deleted(sender, instance, **kwargs):
    transaction.on_commit(page_cache.new_edition)


def site_data_changed(sender, instance, created=False, **kwargs):
    if sender not in _site_wide_models():
        return
    if created and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults on first use (for_site), which pages already showed
    transaction.on_commit(page_cache.new_edition)


def stock_changed(product_ids):
    """Units of these products changed: renew the pages that show them, here and on the CDN."""
    product_pages_changed(product_ids)


def product_pages_changed(product_ids):
    """Something these products' pages and cards show changed (stock, approved reviews): renew them."""
    product_ids = list(product_ids)
    if not product_ids:
        return
    transaction.on_commit(lambda: page_cache.products_changed(product_ids))
    transaction.on_commit(lambda: purge_cdn(Page.objects.filter(pk__in=product_ids, live=True)))


def purge_cdn(pages):
    """Ask the CDN to drop each page and the pages that show it: its parents and the pages linking to it."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in pages:
        shown_on = [page] + list(page.get_ancestors().filter(depth__gt=1, live=True))
        referring = ReferenceIndex.get_references_to(page).filter(base_content_type=_page_content_type())
        shown_on += list(Page.objects.filter(pk__in=[int(pk) for pk in referring.values_list("object_id", flat=True)],
                                             live=True))
        batch.add_pages(shown_on)
    batch.purge()


def _page_content_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page)
