"""Test settings: fast hashing, memory email and cache, no manifest needed."""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "django-insecure-vitrina-tests"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off by default so tests that change the database directly see fresh pages;
# tests/test_page_cache.py switches it on.
VITRINA_PAGE_CACHE = False
VITRINA_PAGE_CACHE_CHECK_SECONDS = 0  # every test request reads the shared versions
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
VITRINA_CREATE_DEMO_ADMIN = True
# Static files straight from the source folders: no collectstatic in tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests index into the database; the Elasticsearch tests configure their own
# indexes, so a whole run with ELASTICSEARCH_URL set never touches the real ones.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
