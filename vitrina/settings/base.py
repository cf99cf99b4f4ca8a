"""Settings shared by every environment.

Everything that differs between machines (secrets, hosts, database, email,
cache, media storage) is read from the environment here; dev, test and
production only change defaults and switch features on or off.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "vitrina.csrf.csrf_failure"

INSTALLED_APPS = [
    "vitrina",
    "home",
    "products",
    "blog",
    "checkout",
    "search",
    "accounts",
    "returns",
    "support",
    "quotes",
    "reviews",
    "allauth",
    "allauth.account",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vitrina.middleware.HttpsRedirectMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vitrina.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "vitrina.gone.GoneMiddleware",  # above: handles the 404 after the redirects do
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.routing.RouteMiddleware",  # site data from the cache; a page's route in one query
]

ROOT_URLCONF = "vitrina.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "vitrina.wsgi.application"

# SQLite by default so `make run` needs nothing installed; DATABASE_URL
# (postgres://user:password@host:5432/name) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text search lookups and the unaccent extension used by search.
    INSTALLED_APPS.append("django.contrib.postgres")

# Redis when REDIS_URL is set (shared by every app server), otherwise files
# on this machine: every gunicorn worker must see the same cache, or a page
# renewed by one worker would still be served stale by the others.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "vitrina"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Whole pages for visitors without a login (vitrina/page_cache.py). Kept
# pages live at most VITRINA_PAGE_CACHE_TIMEOUT seconds; publishing and stock
# changes renew them sooner. A CDN in front may keep them VITRINA_CDN_MAX_AGE
# seconds (s-maxage); with a purge backend below, publishing purges it too.
VITRINA_PAGE_CACHE = env_bool("VITRINA_PAGE_CACHE", True)
VITRINA_PAGE_CACHE_ALIAS = "default"
VITRINA_PAGE_CACHE_TIMEOUT = int(os.environ.get("VITRINA_PAGE_CACHE_TIMEOUT", "900"))
VITRINA_CDN_MAX_AGE = int(os.environ.get("VITRINA_CDN_MAX_AGE", "60"))
# How stale a worker's memory of the shared versions may be: a publish or a
# stock change reaches the other workers within this many seconds.
VITRINA_PAGE_CACHE_CHECK_SECONDS = float(os.environ.get("VITRINA_PAGE_CACHE_CHECK_SECONDS", "1"))

# A CDN or proxy cache in front (optional): publishing, moving and stock
# changes purge the pages concerned (vitrina/cache_invalidation.py, through
# Wagtail's frontend-cache backends; the app itself is not installed, as its
# own handlers would purge the same pages a second time).
WAGTAILFRONTENDCACHE = {}
WAGTAILFRONTENDCACHE_LANGUAGES = []  # purge exactly the page URLs: translations are pages of their own
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx, Fastly-style HTTP PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Customer accounts (django-allauth, accounts/): optional, never needed to buy.
# Customers sign in with their email; staff keep Wagtail's own admin login.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"
# Throttled against guessing: failed logins per IP and per account (counted in the cache).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# Emails in the shop's name, the 429 page for a paused login, customers shown by their email.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish is the default, English the second. Every URL of the
# public site carries its language prefix (/es/..., /en/...).
LANGUAGE_CODE = "es"
LANGUAGES = [("es", "Español"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Madrid")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

# Media on local disk by default; AWS_STORAGE_BUCKET_NAME switches to an
# S3-compatible bucket (AWS_S3_ENDPOINT_URL for MinIO, R2, ...).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Serve media from Django when they are on local disk (one-machine installs);
# with a bucket the bucket or a CDN serves them.
SERVE_MEDIA = MEDIA_STORAGE["BACKEND"].endswith("FileSystemStorage")

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: console in dev, SMTP configured from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Vitrina <tienda@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Vitrina"
# Tag URLs in plain ASCII: "café" -> /tag/cafe/.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: the database (SQLite FTS5 or PostgreSQL full text, with Spanish and
# English stemming) unless ELASTICSEARCH_URL names an Elasticsearch 9 server.
# With Elasticsearch the database index is kept too, so search keeps working
# from it while Elasticsearch is down (see search/backends).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "vitrina_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    if os.environ.get("ELASTICSEARCH_USERNAME"):
        WAGTAILSEARCH_BACKENDS["default"]["OPTIONS"]["basic_auth"] = (
            os.environ["ELASTICSEARCH_USERNAME"], os.environ.get("ELASTICSEARCH_PASSWORD", "")
        )
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Shop settings that are configuration, not content.
VITRINA_CURRENCY = os.environ.get("VITRINA_CURRENCY", "EUR")
VITRINA_LOW_STOCK_THRESHOLD = int(os.environ.get("VITRINA_LOW_STOCK_THRESHOLD", "5"))
# How long placed orders hold their stock while waiting for payment.
VITRINA_RESERVATION_MINUTES = int(os.environ.get("VITRINA_RESERVATION_MINUTES", "30"))
VITRINA_BANK_TRANSFER_RESERVATION_DAYS = int(os.environ.get("VITRINA_BANK_TRANSFER_RESERVATION_DAYS", "7"))
VITRINA_PRODUCTS_PER_PAGE = 12
VITRINA_ARTICLES_PER_PAGE = 9

# Background work (order emails, reservation expiry, search index) goes through
# django-tasks: run at once in dev and tests; TASKS_BACKEND=database queues it in
# the database for `manage.py db_worker` (production default).
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[os.environ.get("TASKS_BACKEND", "immediate")]
    }
}

# PayPal Orders v2. PAYPAL_MODE picks the sandbox or live API; PAYPAL_API_BASE_URL
# overrides it (the tests point it at their loopback PayPal server).
PAYPAL_CLIENT_ID = os.environ.get("PAYPAL_CLIENT_ID", "")
PAYPAL_CLIENT_SECRET = os.environ.get("PAYPAL_CLIENT_SECRET", "")
PAYPAL_MODE = os.environ.get("PAYPAL_MODE", "sandbox")
PAYPAL_WEBHOOK_ID = os.environ.get("PAYPAL_WEBHOOK_ID", "")
PAYPAL_API_BASE_URL = os.environ.get("PAYPAL_API_BASE_URL", "")
PAYPAL_TIMEOUT = float(os.environ.get("PAYPAL_TIMEOUT", "15"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # Every page save logs its search/reference index tasks at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
