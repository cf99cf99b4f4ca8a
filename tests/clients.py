"""Test clients for the site's own host name."""

from django.test import Client
from wagtail.users.models import UserProfile


def english_admin_client(user):
    """A client logged in as `user`, who reads the admin in English, so messages are the source strings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client
