"""Payment exceptions shared by the PayPal client, the checkout services and the views.

Views map these to responses without knowing about HTTP to PayPal: every
exception carries a customer-safe, translatable `message`; the PayPal details
(`issue`, `debug_id`, `status_code`, `raw`) are for logs and the payment record,
never for the customer.
"""

from django.utils.translation import gettext_lazy as _


class PaymentError(Exception):
    """A payment could not be completed; `message` is safe to show to the customer.

    Raised as such for PayPal answers the shop cannot act on (4xx other than the
    cases below, bad credentials). Subclasses say what the customer can do next.
    """

    default_message = _("The payment could not be completed. Please try again or choose another payment method.")
    retryable = False

    def __init__(self, message=None, *, detail="", issue="", debug_id="", status_code=None, raw=None):
        self.message = message or self.default_message
        self.detail = detail  # for logs: what went wrong, in developer terms
        self.issue = issue  # PayPal's issue code, e.g. "INSTRUMENT_DECLINED"
        self.debug_id = debug_id  # PayPal's debug id, to quote to PayPal support
        self.status_code = status_code
        self.raw = raw  # the parsed error body, for the payment record
        super().__init__(detail or str(self.message))


class PaymentDeclined(PaymentError):
    """PayPal refused the buyer's funding source (e.g. INSTRUMENT_DECLINED); `issue` holds the code.

    The order stays pending: the customer can go back to PayPal and pick another
    card or account, or choose another payment method.
    """

    default_message = _("Your payment was declined. Please choose another card or payment method.")


class GatewayUnavailable(PaymentError):
    """PayPal could not be reached or answered nonsense: timeout, connection error, 5xx, malformed JSON.

    Retryable. After a timeout the call may or may not have taken effect at PayPal,
    so retry with the same PayPal-Request-Id (PayPal then replays its answer) or ask
    PayPal for the order's state before trying anything else.
    """

    default_message = _("PayPal is not responding right now. Your order is saved; please try again in a few minutes.")
    retryable = True


class AlreadyCaptured(PaymentError):
    """PayPal says the order was already captured (ORDER_ALREADY_CAPTURED).

    Not a failure for the customer: reconcile by showing the PayPal order and
    recording the capture it holds, instead of charging again.
    """

    default_message = _("This payment has already been completed.")


class AmountMismatch(PaymentError):
    """The captured amount or currency differs from what the order expects; the order must not be marked paid."""

    default_message = _("The payment amount does not match your order. Our staff will contact you.")

    def __init__(self, *, expected_amount, expected_currency, actual_amount, actual_currency, **kwargs):
        self.expected_amount = expected_amount
        self.expected_currency = expected_currency
        self.actual_amount = actual_amount
        self.actual_currency = actual_currency
        kwargs.setdefault(
            "detail",
            f"expected {expected_amount} {expected_currency}, PayPal captured {actual_amount} {actual_currency}",
        )
        super().__init__(**kwargs)


class WebhookVerificationFailed(PaymentError):
    """A webhook delivery's signature was not confirmed by PayPal; the event must be ignored."""

    default_message = _("The notification could not be verified.")
