"""Hard flags of the scanned product labels (core/product_checks.py): wrong product, expired, two DINs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mscdose.core.flags import status_of
from mscdose.core.product_checks import (
    din_flags,
    expiry_flags,
    local_wall_time,
    product_code_flags,
    product_flags,
)
from mscdose.core.scan import parse_scan

BAG = "=G12349865432177=<S1234A00&>0263651800"   # expires 2026-12-31 18:00 (2026: 365 days, day 365)
OTHER_DONATION = "=G12341765432170=<S1234A00&>0263651800"
NOW = datetime(2026, 12, 1, 9, 0)


def codes(flags: list) -> list[str]:
    return [f.code for f in flags]


def test_a_good_bag_raises_nothing() -> None:
    assert product_flags([parse_scan(BAG), parse_scan(BAG)], ["S1234"], NOW) == []


def test_a_product_the_protocol_does_not_list_is_hard() -> None:
    flags = product_flags([parse_scan(BAG)], ["S9999"], NOW)
    assert codes(flags) == ["PRODUCT_NOT_IN_PROTOCOL"] and status_of(flags) == "blocked"
    assert "S1234A00" in flags[0].message and "S9999" in flags[0].message and flags[0].field == "scan"


def test_protocol_entries_of_five_or_eight_characters() -> None:
    scan = parse_scan(BAG)
    assert product_code_flags([scan], ["S1234A00"]) == []        # the whole code, exactly
    assert codes(product_code_flags([scan], ["S1234B00"])) == ["PRODUCT_NOT_IN_PROTOCOL"]
    assert product_code_flags([scan], [" s1234 "]) == []          # a description code, any division
    assert codes(product_code_flags([scan], [])) == ["PRODUCT_NOT_IN_PROTOCOL"]  # an empty list accepts nothing


def test_a_non_cellular_product_is_hard_even_when_the_protocol_lists_none() -> None:
    tissue = parse_scan("=<T0416003")
    assert codes(product_code_flags([tissue], None)) == ["PRODUCT_NOT_IN_PROTOCOL"]
    assert product_code_flags([parse_scan(BAG)], None) == []
    assert product_code_flags([parse_scan("=G12349865432177")], ["S1234"]) == []  # no product code scanned


def test_expiry_is_hard_from_the_minute_on_the_label() -> None:
    scan = parse_scan(BAG)
    assert expiry_flags([scan], datetime(2026, 12, 31, 17, 59)) == []
    flags = expiry_flags([scan], datetime(2026, 12, 31, 18, 0))
    assert codes(flags) == ["PRODUCT_EXPIRED"] and flags[0].severity == "hard"
    assert "expired at 2026-12-31 18:00" in flags[0].message


def test_a_date_without_time_expires_at_2359() -> None:
    scan = parse_scan("=>026365")
    assert expiry_flags([scan], datetime(2026, 12, 31, 23, 58)) == []
    flags = expiry_flags([scan], datetime(2026, 12, 31, 23, 59))
    assert codes(flags) == ["PRODUCT_EXPIRED"] and "date only" in flags[0].message


def test_the_published_example_is_long_expired() -> None:
    # ST-012 section 6.2 label: &>0183652359 = 2018-12-31 23:59.
    assert codes(expiry_flags([parse_scan("&>0183652359")], NOW)) == ["PRODUCT_EXPIRED"]


def test_an_aware_now_is_compared_in_local_time() -> None:
    local = datetime(2026, 12, 31, 18, 0).astimezone()   # 18:00 here, whatever this machine's zone
    in_utc = local.astimezone(UTC)
    assert local_wall_time(in_utc) == datetime(2026, 12, 31, 18, 0)
    assert codes(expiry_flags([parse_scan(BAG)], in_utc)) == ["PRODUCT_EXPIRED"]
    assert expiry_flags([parse_scan(BAG)], in_utc - timedelta(minutes=1)) == []


def test_bags_from_two_donations_are_hard() -> None:
    flags = din_flags([parse_scan(BAG), parse_scan(OTHER_DONATION)])
    assert codes(flags) == ["BAG_DIN_MISMATCH"]
    assert "bag 1: G1234 98 654321 H" in flags[0].message and "bag 2: G1234 17 654321 A" in flags[0].message
    assert din_flags([parse_scan(BAG), parse_scan("=<S1234A00")]) == []  # a bag scanned without its DIN


def test_all_flags_together_in_order() -> None:
    scans = [parse_scan(BAG), parse_scan("=G12341765432170=<T0416003&>0183652359")]
    flags = product_flags(scans, ["S1234"], NOW)
    # issue 13 wiring: two different product codes in one infusion are now also BAG_PRODUCT_MISMATCH
    assert codes(flags) == ["PRODUCT_NOT_IN_PROTOCOL", "PRODUCT_EXPIRED", "BAG_DIN_MISMATCH", "BAG_PRODUCT_MISMATCH"]
    assert flags[0].message.startswith("Bag 2 (DIN G1234 17 654321 A)")
