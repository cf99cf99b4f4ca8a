"""Invite customers to review what they received (run it from cron, e.g. once an hour)."""

from django.core.management.base import BaseCommand

from reviews.invitations import send_review_invitations


class Command(BaseCommand):
    help = "Email customers whose orders were delivered some days ago an invitation to review the products."

    def handle(self, *args, **options):
        invited = send_review_invitations()
        self.stdout.write(f"Invited {invited} order(s) to review their products.")
