"""Answer 410 Gone at the address of a deleted product, instead of a bare 404.

A 410 tells crawlers to drop the URL for good and tells visitors the product
is no longer sold. It only replaces a 404: a page published later at the same
path answers normally, and a redirect an editor created wins because
Wagtail's RedirectMiddleware sees the 404 first (this middleware is listed
just above it, so it handles the response just after it).
"""

from django.template.response import TemplateResponse
from wagtail.models import Site

from products.models import ProductIndexPage, RemovedProduct


class GoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        removed = RemovedProduct.objects.filter(path=request.path).first()
        if removed is None:
            return response
        gone = TemplateResponse(request, "410.html", {"removed": removed, "shop": shop_for(request)}, status=410)
        return gone.render()


def shop_for(request):
    """The top-level shop page in the visitor's language, for the "keep shopping" link."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = getattr(request, "LANGUAGE_CODE", None)
    shops = ProductIndexPage.objects.live().public().filter(depth=site.root_page.depth + 1)
    if language:
        shops = shops.filter(locale__language_code=language)
    return shops.order_by("path").first()
