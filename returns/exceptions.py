"""What can go wrong with a return; every exception carries a `message` safe to show (customer or staff)."""

from django.utils.translation import gettext_lazy as _


class ReturnError(Exception):
    """A return step that cannot be taken; `message` says why, in words for the reader."""

    default_message = _("This return cannot be processed.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class ReturnNotAllowed(ReturnError):
    """The order cannot have a return now: not shipped yet, outside the window, or a return already open."""

    default_message = _("This order cannot be returned.")


class InvalidReturnLines(ReturnError):
    """The units asked for do not fit the order; `line_errors` maps an order line id to its message."""

    default_message = _("Check the quantities to return.")

    def __init__(self, message=None, *, line_errors=None):
        self.line_errors = line_errors or {}
        super().__init__(message)
