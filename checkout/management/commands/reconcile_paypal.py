"""Ask PayPal about orders still waiting for payment (run it from cron every few minutes).

Finishes orders whose buyers approved at PayPal but never came back to the
shop, and captures whose answer was lost to a timeout.
"""

from django.core.management.base import BaseCommand

from checkout.paypal.services import reconcile_pending_payments


class Command(BaseCommand):
    help = "Reconcile pending PayPal payments: record captures the shop has not heard about."

    def handle(self, *args, **options):
        finished = reconcile_pending_payments()
        self.stdout.write(f"Reconciled {finished} PayPal payment(s).")
