"""Site-wide views that are not pages: sitemap and robots.txt."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists one language's tree; this one lists every language's."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        # Aliases repeat another page's content under a second URL: not for crawlers.
        return pages.live().public().filter(alias_of__isnull=True).order_by("path").defer_streamfields().specific()


@require_GET
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # Search result pages are endless combinations of queries and filters.
    search_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search_paths.append(reverse("search:search"))
    return render(
        request, "robots.txt", {"sitemap_url": sitemap_url, "search_paths": search_paths},
        content_type="text/plain; charset=utf-8",
    )
