"""Whole-page cache: pages for visitors without a login, served from Django's cache.

A page a visitor without a login reads is the same for everyone: the cart
badge and the CSRF token are filled in by vitrina.js, so a rendered page can
be kept and served again without touching the database. A kept page is
served while

- the site's edition has not changed: publishing, unpublishing, moving or
  deleting a page, or saving settings, snippets or images, starts a new
  edition (editorial changes are rare, and following every way one page shows
  another, through menus, listings and related items, would be fragile), and
- every product it showed still has the version it had when it was rendered:
  a stock change bumps only the products concerned, so a sale renews the pages
  that show that product, not the whole shop.

Requests carrying a session (a logged-in editor, a visitor who unlocked a
password-protected page) or pending messages always get a fresh page, marked
private so no shared cache keeps it.

Each worker also keeps its recent pages in memory and re-reads the shared
versions at most every VITRINA_PAGE_CACHE_CHECK_SECONDS (default 1 s): a hit
then costs no round trip to Redis or the disk, and a change reaches every
worker within that time (at once in the worker that made it).
"""

import contextvars
import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string

PREFIX = "vitrina:pages:"
EDITION_KEY = PREFIX + "edition"
HEADER = "X-Cache"

_rendering = contextvars.ContextVar("vitrina_page_render", default=None)


class Render:
    """What the page being rendered showed, and whether it may be kept."""

    def __init__(self, edition):
        self.edition = edition
        self.products = {}  # product id -> version read before its stock was
        self.on_hit = []  # (dotted path, args) to call again whenever the kept page is served
        self.may_keep = True


def page_cache():
    return caches[settings.VITRINA_PAGE_CACHE_ALIAS]


def product_key(product_id):
    return f"{PREFIX}product:{product_id}"


def new_edition():
    """Every kept page is stale from now on."""
    _set_versions({EDITION_KEY: uuid.uuid4().hex})


def products_changed(product_ids):
    """Kept pages that showed any of these products are stale from now on."""
    if product_ids:
        _set_versions({product_key(pk): uuid.uuid4().hex for pk in product_ids})


def _set_versions(versions):
    page_cache().set_many(versions, None)
    _memory.remember_versions(versions)


def _current_versions(keys):
    """The version stored under each key, creating missing ones (a fresh or evicted cache)."""
    cache = page_cache()
    found = cache.get_many(keys)
    for key in set(keys) - set(found):
        cache.add(key, uuid.uuid4().hex, None)
        found[key] = cache.get(key)
    _memory.remember_versions(found)
    return found


class WorkerMemory:
    """This process's recent pages and the versions it read lately (the shared cache has the truth)."""

    def __init__(self, max_pages=500):
        self.max_pages = max_pages
        self.pages = OrderedDict()
        self.versions = {}  # key -> (version, when it was read)
        self.lock = threading.Lock()

    def page(self, key):
        with self.lock:
            entry = self.pages.get(key)
            if entry is not None:
                self.pages.move_to_end(key)
            return entry

    def keep_page(self, key, entry):
        with self.lock:
            self.pages[key] = entry
            self.pages.move_to_end(key)
            while len(self.pages) > self.max_pages:
                self.pages.popitem(last=False)

    def remember_versions(self, versions):
        now = time.monotonic()
        with self.lock:
            self.versions.update({key: (value, now) for key, value in versions.items()})

    def versions_older_than(self, keys, seconds):
        limit = time.monotonic() - seconds
        known = self.versions
        return [key for key in keys if key not in known or known[key][1] <= limit]

    def version(self, key):
        found = self.versions.get(key)
        return found[0] if found else None


_memory = WorkerMemory()


# ---------- Called while a page renders ----------


def showing_products(products):
    """Record the products a page shows, before their stock and prices are read."""
    render = _rendering.get()
    if render is None:
        return
    new = [product.pk for product in products if product.pk not in render.products]
    if new:
        versions = _current_versions([product_key(pk) for pk in new])
        render.products.update({pk: versions[product_key(pk)] for pk in new})


