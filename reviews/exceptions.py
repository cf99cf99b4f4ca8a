"""Why a review cannot be written or moderated; each carries a message for the person who tried."""

from django.utils.translation import gettext_lazy as _


class ReviewError(Exception):
    """Base class: `message` is shown to the customer or the staff member."""

    message = _("This review cannot be saved.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotABuyer(ReviewError):
    """The order does not contain the product: only its buyers may review it."""

    message = _("Only customers who bought this product can review it.")


class NotDelivered(ReviewError):
    """The order was not delivered yet: the customer has not had the product in their hands."""

    message = _("You can review this product once your order has been delivered.")


class AlreadyReviewed(ReviewError):
    """This order already has a review of this product."""

    message = _("You have already reviewed this product for this order.")


class ProductUnavailable(ReviewError):
    """The product is no longer published in the shop."""

    message = _("This product is no longer in the shop, so it cannot be reviewed.")


class AlreadyModerated(ReviewError):
    """The review already has the status the staff member asked for."""

    message = _("This review already has that status.")
