"""Production: every secret from the environment, HTTPS, hashed static files."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY.startswith("django-insecure"):
    # One key for every worker and restart; never generated at start-up.
    raise ImproperlyConfigured("Set SECRET_KEY in the environment (50+ random characters).")

# Vitrina's middleware redirects http to https (but not on loopback hosts,
# see vitrina/middleware.py); its deploy check replaces Django's W008.
VITRINA_HTTPS_REDIRECT = env_bool("HTTPS_REDIRECT", True)
SECURE_SSL_REDIRECT = False
SILENCED_SYSTEM_CHECKS = ["security.W008"]
if env_bool("BEHIND_HTTPS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
VITRINA_CREATE_DEMO_ADMIN = False
if os.environ.get("TASKS_BACKEND", "database") == "database":
    # Emails and other background work wait in the database for `manage.py db_worker`.
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
