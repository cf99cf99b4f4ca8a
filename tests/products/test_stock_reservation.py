"""Reserving stock for orders: all or nothing, never below zero, even under a race."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from products.models import StockRecord
from products.stock import OutOfStock, release_stock, reserve_stock, set_stock


def units(sku):
    return StockRecord.objects.get(sku=sku).quantity


@pytest.mark.django_db
def test_reserving_takes_every_line_or_none():
    set_stock("A", 5)
    set_stock("B", 1)

    with pytest.raises(OutOfStock) as refused:
        with transaction.atomic():
            reserve_stock({"A": 2, "B": 2})

    assert refused.value.shortages == {"B": 1}
    assert (units("A"), units("B")) == (5, 1)

    with transaction.atomic():
        reserve_stock({"A": 2, "B": 1})
    assert (units("A"), units("B")) == (3, 0)


@pytest.mark.django_db
def test_an_unknown_sku_counts_as_out_of_stock():
    with pytest.raises(OutOfStock) as refused, transaction.atomic():
        reserve_stock({"NOPE": 1})
    assert refused.value.shortages == {"NOPE": 0}


@pytest.mark.django_db
def test_releasing_puts_units_back():
    set_stock("A", 1)
    with transaction.atomic():
        reserve_stock({"A": 1})
    release_stock({"A": 1})
    assert units("A") == 1


@pytest.fixture
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; CI runs this file on PostgreSQL too")


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_racing_for_the_last_three_units(needs_postgres):
    set_stock("LAST", 3)
    start = threading.Barrier(20)
    outcomes = []

    def buyer():
        try:
            start.wait()
            with transaction.atomic():
                reserve_stock({"LAST": 1})
            outcomes.append("bought")
        except OutOfStock:
            outcomes.append("refused")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=buyer) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes).count("bought") == 3
    assert outcomes.count("refused") == 17
    assert units("LAST") == 0


@pytest.mark.django_db(transaction=True)
def test_two_carts_locking_the_same_skus_in_opposite_order_do_not_deadlock(needs_postgres):
    set_stock("X", 20)
    set_stock("Y", 20)
    start = threading.Barrier(2)
    errors = []

    def buyer(order_of_keys):
        try:
            start.wait()
            for _ in range(10):
                with transaction.atomic():
                    reserve_stock(dict.fromkeys(order_of_keys, 1))
        except Exception as error:  # a deadlock would surface here
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=buyer, args=(keys,)) for keys in (["X", "Y"], ["Y", "X"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert (units("X"), units("Y")) == (0, 0)
