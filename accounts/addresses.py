"""Address book services: save, make default and delete a customer's addresses.

Every function takes the owner's address (already looked up by user), so a
view can never act on another customer's address by passing its id.
"""

from django.db import transaction

from .models import Address


def default_address(user):
    """The customer's default address, or None (anonymous visitors and empty address books)."""
    if not user.is_authenticated:
        return None
    return Address.objects.filter(user=user, is_default=True).first()


def save_address(address, *, make_default=False):
    """Save `address` (new or edited); with `make_default`, it becomes the one default.

    A customer's first address is their default too, so checkout has one to
    start from. Done in one transaction so the one-default constraint never
    sees two.
    """
    with transaction.atomic():
        if not make_default and address.pk is None:
            make_default = not Address.objects.filter(user=address.user).exists()
        if make_default:
            Address.objects.filter(user=address.user, is_default=True).exclude(pk=address.pk).update(is_default=False)
        address.is_default = make_default or (address.is_default and address.pk is not None)
        address.save()
    return address


def make_default(address):
    """Make `address` its owner's default address (the previous default stays, as an ordinary address)."""
    return save_address(address, make_default=True)


def delete_address(address):
    """Delete `address`; when it was the default, the newest remaining address becomes the default."""
    with transaction.atomic():
        was_default = address.is_default
        user = address.user
        address.delete()
        if was_default:
            newest = Address.objects.filter(user=user).order_by("-created_at", "-pk").first()
            if newest is not None:
                newest.is_default = True
                newest.save(update_fields=["is_default"])
