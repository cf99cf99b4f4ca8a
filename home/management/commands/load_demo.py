"""`manage.py load_demo`: build the demo shop (safe to run again: it only adds what is missing).

The demo's invented customers are not emailed: the messages the shop's
services send while the demo places their orders, opens their ticket and so
on (sent once the demo's transaction commits) go to Django's dummy email
backend instead of filling the console or reaching a real mail server.
"""

import time

from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from home.demo.accounts import ensure_demo_admin
from home.demo.build import build_demo, summary

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Load the Vitrina demo shop: Spanish catalog, magazine and pages, English translations, images."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-renditions", action="store_true",
            help="Do not pre-generate image renditions (faster; pages then resize images on first view).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            result = build_demo(renditions=not options["skip_renditions"])
        admin = ensure_demo_admin()
        elapsed = time.monotonic() - started

        created = result["pages_created"]
        if created or result["images_created"]:
            pages = ", ".join(f"{count} {code}" for code, count in sorted(created.items())) or "0"
            self.stdout.write(self.style.SUCCESS(
                f"Demo shop loaded in {elapsed:.1f} s: created pages ({pages}), {result['images_created']} images."
            ))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo shop already loaded: nothing to add ({elapsed:.1f} s)."))
        for code, counts in summary().items():
            self.stdout.write(
                f"  [{code}] {counts['pages']} pages: {counts['products']} products, {counts['articles']} articles"
            )
        self.stdout.write(f"  {result['renditions']} image renditions ready")
        self.stdout.write(f"Shop: {BASE_URL}/es/   English: {BASE_URL}/en/")
        self._write_admin(admin)
        self._write_after_sale(result["after_sale"])

    def _write_admin(self, admin):
        if not admin.enabled:
            self.stdout.write(
                "No admin user was created (VITRINA_CREATE_DEMO_ADMIN is off in these settings). "
                "Create one with: python manage.py createsuperuser"
            )
        elif admin.password:
            self.stdout.write(f"Admin: {BASE_URL}/admin/  user: admin  password: {admin.password}")
        else:
            self.stdout.write(
                f"Admin: {BASE_URL}/admin/  user: admin  (its password was changed; "
                "reset it with: python manage.py changepassword admin)"
            )

    def _write_after_sale(self, logins):
        """The demo customer's login (the shop's own login page) and the customer service member's."""
        if not logins.enabled:
            return
        changed = "its password was changed; reset it with: python manage.py changepassword"
        password = logins.customer_password or f"({changed} {logins.customer_username})"
        self.stdout.write(
            f"Customer: {BASE_URL}/es/account/login/  email: {logins.customer_email}  password: {password}"
        )
        if logins.staff_username:
            password = logins.staff_password or f"({changed} {logins.staff_username})"
            self.stdout.write(
                f"Customer service: {BASE_URL}/admin/  user: {logins.staff_username}  password: {password}"
            )
