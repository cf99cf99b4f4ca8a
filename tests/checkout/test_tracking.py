"""Tracking links built from the carrier's name and the parcel number."""

from checkout.tracking import tracking_url


def test_known_carriers_get_a_link_with_the_number_escaped():
    assert tracking_url(" SEUR ", "AB 12/3") == "https://www.seur.com/livetracking/?segOnlineIdentificador=AB%2012%2F3"
    assert tracking_url("correos", "PK123ES").endswith("tracking-number=PK123ES")


def test_unknown_carriers_or_missing_numbers_get_no_link():
    assert tracking_url("Transportes Pepe", "123") == ""
    assert tracking_url("DHL", "") == ""