def repeat_on_hit(function, *args):
    """Call `function(*args)` now and every time the kept page is served (e.g. counting a search)."""
    function(*args)
    render = _rendering.get()
    if render is not None:
        render.on_hit.append((f"{function.__module__}.{function.__qualname__}", args))


def keep_private():
    """This response is for this visitor only (e.g. a page behind a password)."""
    render = _rendering.get()
    if render is not None:
        render.may_keep = False


def cacheable(view):
    """Mark a view whose GET responses may be kept for every visitor (Wagtail pages always may)."""
    view.vitrina_page_cache = True
    return view


# ---------- The middleware ----------


class PageCacheMiddleware:
    """Serve and keep pages; goes right after WhiteNoise so a hit costs almost nothing."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.VITRINA_PAGE_CACHE_TIMEOUT
        self.shared_max_age = settings.VITRINA_CDN_MAX_AGE

    def __call__(self, request):
        if not settings.VITRINA_PAGE_CACHE or request.method not in ("GET", "HEAD") or not _may_be_kept(request):
            return self.get_response(request)
        if not _is_anonymous(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        key = PREFIX + "page:" + hashlib.md5(request.build_absolute_uri().encode()).hexdigest()
        entry = self._valid_entry(key)
        if entry is not None:
            return self._serve(request, entry)
        render = Render(_memory.version(EDITION_KEY))
        token = _rendering.set(render)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(token)
        if request.method == "GET" and self._may_keep(request, response, render):
            self._prepare_shared(response)
            entry = _entry(response, render, until=time.time() + self.timeout)
            page_cache().set(key, entry, self.timeout)
            _memory.keep_page(key, entry)
            response[HEADER] = "miss"
        return response

    def _valid_entry(self, key):
        """The kept page for `key` if it is still current, reading the shared cache only when due."""
        entry = _memory.page(key)
        if entry is None or entry["until"] < time.time():  # this worker's copy outlives the shared one otherwise
            entry = page_cache().get(key)
            if entry is not None:
                _memory.keep_page(key, entry)
        _refresh_versions([EDITION_KEY] + ([product_key(pk) for pk in entry["products"]] if entry else []))
        if entry is None or entry["edition"] != _memory.version(EDITION_KEY):
            return None
        if any(_memory.version(product_key(pk)) != version for pk, version in entry["products"].items()):
            return None
        return entry

    def _may_keep(self, request, response, render):
        cache_control = response.get("Cache-Control", "")
        return (
            render.may_keep
            and response.status_code == 200
            and not response.streaming
            and not response.cookies  # a CSRF or session cookie: this page was made for one visitor
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

    def _prepare_shared(self, response):
        patch_cache_control(response, public=True, max_age=0, s_maxage=self.shared_max_age)
        # A visitor with a session gets another page (fresh, with the editor's bar).
        patch_vary_headers(response, ("Cookie",))
        response["ETag"] = '"%s"' % hashlib.md5(response.content).hexdigest()

    def _serve(self, request, entry):
        for path, args in entry["on_hit"]:
            import_string(path)(*args)
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        return get_conditional_response(request, etag=response["ETag"], response=response)


def _refresh_versions(keys):
    """Re-read the versions this worker read too long ago, in one request to the shared cache."""
    due = _memory.versions_older_than(keys, settings.VITRINA_PAGE_CACHE_CHECK_SECONDS)
    if due:
        found = page_cache().get_many(due)
        _memory.remember_versions(found)
        missing = [key for key in due if key not in found]
        if missing:  # a fresh or evicted cache: start new versions
            _current_versions(missing)


def _may_be_kept(request):
    """Only Wagtail pages and views marked `cacheable`: the rest (health checks, the cart) skip the cache."""
    # The URL patterns carry the language prefix of the active language, not yet the URL's.
    language = translation.get_language_from_path(request.path_info)
    if language is None:
        return False
    try:
        with translation.override(language):
            match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name == "wagtail_serve" or getattr(match.func, "vitrina_page_cache", False)


def _is_anonymous(request):
    """No login session and no message waiting: the visitor sees what everyone sees."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _entry(response, render, until):
    return {
        "until": until,
        "edition": render.edition,
        "products": render.products,
        "on_hit": render.on_hit,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() != "set-cookie"],
        "content": response.content,
    }
