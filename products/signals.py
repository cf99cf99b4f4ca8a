"""Remember where deleted products lived, so their old addresses answer 410 Gone (see vitrina.gone)."""

from .models import RemovedProduct


def record_removed_product(sender, instance, **kwargs):
    """pre_delete of a ProductPage (alone or with its category): store its URL path if it was ever public."""
    if instance.first_published_at is None and instance.last_published_at is None:
        return  # a draft never had a public address
    parts = instance.get_url_parts()
    if parts is None or not parts[2]:
        return
    RemovedProduct.objects.update_or_create(path=parts[2], defaults={"title": instance.title[:255]})
