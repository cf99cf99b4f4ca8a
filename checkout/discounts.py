"""Discount codes at checkout: find the code a customer typed and say why it cannot be used.

`find_discount` answers the checkout form (each refusal has its own message
for the customer); `lock_discount` runs again when the order is placed, with
the code's row locked, so two simultaneous orders cannot use a code past its
limit. How much a code takes off is `checkout.pricing`'s job.
"""

from django.db import transaction
from django.db.models import Q
from django.db.transaction import TransactionManagementError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from home.templatetags.site_tags import money

from .models import DiscountCode, Order, OrderStatus


class DiscountRefused(Exception):
    """A code the customer cannot use; `message` tells them why, in their language.

    `reason` is a stable key (one of the constants below) for code and tests
    that need to tell the reasons apart without reading the words.
    """

    EMPTY = "empty"
    UNKNOWN = "unknown"
    INACTIVE = "inactive"
    NOT_STARTED = "not_started"
    EXPIRED = "expired"
    USED_UP = "used_up"
    CUSTOMER_LIMIT = "customer_limit"
    BELOW_MINIMUM = "below_minimum"

    def __init__(self, message, *, reason):
        super().__init__(message)
        self.message = message
        self.reason = reason


def find_discount(code_text, *, subtotal, email=None, now=None):
    """The DiscountCode the customer typed, if they may use it now on this subtotal.

    Case and surrounding spaces do not matter. Without `email` the per-customer
    limit cannot be checked yet; `lock_discount` checks it when the order is placed.
    Raises DiscountRefused with the first reason that applies.
    """
    text = (code_text or "").strip()
    if not text:
        raise DiscountRefused(_("Type a discount code."), reason=DiscountRefused.EMPTY)
    # Staff-saved codes are stored upper-cased; iexact also finds codes created
    # elsewhere (SQLite's case-insensitive match only folds ASCII, hence both).
    discount = DiscountCode.objects.filter(Q(code=text.upper()) | Q(code__iexact=text)).first()
    if discount is None:
        raise _unknown(text)
    check_discount(discount, subtotal=subtotal, email=email, now=now)
    return discount


def lock_discount(discount, *, email=None, subtotal=None, now=None):
    """Lock a code's row until the transaction ends, check it again and return it fresh.

    Must run inside `transaction.atomic()`, in the same transaction that saves
    the order using the code: a second order placed at the same moment waits
    for the lock, then counts the first order, so usage limits hold (on
    PostgreSQL; SQLite serialises writers anyway). `discount` is a DiscountCode
    or its pk. Raises DiscountRefused like `find_discount`.
    """
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError("lock_discount() must run inside transaction.atomic().")
    pk = getattr(discount, "pk", discount)
    locked = DiscountCode.objects.select_for_update().filter(pk=pk).first()
    if locked is None:
        raise _unknown(getattr(discount, "code", str(pk)))
    check_discount(locked, subtotal=subtotal, email=email, now=now)
    return locked


def check_discount(discount, *, subtotal=None, email=None, now=None):
    """Raise DiscountRefused if `discount` cannot be used now (by `email`, on `subtotal`).

    Checks run in the order a customer can act on: active, dates, usage, minimum.
    A check whose input is missing (no email, no subtotal) is skipped.
    """
    _check_active_now(discount, now or timezone.now())
    _check_usage(discount, email)
    if subtotal is not None:
        _check_minimum(discount, subtotal)


def times_used(discount, email=None):
    """How many orders used the code (cancelled ones give the use back), by `email` if given."""
    orders = Order.objects.filter(discount_code=discount).exclude(status=OrderStatus.CANCELLED)
    if email is not None:
        orders = orders.filter(email__iexact=email.strip())
    return orders.count()


def _unknown(text):
    return DiscountRefused(
        _("There is no discount code “%(code)s”. Please check how it is written.") % {"code": text},
        reason=DiscountRefused.UNKNOWN,
    )


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _check_active_now(discount, now):
    code = discount.code
    if not discount.is_active:
        raise DiscountRefused(
            _("The discount code %(code)s is not active.") % {"code": code}, reason=DiscountRefused.INACTIVE,
        )
    if discount.valid_from and now < discount.valid_from:
        raise DiscountRefused(
            _("The discount code %(code)s can be used from %(start)s.") % {
                "code": code, "start": _when(discount.valid_from)},
            reason=DiscountRefused.NOT_STARTED,
        )
    if discount.valid_until and now >= discount.valid_until:
        raise DiscountRefused(
            _("The discount code %(code)s expired on %(end)s.") % {"code": code, "end": _when(discount.valid_until)},
            reason=DiscountRefused.EXPIRED,
        )


def _check_usage(discount, email):
    code = discount.code
    if discount.usage_limit is not None and times_used(discount) >= discount.usage_limit:
        raise DiscountRefused(
            _("The discount code %(code)s has already been used as many times as it allows.") % {"code": code},
            reason=DiscountRefused.USED_UP,
        )
    limit = discount.usage_limit_per_customer
    if limit is not None and email and times_used(discount, email) >= limit:
        raise DiscountRefused(
            _("You have already used the discount code %(code)s as many times as it allows per customer.")
            % {"code": code},
            reason=DiscountRefused.CUSTOMER_LIMIT,
        )


def _check_minimum(discount, subtotal):
    # Applies to every kind, free-shipping codes included ("free shipping from 30 € with code X").
    if discount.minimum_subtotal is not None and subtotal < discount.minimum_subtotal:
        raise DiscountRefused(
            _("The discount code %(code)s needs a subtotal of at least %(minimum)s.") % {
                "code": discount.code, "minimum": money(discount.minimum_subtotal)},
            reason=DiscountRefused.BELOW_MINIMUM,
        )
