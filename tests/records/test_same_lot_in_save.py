"""The same-lot rule inside RecordStore.save's transaction (SQLite), shared with the PostgreSQL store
(records/same_lot_rule.py): a record of the same patient and lot or DIN saved today since the review is
refused unless the document carries the REPEAT_INFUSION_SAME_LOT_DAY override."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from mscdose.core.overrides import Override
from mscdose.records import store_writing
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document

ANSWERED = (Override("REPEAT_INFUSION_SAME_LOT_DAY", "Second bag of the same lot prescribed by Dr Lee", "JS"),)


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    opened = RecordStore(tmp_path / "records.sqlite3")
    yield opened
    opened.close()


def test_a_same_lot_record_saved_since_the_review_is_refused(store: RecordStore) -> None:
    store.save(document("P1", lot_number="L-7"))
    head_before = store.head()
    with pytest.raises(StoreError, match=r"record\(s\) #1 .*REPEAT_INFUSION_SAME_LOT_DAY.*Nothing was saved"):
        store.save(document("p 1", lot_number="l7"))  # the same patient and lot by canonical key
    assert store.count() == 1 and store.head() == head_before and store.verify().ok


def test_the_same_unit_by_din_is_refused(store: RecordStore) -> None:
    store.save(document("P1", din="G1234 98 654321 H"))
    with pytest.raises(StoreError, match="REPEAT_INFUSION_SAME_LOT_DAY"):
        store.save(document("P1", din="=G12349865432177"))  # scanned: = + 13 characters + 2 flag digits


def test_the_override_lets_it_be_saved(store: RecordStore) -> None:
    store.save(document("P1", lot_number="L-7"))
    assert store.save(document("P1", lot_number="L-7", overrides=ANSWERED)).id == 2


@pytest.mark.parametrize("second", [
    {"patient_id": "P2", "lot_number": "L-7"},  # another patient
    {"patient_id": "P1", "lot_number": "L-8"},  # another lot
    {"patient_id": "P1", "lot_number": ""},  # no lot, no DIN: nothing to compare
])
def test_other_patients_and_lots_are_saved(store: RecordStore, second: dict[str, str]) -> None:
    store.save(document("P1", lot_number="L-7"))
    assert store.save(document(second["patient_id"], lot_number=second["lot_number"])).id == 2


def test_a_correction_of_the_same_lot_record_is_saved(store: RecordStore) -> None:
    store.save(document("P1", lot_number="L-7", weight="60 kg"))
    corrected = store.save(document("P1", lot_number="L-7"), supersedes=1, correction_reason="weight is 62 kg")
    assert corrected.id == 2
    with pytest.raises(StoreError, match=r"record\(s\) #2 "):  # the correction now stands for the infusion
        store.save(document("P1", lot_number="L-7"))


def test_a_record_of_yesterday_does_not_count(store: RecordStore, monkeypatch: pytest.MonkeyPatch) -> None:
    yesterday = store_writing.utc_now() - timedelta(days=1, hours=1)
    with monkeypatch.context() as patched:
        patched.setattr(store_writing, "utc_now", lambda: yesterday)  # the clock of the writes
        store.save(document("P1", lot_number="L-7"))
    assert store.save(document("P1", lot_number="L-7")).id == 2
