"""The customer's side of a return: when an order can be returned, how many units, and asking for it.

The window opens when the order was first delivered (or first shipped, if
delivery was never recorded) and lasts CheckoutSettings.return_window_days.
The first event counts: an order that goes back to "delivered" after a
rejected return does not get a new window. Units already in other returns
(except rejected ones) are no longer returnable.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from checkout.models import Order, OrderStatus
from checkout.orders import can_transition, transition

from .exceptions import InvalidReturnLines, ReturnNotAllowed
from .models import ReturnRequest, ReturnStatus
from .notifications import notify_customer, notify_staff

RETURNABLE_STATUSES = (OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.PARTIALLY_REFUNDED)


def return_window_start(order):
    """When the window opened: the first delivery, else the first shipment, else None (not sent yet)."""
    for status in (OrderStatus.DELIVERED, OrderStatus.SHIPPED):
        event = order.events.filter(to_status=status).order_by("created_at", "pk").first()
        if event is not None:
            return event.created_at
    return None


def return_deadline(order, store):
    """The last moment a return can be asked for, or None while the order has not been sent."""
    start = return_window_start(order)
    return None if start is None else start + timedelta(days=store.return_window_days)


def returned_quantities(order):
    """Units of each order line (by id) already in returns that were not rejected."""
    rows = (
        order.lines.filter(return_lines__return_request__status__in=_counting_statuses())
        .annotate(returned=Sum("return_lines__quantity")).values_list("pk", "returned")
    )
    return dict(rows)


def _counting_statuses():
    return [status for status in ReturnStatus.values if status != ReturnStatus.REJECTED]


def returnable_quantities(order):
    """Units of each order line (by id) the customer can still send back."""
    returned = returned_quantities(order)
    return {line.pk: max(line.quantity - returned.get(line.pk, 0), 0) for line in order.lines.all()}


def check_returnable(order, store, now=None):
    """Raise ReturnNotAllowed (with the reason for the customer) unless `order` can have a new return now."""
    deadline = return_deadline(order, store)
    if deadline is None:
        raise ReturnNotAllowed(_("This order has not been shipped yet, so it cannot be returned."))
    if order.return_requests.filter(
        status__in=[ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.RECEIVED]
    ).exists():
        raise ReturnNotAllowed(_("This order already has a return in progress. We will tell you when it is done."))
    if order.status not in RETURNABLE_STATUSES or not can_transition(order, OrderStatus.RETURN_REQUESTED):
        raise ReturnNotAllowed(
            _("This order is “%(status)s” and cannot be returned.") % {"status": order.get_status_display()}
        )
    if (now or timezone.now()) > deadline:
        raise ReturnNotAllowed(
            _("The return period for this order ended on %(date)s.")
            % {"date": date_format(timezone.localtime(deadline), "DATE_FORMAT")}
        )
    if not any(returnable_quantities(order).values()):
        raise ReturnNotAllowed(_("Every product of this order is already in a return."))
    return deadline


def request_return(order, quantities, *, reason, store, comment="", photo=None):
    """Record a return of `quantities` ({order line id: units}) and move the order to "return requested".

    All or nothing: the order row is locked, the window and the units are
    checked again under the lock (two tabs cannot return the same units twice),
    and the request, its lines and the order's new status are written in one
    transaction. Emails go out once it commits. Raises ReturnNotAllowed or
    InvalidReturnLines.
    """
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        check_returnable(locked, store)
        wanted = _checked_quantities(locked, quantities)
        sequence = locked.return_requests.count() + 1
        return_request = ReturnRequest.objects.create(
            order=locked, number=f"{locked.number}-R{sequence}", reason=reason, comment=comment,
            photo=photo or "", language=locked.language,
        )
        for line_id, units in sorted(wanted.items()):
            return_request.lines.create(order_line_id=line_id, quantity=units)
        transition(locked, OrderStatus.RETURN_REQUESTED, note=f"Return {return_request.number}")
        notify_customer(return_request, "requested")
        notify_staff(return_request)
    order.refresh_from_db()
    return return_request


def _checked_quantities(order, quantities):
    """The units asked for, only lines with units; InvalidReturnLines if any line is foreign or too many."""
    returnable = returnable_quantities(order)
    errors = {}
    wanted = {}
    for line_id, units in quantities.items():
        if line_id not in returnable:
            raise InvalidReturnLines(_("This return names a product that is not in this order."))
        if units < 0:
            errors[line_id] = _("Enter a number of units, 0 or more.")
        elif units > returnable[line_id]:
            errors[line_id] = _("You can return at most %(count)s of this product.") % {
                "count": returnable[line_id]}
        elif units:
            wanted[line_id] = units
    if errors:
        raise InvalidReturnLines(line_errors=errors)
    if not wanted:
        raise InvalidReturnLines(_("Choose at least one unit to return."))
    return wanted
