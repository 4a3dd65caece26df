"""Issue 10 §3, store side: one infusion means one infusion, whatever way the patient ID is typed, and even
under eight programs saving at once; a correction replaces its record and so passes the limit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mscdose.core.identifiers import canonical_key, lot_key
from mscdose.records.same_lot import same_day_same_lot
from mscdose.records.store import InfusionLimitReached, RecordStore, StoreError
from tests.records.helpers import document

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("typed", "key"), [
    ("MRN-004512", "mrn004512"),
    ("MRN 004512", "mrn004512"),
    ("mrn004512", "mrn004512"),
    ("ＭＲＮ－００４５１２", "mrn004512"),  # full-width letters, hyphen and digits (NFKC)
    ("MRN\u200b004512", "mrn004512"),  # zero-width space pasted from an e-mail
    ("MRN\u2011004512\u00ad", "mrn004512"),  # non-breaking hyphen, soft hyphen
    ("MRN\u2212004512", "mrn004512"),  # minus sign
    ("  MRN\t004512\n", "mrn004512"),
    ("Straße-7", "strasse7"),  # case folding, not just lower()
    ("患者 12", "患者12"),
    ("--\u200b ", ""),
])
def test_canonical_key(typed: str, key: str) -> None:
    assert canonical_key(typed) == key


@pytest.mark.parametrize(("typed", "key"), [
    ("G1234 98 654321 H", "G123498654321"),
    ("=G12349865432177", "G123498654321"),
    ("ｌｏｔ－７", "LOT7"),
    ("lot\u200b7", "LOT7"),
    ("批号-7", "批号7"),  # letters of another script are kept, not dropped
])
def test_lot_key(typed: str, key: str) -> None:
    assert lot_key(typed) == key


@pytest.mark.parametrize("second", ["MRN 004512", "mrn-004512", "ＭＲＮ００４５１２", "MRN\u200b004512"])
def test_a_second_infusion_is_refused_however_the_id_is_typed(store: RecordStore, second: str) -> None:
    first = store.save(document("MRN-004512", lot_number="L-1"), infusion_limit=1)
    with pytest.raises(InfusionLimitReached) as refused:
        store.save(document(second, lot_number="L-2"), infusion_limit=1)  # another lot, same day
    assert refused.value.earlier == (first.id,) and refused.value.limit == 1
    assert "INFUSION_LIMIT_REACHED" in str(refused.value) and "#1" in str(refused.value)
    assert isinstance(refused.value, StoreError)
    assert store.count() == 1
    assert store.get(1).patient_id == "MRN-004512"  # stored as typed


def test_the_limit_counts_per_protocol_and_only_when_asked(store: RecordStore) -> None:
    store.save(document("P1"), infusion_limit=1)
    store.save(document("P2"), infusion_limit=1)  # another patient
    assert store.save(document("P1")).id == 3  # no limit given: the caller decides (e.g. a protocol without one)
    with pytest.raises(InfusionLimitReached) as refused:
        store.save(document("P1"), infusion_limit=2)
    assert refused.value.earlier == (1, 3)
    other = document("P1")
    other["protocol"] = {**other["protocol"], "id": "OTHER-1"}
    assert store.save(other, infusion_limit=1).id == 4
    with pytest.raises(StoreError, match="infusion limit 0 is not a whole number"):
        store.save(document("P5"), infusion_limit=0)


def test_a_correction_passes_the_limit_and_the_old_record_stays_in_the_chain(store: RecordStore) -> None:
    wrong = store.save(document("P1", weight="60 kg"), infusion_limit=1)
    fixed = store.save(document("P1"), supersedes=wrong.id, correction_reason="weight is 62 kg",
                       infusion_limit=1)
    assert (fixed.id, fixed.supersedes, store.get(wrong.id).superseded_by) == (2, 1, 2)
    again = store.save(document("p 1"), supersedes=fixed.id, correction_reason="second look", infusion_limit=1)
    assert again.id == 3
    with pytest.raises(InfusionLimitReached) as refused:
        store.save(document("P1"), infusion_limit=1)
    assert refused.value.earlier == (3,)  # the standing record, not the superseded ones
    report = store.verify()
    assert report.ok and report.count == 3 and [r.id for r in store.history("P1")] == [1, 2, 3]


def test_a_correction_moved_to_a_patient_who_already_had_an_infusion_is_refused(store: RecordStore) -> None:
    store.save(document("P1"), infusion_limit=1)
    wrong = store.save(document("P2"), infusion_limit=1)
    with pytest.raises(InfusionLimitReached):
        store.save(document("P1"), supersedes=wrong.id, correction_reason="wrong patient", infusion_limit=1)


def test_same_lot_same_day_uses_the_canonical_keys(store: RecordStore) -> None:
    first = store.save(document("MRN-123", lot_number="LOT-7"))
    assert [r.id for r in same_day_same_lot(store, "mrn\u200b123", "ｌｏｔ７")] == [first.id]
    assert [r.id for r in same_day_same_lot(store, "MRN 123", "lot 7")] == [first.id]


def test_eight_processes_saving_a_first_infusion_for_one_patient_save_exactly_one(store_path: Path) -> None:
    RecordStore(store_path).close()
    command = [sys.executable, "-m", "tests.records.limit_saver", str(store_path)]
    ids = ["MRN-9", "mrn 9", "MRN9", "ＭＲＮ９", "MRN\u200b9", "Mrn-9", "mrn9 ", "MRN - 9"]
    processes = [subprocess.Popen([*command, patient], cwd=ROOT, text=True, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for patient in ids]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(p.returncode == 0 for p in processes), [err for _, err in outputs]
    results = sorted(out.split()[0] for out, _ in outputs)
    assert results == ["refused"] * 7 + ["saved"]
    saved_id = next(int(out.split()[1]) for out, _ in outputs if out.startswith("saved"))
    assert all(out.split()[1] == str(saved_id) for out, _ in outputs if out.startswith("refused"))
    with RecordStore.open_read_only(store_path) as store:
        assert store.count() == 1 and store.verify().ok
