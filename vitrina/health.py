"""Liveness probe for load balancers and the page benchmark's trivial-view baseline.

`live` answers as soon as a worker can run a view: it touches no database,
cache or template, so a slow database never makes a load balancer drop
healthy workers, and the benchmark measures Django's own floor.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def live(request):
    response = HttpResponse("ok", content_type="text/plain")
    # Probes must reach a worker, never a cache or CDN copy.
    response["Cache-Control"] = "no-store"
    return response
