"""Django's SecurityMiddleware, minus the https redirect for loopback hosts.

Production settings redirect plain http to https; on 127.0.0.1 or localhost
there is no certificate, so someone trying production settings locally (or
a health check from the same machine) would be sent to a page that cannot
load.
"""

from django.http.request import split_domain_port
from django.middleware.security import SecurityMiddleware as DjangoSecurityMiddleware

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]"}


class SecurityMiddleware(DjangoSecurityMiddleware):
    def process_request(self, request):
        domain, _port = split_domain_port(request.META.get("HTTP_HOST", ""))
        if domain in LOOPBACK_HOSTS:
            return None
        return super().process_request(request)
