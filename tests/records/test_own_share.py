"""How verify splits the record spans with its helper process (verify_records.own_share): only its speed depends
on the split, never its report (tests/records/test_two_process.py), so these check the figures of the cost model
worked out by hand, and that a damaged count falls back to the old constant instead of failing."""

from __future__ import annotations

import sqlite3

import pytest

from mscdose.records.verify_records import OWN_SHARE, own_share


def counts(**seq: object) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    for name in seq:
        conn.execute(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY AUTOINCREMENT)")
        conn.execute(f"INSERT INTO {name} DEFAULT VALUES")
    for name, value in seq.items():
        conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", (value, name))
    return conn


def test_a_store_without_signatures_is_split_about_evenly() -> None:
    # 100,000 records, 33,334 print events, 133,334 ledger entries: other work 0.14 * 33,334 + 0.11 * 133,334
    # = 19,333.4 records' worth; share (100,000 - 19,333.4) / 200,000 = 0.4033
    share = own_share(counts(records=100_000, print_events=33_334, ledger=133_334))
    assert share == pytest.approx(0.4033, abs=1e-4)


def test_a_store_signed_twice_a_record_leaves_the_records_to_the_helper() -> None:
    # + 200,000 signatures and their ledger entries: (100,000 - 4,666.8 - 44,000 - 36,666.7) / 200,000 = 0.073,
    # below the floor of 0.1
    assert own_share(counts(records=100_000, print_events=33_334, signatures=200_000, ledger=333_334)) == 0.1


@pytest.mark.parametrize("records", ["many", -5, 0])
def test_a_count_that_is_not_a_count_gives_the_old_share(records: object) -> None:
    assert own_share(counts(records=records, ledger=10)) == OWN_SHARE
