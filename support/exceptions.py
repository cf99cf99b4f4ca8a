"""What can go wrong when a ticket changes; each error carries a message for the person who tried."""

from django.utils.translation import gettext_lazy as _


class SupportError(Exception):
    """Base of the support errors; `message` is shown to the staff member or customer."""

    default_message = _("This ticket cannot be changed like that.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class InvalidTicketChange(SupportError):
    """A status, assignee or reply the ticket cannot take (for instance, assigning someone without access)."""
