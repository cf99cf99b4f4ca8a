"""Redirect plain http to https, except for loopback hosts.

Django's own SECURE_SSL_REDIRECT would also redirect http://127.0.0.1:8000,
where there is no certificate: someone trying production settings on their
machine, or a health check from the same host, would get a page that cannot
load. Django's SecurityMiddleware still sets HSTS and the other headers.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]"}


class HttpsRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "VITRINA_HTTPS_REDIRECT", False) and not request.is_secure():
            domain, _port = split_domain_port(request.META.get("HTTP_HOST", ""))
            if domain not in LOOPBACK_HOSTS:
                return HttpResponsePermanentRedirect(f"https://{request.get_host()}{request.get_full_path()}")
        return self.get_response(request)
