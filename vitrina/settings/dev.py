"""Local development: DEBUG on, console email, a fixed insecure key."""

import os

from .base import *  # noqa: F401,F403

DEBUG = True
# A development key only: production settings refuse to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-vitrina-development-only"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Plain static storage in dev so runserver needs no collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
VITRINA_CREATE_DEMO_ADMIN = True
# A developer changing a template wants to see it at once; VITRINA_PAGE_CACHE=1 tries the cache.
VITRINA_PAGE_CACHE = env_bool("VITRINA_PAGE_CACHE", False)  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
