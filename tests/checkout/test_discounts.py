"""Discount codes: found in any case, each refusal with its own message, limits that hold under races."""

import itertools
import threading
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone, translation

from checkout.discounts import DiscountRefused, find_discount, lock_discount, times_used
from checkout.models import DiscountCode, Order, OrderStatus, PaymentMethod
from tests.factories import DiscountCodeFactory

D = Decimal
_numbers = itertools.count(1)


def order_using(code, email="ana@example.com", status=OrderStatus.PAID):
    """An order that used `code`, as checkout.orders would save it."""
    return Order.objects.create(
        number=f"T{next(_numbers):06d}", email=email, name="Ana", payment_method=PaymentMethod.PAYPAL,
        currency="EUR", subtotal=D("40.00"), discount_total=D("4.00"), tax_rate=D("21.00"), tax_total=D("6.25"),
        total=D("36.00"), discount_code=code, discount_code_text=code.code, status=status,
    )


def refusal(code_text, subtotal=D("40.00"), **kwargs):
    """The DiscountRefused raised for this input, its message read in English."""
    with translation.override("en"), pytest.raises(DiscountRefused) as caught:
        find_discount(code_text, subtotal=subtotal, **kwargs)
    return caught.value


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["VERANO10", "verano10", "  Verano10 \t"])
def test_code_is_found_in_any_case_and_without_surrounding_spaces(typed):
    code = DiscountCodeFactory(code="VERANO10")

    assert find_discount(typed, subtotal=D("40.00")) == code


@pytest.mark.django_db
def test_non_ascii_codes_are_found_in_any_case():
    code = DiscountCodeFactory(code="ÑANDÚ")  # the admin stores codes upper-cased

    assert find_discount("ñandú", subtotal=D("1.00")) == code


@pytest.mark.django_db
def test_each_refusal_has_its_own_reason_and_message():
    now = timezone.now()
    DiscountCodeFactory(code="OFF", is_active=False)
    DiscountCodeFactory(code="SOON", valid_from=now + timedelta(days=3))
    DiscountCodeFactory(code="OLD", valid_until=now - timedelta(days=1))
    order_using(DiscountCodeFactory(code="GONE", usage_limit=1), email="someone@example.com")
    order_using(DiscountCodeFactory(code="ONCE", usage_limit_per_customer=1), email="ana@example.com")
    DiscountCodeFactory(code="BIG", minimum_subtotal=D("60.00"))

    refusals = {
        DiscountRefused.EMPTY: refusal("   "),
        DiscountRefused.UNKNOWN: refusal("NOPE"),
        DiscountRefused.INACTIVE: refusal("off"),
        DiscountRefused.NOT_STARTED: refusal("soon"),
        DiscountRefused.EXPIRED: refusal("old"),
        DiscountRefused.USED_UP: refusal("gone"),
        DiscountRefused.CUSTOMER_LIMIT: refusal("once", email="ana@example.com"),
        DiscountRefused.BELOW_MINIMUM: refusal("big"),
    }

    assert {reason: error.reason for reason, error in refusals.items()} == {reason: reason for reason in refusals}
    messages = [str(error.message) for error in refusals.values()]
    assert len(set(messages)) == len(messages), messages
    assert all(str(error) == str(error.message) for error in refusals.values())
    assert "NOPE" in refusals[DiscountRefused.UNKNOWN].message


@pytest.mark.django_db
def test_refusal_messages_say_the_dates_and_the_minimum():
    start = timezone.now() + timedelta(days=3)
    DiscountCodeFactory(code="SOON", valid_from=start)
    DiscountCodeFactory(code="BIG", minimum_subtotal=D("60.00"))

    with translation.override("en"):
        assert str(start.year) in refusal("soon").message
        assert "€60.00" in refusal("big", subtotal=D("59.99")).message
    with translation.override("es"):
        with pytest.raises(DiscountRefused) as caught:
            find_discount("big", subtotal=D("59.99"))
    assert "60,00\u00a0€" in caught.value.message


@pytest.mark.django_db
def test_validity_period_bounds():
    start = timezone.now()
    end = start + timedelta(days=7)
    DiscountCodeFactory(code="WEEK", valid_from=start, valid_until=end)

    assert find_discount("week", subtotal=D("1.00"), now=start)
    assert find_discount("week", subtotal=D("1.00"), now=end - timedelta(seconds=1))
    assert refusal("week", now=end).reason == DiscountRefused.EXPIRED
    assert refusal("week", now=start - timedelta(seconds=1)).reason == DiscountRefused.NOT_STARTED


