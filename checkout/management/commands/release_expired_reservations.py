"""Cancel unpaid orders whose stock reservation expired (run it from cron every few minutes)."""

from django.core.management.base import BaseCommand

from checkout.reservations import release_expired_reservations


class Command(BaseCommand):
    help = "Cancel unpaid orders whose stock reservation expired and put their units back in stock."

    def handle(self, *args, **options):
        released = release_expired_reservations()
        self.stdout.write(f"Released the stock of {released} expired order(s).")
