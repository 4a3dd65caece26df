"""The soft check "second infusion of the same lot on the same day" and the lot/DIN matching behind it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mscdose.records.same_lot import lot_key, same_day_same_lot
from mscdose.records.store import RecordStore
from tests.records.helpers import document


@pytest.mark.parametrize(("text", "key"), [
    ("G1234 98 654321 H", "G123498654321"),  # as printed, with check character
    ("=G12349865432177", "G123498654321"),  # scanned: = + 13 characters + 2 flag digits
    ("g123498654321", "G123498654321"),  # typed without check character, lower case
    ("lot-2026/07 a", "LOT202607A"),  # a lot number: spaces, punctuation and case ignored
    ("  ", ""),
])
def test_lot_key(text: str, key: str) -> None:
    assert lot_key(text) == key


def test_the_same_lot_for_the_same_patient_today_is_found(store: RecordStore) -> None:
    first = store.save(document("P1", lot_number="L-7", din="G123498654321H"))
    store.save(document("P2", lot_number="L-7"))  # another patient
    store.save(document("P1", lot_number="L-8"))  # another lot
    assert [r.id for r in same_day_same_lot(store, "p1", "l 7")] == [first.id]
    assert [r.id for r in same_day_same_lot(store, "P1", "=G12349865432177")] == [first.id]
    assert same_day_same_lot(store, "P1", "L-9") == []
    assert same_day_same_lot(store, "P3", "L-7") == []
    assert same_day_same_lot(store, "", "L-7") == []
    assert same_day_same_lot(store, "P1", "") == []


def test_only_the_same_day_counts(store: RecordStore) -> None:
    store.save(document("P1", lot_number="L-7"))
    today = datetime.now().astimezone()
    assert len(same_day_same_lot(store, "P1", "L-7", today.date())) == 1
    assert len(same_day_same_lot(store, "P1", "L-7", today)) == 1
    assert same_day_same_lot(store, "P1", "L-7", today.date() - timedelta(days=1)) == []
    assert same_day_same_lot(store, "P1", "L-7", today + timedelta(days=1)) == []


def test_a_superseded_record_counts_once_through_its_correction(store: RecordStore) -> None:
    store.save(document("P1", lot_number="L-7", weight="60 kg"))
    store.save(document("P1", lot_number="L-7"), supersedes=1, correction_reason="weight typed wrong, is 62")
    assert [r.id for r in same_day_same_lot(store, "P1", "L-7")] == [2]