@pytest.mark.django_db
def test_minimum_subtotal_is_inclusive():
    DiscountCodeFactory(code="BIG", minimum_subtotal=D("60.00"))

    assert find_discount("big", subtotal=D("60.00"))
    assert refusal("big", subtotal=D("59.99")).reason == DiscountRefused.BELOW_MINIMUM


@pytest.mark.django_db
def test_free_shipping_code_needs_no_value():
    code = DiscountCodeFactory(code="ENVIOGRATIS", kind=DiscountCode.Kind.FREE_SHIPPING, value=D("0"))

    assert find_discount("enviogratis", subtotal=D("0.00")) == code


@pytest.mark.django_db
def test_total_limit_counts_orders_except_cancelled_ones():
    code = DiscountCodeFactory(code="TWICE", usage_limit=2)
    order_using(code, email="a@example.com")
    order_using(code, email="b@example.com", status=OrderStatus.CANCELLED)

    assert find_discount("twice", subtotal=D("40.00")) == code
    order_using(code, email="c@example.com", status=OrderStatus.PENDING_PAYMENT)

    assert times_used(code) == 2
    assert refusal("twice").reason == DiscountRefused.USED_UP


@pytest.mark.django_db
def test_per_customer_limit_counts_by_email_in_any_case():
    code = DiscountCodeFactory(code="ONCE", usage_limit_per_customer=1)
    order_using(code, email="Ana@Example.com")

    assert refusal("once", email="ana@example.COM").reason == DiscountRefused.CUSTOMER_LIMIT
    assert find_discount("once", subtotal=D("40.00"), email="luis@example.com") == code
    # Before the customer has typed an email the limit cannot be known; lock_discount checks it.
    assert find_discount("once", subtotal=D("40.00")) == code


@pytest.mark.django_db
def test_lock_discount_checks_again_inside_the_transaction():
    code = DiscountCodeFactory(code="ONCE", usage_limit=1)

    with transaction.atomic():
        assert lock_discount(code) == code
    order_using(code)
    with translation.override("en"), transaction.atomic(), pytest.raises(DiscountRefused) as caught:
        lock_discount(code.pk)
    assert caught.value.reason == DiscountRefused.USED_UP


@pytest.mark.django_db
def test_lock_discount_sees_changes_made_after_the_code_was_found():
    code = find_discount(DiscountCodeFactory(code="LATE").code, subtotal=D("40.00"))
    DiscountCode.objects.filter(pk=code.pk).update(is_active=False)

    with transaction.atomic(), pytest.raises(DiscountRefused) as caught:
        lock_discount(code, email="ana@example.com", subtotal=D("40.00"))
    assert caught.value.reason == DiscountRefused.INACTIVE


@pytest.mark.django_db(transaction=True)
def test_lock_discount_refuses_to_run_outside_a_transaction():
    code = DiscountCodeFactory()

    with pytest.raises(TransactionManagementError):
        lock_discount(code)


# Races: real threads, each with its own database connection, on PostgreSQL.

@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")


def race(buyers, place):
    """Run `place(i)` in `buyers` threads released together; returns (placed, refused) counts."""
    start = threading.Barrier(buyers)
    outcomes = []

    def buyer(i):
        try:
            start.wait()
            place(i)
            outcomes.append("placed")
        except DiscountRefused:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(buyers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes.count("placed"), outcomes.count("refused"), outcomes


def place_with(code, email_for):
    def place(i):
        with transaction.atomic():
            locked = lock_discount(code.pk, email=email_for(i), subtotal=D("40.00"))
            time.sleep(0.05)  # widen the gap between the check and the insert
            order_using(locked, email=email_for(i))
    return place


@pytest.mark.django_db(transaction=True)
def test_total_limit_holds_when_many_customers_order_at_once(postgres_only):
    code = DiscountCodeFactory(code="FIRST3", usage_limit=3)

    placed, refused, outcomes = race(12, place_with(code, lambda i: f"buyer{i}@example.com"))

    assert (placed, refused) == (3, 9), outcomes
    assert times_used(code) == 3


@pytest.mark.django_db(transaction=True)
def test_per_customer_limit_holds_when_one_customer_double_submits(postgres_only):
    code = DiscountCodeFactory(code="ONCE", usage_limit_per_customer=1)

    placed, refused, outcomes = race(8, place_with(code, lambda i: "Ana@example.com" if i % 2 else "ana@EXAMPLE.com"))

    assert (placed, refused) == (1, 7), outcomes
    assert times_used(code, "ana@example.com") == 1
