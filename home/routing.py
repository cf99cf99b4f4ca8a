"""Find the page for a URL in one query instead of two per tree level.

Wagtail walks the tree one level at a time (a query for each child and one
for each `.specific`), then looks up the page's ancestors again for its view
restrictions, breadcrumbs and menu, and its translations for hreflang and the
language switcher. `route` asks for all of it at once: the pages on the URL's
path (with whether they carry view restrictions), the translations of the
deepest one and the home page's menu children, then fetches the page itself.
Its answers are what Wagtail's own walk gives (tests/home/test_routing.py
compares them); whenever a page on the way routes in its own way (other than
a routable page's declared subpage URLs), Wagtail's walk takes over from it.

The ancestors, translations and menu are kept on the request for the
template tags (see home.templatetags.site_tags).
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from . import site_data


class RouteMiddleware:
    """Prepare the site data for the public site's views, and the page route for Wagtail's page view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve  # not at import: home.models imports this module

        # Only the public site's views (under a language prefix): not the admin, health checks or webhooks.
        if not translation.get_language_from_path(request.path_info):
            return
        site_data.prepare_request(request)
        if view_func is serve and "_wagtail_route_for_request" not in request.__dict__:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            result = route(request, path)
            if result is not None:
                request._wagtail_route_for_request = result


class KnownRestrictionsMixin:
    """Answer `get_view_restrictions` from what `route` already read, instead of two more queries."""

    def get_view_restrictions(self):
        restricted_ids = getattr(self, "_vitrina_restricted_ids", None)
        if restricted_ids is None:
            return super().get_view_restrictions()
        if not restricted_ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted_ids)


def route(request, path):
    """Wagtail's RouteResult for `path` on the request's site, or None to let Wagtail walk the tree."""
    site = site_data.prepare_request(request)
    if site is None:
        return None
    data = site_data.for_request(request)
    language = site_data.active_language()
    root = data.home_for(site, language)
    home = data.home_for(site, language, live_only=False)
    if root is None or home is None:
        return None
    components = [component for component in path.split("/") if component]
    rows = _neighbourhood(root, home, components)
    current = next((row for row in rows if row.pk == root.pk), None)
    if current is None:
        return None
    for index in range(len(components) + 1):
        remaining = components[index:]
        kind = _routing_kind(current)
        if kind == "routable" and current.live and _captures(current, remaining):
            kind = "own"
        if kind in ("own", "custom"):
            return _own_route(request, current, rows, remaining, home)
        if not remaining:
            break
        child = _child(rows, current, remaining[0])
        if child is None:
            return None
        child._cached_parent_obj = current
        current = child
    if not current.live:
        return None
    page = _specific(current)
    _remember(request, page, rows, home)
    return RouteResult(page)


def _neighbourhood(root, home, components):
    """One query: the pages on the path, the deepest one's translations, the home page's menu children."""
    prefixes = [root.url_path + "".join(f"{slug}/" for slug in components[:depth])
                for depth in range(1, len(components) + 1)]
    on_path = Q(path__in=[root.path[: Page.steplen * depth] for depth in range(1, root.depth + 1)]) | Q(
        slug__in=components, url_path__in=prefixes, path__startswith=root.path
    )
    deepest = Page.objects.filter(on_path).order_by("-depth").values("translation_key")[:1]
    menu = Q(depth=home.depth + 1, path__range=home._get_children_path_interval(home.path), live=True,
             show_in_menus=True)
    rows = (
        Page.objects.filter(on_path | Q(translation_key=Subquery(deepest)) | menu)
        .select_related("locale")
        .annotate(
            is_private=site_data.in_private_section(),
            has_restriction=Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))),
            source_has_restriction=Exists(PageViewRestriction.objects.filter(page_id=OuterRef("alias_of_id"))),
        )
        .order_by("path")
    )
    rows = list(rows)
    for row in rows:
        row.is_on_path = row.path == root.path[: len(row.path)] or (
            row.path.startswith(root.path) and row.url_path in prefixes and row.slug in components
        )
    return rows


def _child(rows, parent, slug):
    return next(
        (row for row in rows if row.is_on_path and row.depth == parent.depth + 1
         and row.path.startswith(parent.path) and row.slug == slug),
        None,
    )


def _routing_kind(row):
    model = row.specific_class
    if model is None:
        return "custom"
    if model.route is Page.route:
        return "plain"
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        return "routable"
    return "custom"


def _captures(row, remaining):
    """Whether a routable page answers `remaining` with one of its own subpage URLs (they win over children)."""
    try:
        row.specific_class.get_resolver().resolve("/" + "".join(f"{slug}/" for slug in remaining))
    except Http404:
        return False
    return True


def _own_route(request, row, rows, remaining, home):
    """A page that routes itself: hand it the rest of the path, as Wagtail's walk would."""
    page = _specific(row)
    try:
        result = page.route(request, remaining)
    except Http404:
        return None
    if result is not None and result.page is page:
        _remember(request, page, rows, home)
    return result


def _specific(row):
    model = row.specific_class
    related = ("locale", *getattr(model, "route_select_related", ()))
    page = model._default_manager.select_related(*related).get(pk=row.pk)
    if hasattr(row, "_cached_parent_obj"):
        page._cached_parent_obj = row._cached_parent_obj
    page._vitrina_route_row = row
    return page


def _remember(request, page, rows, home):
    """Keep what the query found for the view-restriction check and the template tags."""
    above = [row for row in rows if row.is_on_path and page.path.startswith(row.path)]
    page._vitrina_restricted_ids = {
        row.alias_of_id or row.pk for row in above
        if (row.source_has_restriction if row.alias_of_id else row.has_restriction)
    }
    breadcrumbs = request.__dict__.setdefault("_vitrina_breadcrumbs", {})
    breadcrumbs[page.pk] = [row for row in above if row.depth > 1 and row.live and row.pk != page.pk]
    deepest = max((row for row in rows if row.is_on_path), key=lambda row: row.depth)
    if deepest.pk == page.pk:
        request.__dict__.setdefault("_vitrina_translations", {})[page.pk] = {
            row.locale.language_code: row for row in rows
            if row.translation_key == page.translation_key and row.live and not row.is_private
        }
    if home is not None:
        request.__dict__.setdefault("_vitrina_menus", {})[home.pk] = [
            row for row in rows
            if row.depth == home.depth + 1 and row.path.startswith(home.path) and row.live and row.show_in_menus
            and not row.is_private
        ]
