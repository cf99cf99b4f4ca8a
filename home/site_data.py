"""Site-wide data every request needs, read from Django's cache instead of the database.

Every page view needs the Site for its host name, the site's settings
(ShopSettings, CheckoutSettings, ...), its home page in each language and
Wagtail's site root paths (to build URLs). They change rarely, so they are
loaded together in two queries, kept in the cache, and dropped whenever a
site, a setting, a locale or a page is saved, moved or deleted (editorial
changes are rare; a page edit may rename or move a home page).

`prepare_request` puts them on the request where Wagtail looks for them
(`request._wagtail_site`, each setting's request cache, the site root paths),
so `Site.find_for_request`, `ShopSettings.for_request` and `page.get_url`
make no queries.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION, SiteRootPath
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_KEY = "vitrina:site-data:1"


@dataclass
class SiteData:
    """Sites (with root page and settings loaded), their home pages by language, the site root paths."""

    sites: list = field(default_factory=list)
    homes: dict = field(default_factory=dict)  # site id -> {language code: home page (base Page, with locale)}
    root_paths: list = field(default_factory=list)  # Wagtail's SiteRootPath tuples, as plain tuples

    def find_site(self, hostname, port):
        """The site Wagtail's `get_site_for_hostname` would pick, without a query."""

        def rank(site):
            if site.hostname == hostname:
                return 0 if site.port == port else 1 if site.is_default_site else 3
            return 2

        candidates = sorted((s for s in self.sites if s.hostname == hostname or s.is_default_site), key=rank)
        if not candidates:
            return None
        if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
            return candidates[0]
        if rank(candidates[0]) == 2:
            return candidates[len(candidates) == 2]
        return None

    def home_for(self, site, language_code, live_only=True):
        """The site's home page in a language (like `root_page.localized`), or its root page."""
        homes = self.homes.get(site.pk, {})
        home = homes.get(language_code)
        root = next((page for page in homes.values() if page.pk == site.root_page_id), None)
        if home is None or (live_only and not home.live):
            return root
        return home

    def home_translations(self, site, live_only=True):
        return {code: page for code, page in self.homes.get(site.pk, {}).items() if page.live or not live_only}


def setting_models():
    return [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]


def _setting_names():
    return [model._meta.get_field("site").related_query_name() for model in setting_models()]


def _load():
    """Two queries: the sites with root page and settings, then every translation of their root pages."""
    sites = list(
        Site.objects.select_related("root_page", *_setting_names())
        .order_by("-root_page__url_path", "-is_default_site", "hostname")
    )
    for site in sites:
        for model in setting_models():
            name = model._meta.get_field("site").related_query_name()
            if getattr(site, name, None) is None:  # Wagtail creates missing settings on first use too
                site._state.fields_cache[name] = model.for_site(site)
    keys = {site.root_page.translation_key for site in sites}
    translations = {}
    for page in Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"):
        translations.setdefault(page.translation_key, []).append(page)
    data = SiteData(sites=sites)
    for site in sites:
        pages = translations.get(site.root_page.translation_key, [])
        data.homes[site.pk] = {page.locale.language_code: page for page in pages}
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            data.root_paths += [(site.pk, page.url_path, site.root_url, page.locale.language_code) for page in pages]
        else:
            root = next((page for page in pages if page.pk == site.root_page_id), site.root_page)
            data.root_paths.append((site.pk, root.url_path, site.root_url, root.locale.language_code))
    return data


def current():
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _load()
        cache.set(CACHE_KEY, data, None)
        # Wagtail's own copy, for URLs built without a request; Wagtail drops it on its own changes.
        cache.set(SITE_ROOT_PATHS_CACHE_KEY, data.root_paths, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return data


def active_language():
    """The content language Wagtail would pick for the active language (as `Locale.get_active` does)."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def prepare_request(request):
    """Put the site, its settings and the site root paths where Wagtail looks for them on this request."""
    if "_wagtail_site" in request.__dict__:
        return request._wagtail_site
    data = current()
    site = data.find_site(split_domain_port(request._get_raw_host())[0], request.get_port())
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = [SiteRootPath(*values) for values in data.root_paths]
    request._vitrina_site_data = data
    if site is not None:
        for model in setting_models():
            name = model._meta.get_field("site").related_query_name()
            instance = site._state.fields_cache.get(name)
            if instance is not None:
                instance._request = request
                setattr(request, model.get_cache_attr_name(), instance)
    return site


def for_request(request):
    """The cached site data this request was prepared with (loaded now if it was not)."""
    if "_vitrina_site_data" not in request.__dict__:
        request.__dict__.pop("_wagtail_site", None)
        prepare_request(request)
    return request._vitrina_site_data


def home_for_request(request, live_only=False):
    """The home page of the request's site in the active language (its root page when untranslated)."""
    site = prepare_request(request)
    if site is None:
        return None
    return for_request(request).home_for(site, active_language(), live_only=live_only)


# ---------- Private pages, in SQL instead of a query per listing ----------


def in_private_section(path_of="path"):
    """True for pages in a section with a view restriction (password, login, groups).

    Wagtail's `.public()` first loads every restriction (a query each time it
    is called); this asks the same inside the listing's own query.
    """
    restricted_above = PageViewRestriction.objects.annotate(
        shown_path=ExpressionWrapper(OuterRef(path_of), output_field=CharField())
    ).filter(
        shown_path__startswith=F("page__path")
    )
    return Exists(restricted_above)


def public(queryset):
    """Like Wagtail's `queryset.public()`, without the extra query."""
    return queryset.exclude(in_private_section())


# ---------- Invalidation ----------


def forget(**kwargs):
    """Drop the cached data now and again after the transaction (a request in between may reload old rows)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def _saved_or_deleted(sender, instance=None, **kwargs):
    # Any page: a home page may be renamed, moved, translated or unpublished.
    if isinstance(instance, (Page, Site, Locale, BaseSiteSetting)):
        forget()


def connect():
    """Called once when home.models loads, so every process that edits content (admin, tasks, commands) forgets."""
    post_save.connect(_saved_or_deleted, dispatch_uid="vitrina-site-data-saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="vitrina-site-data-deleted")
    page_published.connect(forget, dispatch_uid="vitrina-site-data-published")
    page_unpublished.connect(forget, dispatch_uid="vitrina-site-data-unpublished")
    post_page_move.connect(forget, dispatch_uid="vitrina-site-data-moved")
