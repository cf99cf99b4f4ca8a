from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from checkout.views import payment as payment_views

from . import health, views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/live/", health.live, name="health_live"),
    path("i18n/", include("django.conf.urls.i18n")),
    # PayPal posts here without a language; every delivery is verified with PayPal.
    path("paypal/webhook/", payment_views.paypal_webhook, name="paypal_webhook"),
]

if settings.SERVE_MEDIA:
    # Local-disk media must load with DEBUG off too (one-machine installs).
    urlpatterns += [
        re_path(r"^%s(?P<path>.*)$" % settings.MEDIA_URL.lstrip("/"), serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    # Before Wagtail's catch-all, which would otherwise look for a page called "cart".
    path("", include("checkout.urls")),
    # django-allauth's login, sign-up, email and password pages (its URL names are not namespaced).
    # Ours first: signing out also forgets the visitor's cart cookie.
    path("account/logout/", account_views.logout, name="account_logout"),
    path("account/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("returns.urls")),
    path("", include("support.urls")),
    path("", include("quotes.urls")),
    path("", include("reviews.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
