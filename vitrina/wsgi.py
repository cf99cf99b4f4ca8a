"""WSGI entry point for gunicorn (`gunicorn vitrina.wsgi`) and runserver."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vitrina.settings.production")

application = get_wsgi_application()

from vitrina.staticfiles import ensure_static_collected  # noqa: E402  (needs Django set up)

ensure_static_collected()
