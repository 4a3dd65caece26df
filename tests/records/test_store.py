"""The record store's contract: what is kept, what is refused, corrections, print events, look-ups."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mscdose.core.overrides import Override
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document, raw


def test_save_keeps_the_document_and_the_searchable_fields(store: RecordStore) -> None:
    before = datetime.now(UTC)
    saved = store.save(document("P1", prepared_by="AB", patient_name="Ana Li", lot_number="L-7"))
    assert saved.id == 1
    assert before <= saved.created_at <= datetime.now(UTC)
    assert saved.created_at.utcoffset() == timedelta(0)
    assert (saved.patient_id, saved.patient_name, saved.prepared_by, saved.status) == ("P1", "Ana Li", "AB", "ok")
    assert saved.printed is False and saved.supersedes is None and saved.superseded_by is None
    assert saved.prev_sha256 == "0" * 64
    # domain.md worked example, kept as calculated: 150e6 / (5e6 × 0.92) = 32.6087 mL -> 32.6 mL;
    # 32.6 × 4.6e6 = 149.96e6 cells; 100 − 32.6 = 67.4 mL diluent
    kept = store.get(1).document
    assert kept["volume_to_draw_ml"] == 32.6
    assert kept["delivered_dose_cells"] == 149_960_000
    assert kept["diluent_volume_ml"] == 67.4
    assert kept["lot_number"] == "L-7"
    assert kept == saved.document
    assert store.get(1) == saved  # what save() returns is exactly what was stored
    assert saved.protocol_id == "NCT03055078" and saved.protocol_sha256 == kept["protocol"]["sha256"]


def test_the_hash_can_be_recomputed_by_an_auditor_from_the_documented_rule(store: RecordStore,
                                                                          store_path: Path) -> None:
    first = store.save(document("P1"))
    second = store.save(document("P2"))
    with closing(raw(store_path)) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM records WHERE id = 2").fetchone())

    def canonical(value: object) -> bytes:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    fields = ("id", "created_at", "app_version", "protocol_id", "protocol_version", "protocol_sha256",
              "patient_id", "patient_name", "prepared_by", "checked_by", "status", "supersedes",
              "correction_reason")
    content = {key: row[key] for key in fields}
    content["document_sha256"] = hashlib.sha256(row["document"].encode("utf-8")).hexdigest()
    content["prev_sha256"] = first.sha256
    assert hashlib.sha256(canonical(content)).hexdigest() == second.sha256
    assert second.prev_sha256 == first.sha256
    assert row["document"].encode("utf-8") == canonical(second.document)


def test_a_blocked_calculation_can_never_be_saved(store: RecordStore) -> None:
    blocked = document("P1", viability="50 %")  # 50 % < 70 % site minimum: hard flag
    assert blocked["status"] == "blocked"
    with pytest.raises(StoreError, match=r"blocked by a hard limit .*VIABILITY_BELOW_MINIMUM"):
        store.save(blocked)
    assert store.count() == 0


def test_the_database_itself_refuses_a_blocked_status(store: RecordStore, store_path: Path) -> None:
    """Even a program bypassing save() cannot store a blocked record: the column has a CHECK. The control
    insert (the same row with status 'ok') goes in, so the refusal is the CHECK's and nothing else's."""
    insert = ("INSERT INTO records (created_at, app_version, protocol_id, protocol_version, protocol_sha256,"
              " patient_id, patient_name, prepared_by, checked_by, status, correction_reason, document,"
              " prev_sha256, sha256) VALUES ('t', 'v', 'p', '1', 'h', 'P', '', '', '', ?, '', '{}', 'x', 'y')")
    with closing(raw(store_path)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            conn.execute(insert, ("blocked",))
        conn.execute(insert, ("ok",))
        assert conn.execute("SELECT status FROM records").fetchall() == [("ok",)]


def test_a_soft_flag_needs_its_override_before_saving(store: RecordStore) -> None:
    warning = document("P1", weight="25 kg")  # under the usual 30-150 kg: soft WEIGHT_UNUSUAL
    assert warning["status"] == "warning"
    with pytest.raises(StoreError, match="WEIGHT_UNUSUAL needs an override"):
        store.save(warning)
    overridden = document("P1", weight="25 kg", overrides=(
        Override("WEIGHT_UNUSUAL", "investigator approved this patient in writing", "JS"),))
    saved = store.save(overridden)
    assert saved.status == "warning"
    assert saved.document["overrides"] == [{"code": "WEIGHT_UNUSUAL",
                                            "reason": "investigator approved this patient in writing",
                                            "initials": "JS"}]


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["patient"].update(id="  "), "patient ID is empty"),
    (lambda d: d.update(status="draft"), "status is 'draft'"),
    (lambda d: d.update(protocol={}), "does not name its protocol"),
    (lambda d: d.update(extra=float("nan")), "not plain JSON"),
])
def test_incomplete_documents_are_refused_with_a_reason(store: RecordStore, change: object, message: str) -> None:
    doc = document("P1")
    change(doc)  # type: ignore[operator]
    with pytest.raises(StoreError, match=message):
        store.save(doc)
    assert store.count() == 0


def test_a_correction_is_a_new_record_that_says_why(store: RecordStore) -> None:
    wrong = store.save(document("P1", weight="60 kg"))
    corrected = store.save(document("P1"), supersedes=wrong.id, correction_reason="weight typed as 60 kg, is 62 kg")
    assert corrected.id == 2 and corrected.supersedes == 1
    assert corrected.correction_reason == "weight typed as 60 kg, is 62 kg"
    assert store.get(1).superseded_by == 2
    assert store.get(1).document["inputs"]["weight_kg"] == 60  # the old record is kept unchanged
    assert [r.id for r in store.earlier_infusions("P1")] == [2]
    assert [r.id for r in store.history("P1")] == [1, 2]


def test_corrections_are_refused_without_reason_target_or_twice(store: RecordStore) -> None:
    store.save(document("P1"))
    with pytest.raises(StoreError, match="without a reason"):
        store.save(document("P1"), supersedes=1)
    with pytest.raises(StoreError, match="no such record"):
        store.save(document("P1"), supersedes=7, correction_reason="typo in the weight")
    with pytest.raises(StoreError, match="no record to supersede"):
        store.save(document("P1"), correction_reason="typo in the weight")
    store.save(document("P1"), supersedes=1, correction_reason="typo in the weight")
    with pytest.raises(StoreError, match="already corrected by record 2"):
        store.save(document("P1"), supersedes=1, correction_reason="another typo")
    assert store.count() == 2


def test_print_events_are_appended_and_printed_reflects_success(store: RecordStore, store_path: Path) -> None:
    saved = store.save(document("P1"))
    store.mark_printed(saved.id, False, "printer out of paper")
    assert store.get(saved.id).printed is False
    store.mark_printed(saved.id, True, "worksheet.pdf")
    assert store.get(saved.id).printed is True
    events = store.print_events(saved.id)
    assert [(e.ok, e.detail) for e in events] == [(False, "printer out of paper"), (True, "worksheet.pdf")]
    with closing(raw(store_path)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM print_events").fetchone()[0] == 2
    with pytest.raises(StoreError, match="no such record"):
        store.mark_printed(99, True)


def test_get_unknown_record_says_what_to_do(store: RecordStore) -> None:
    with pytest.raises(StoreError, match=r"There is no record 5 .*mscdose history"):
        store.get(5)


@pytest.mark.parametrize("statement", ["UPDATE records SET status = 'ok'", "DELETE FROM records",
                                       "UPDATE print_events SET ok = 1", "DELETE FROM print_events"])
def test_rows_cannot_be_updated_or_deleted_even_by_raw_sql(store: RecordStore, store_path: Path,
                                                           statement: str) -> None:
    store.save(document("P1"))
    store.mark_printed(1, False, "jam")
    with closing(raw(store_path)) as conn, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(statement)
    assert store.verify().ok


def test_history_filters_by_patient_ignoring_case_and_by_date(store: RecordStore) -> None:
    for patient in ("P1", "P2", "p1 "):
        store.save(document(patient))
    assert [r.id for r in store.history()] == [1, 2, 3]
    assert [r.id for r in store.history(" p1")] == [1, 3]
    assert [r.id for r in store.history("P3")] == []
    today = datetime.now().astimezone().date()
    assert len(store.history(since=today)) == 3
    assert store.history(since=today + timedelta(days=1)) == []
    assert len(store.history("P2", since=today - timedelta(days=1))) == 1
    assert store.history(since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert store.history(since=date(2000, 1, 1))[0].id == 1


def test_connection_settings_are_durable(store: RecordStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.schema_version == 6  # 4: users, signatures (issue 14); 5: bedside checks (13); 6: sort keys (18)


def test_default_path_is_in_the_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MSCDOSE_DATA_DIR", str(tmp_path / "site-data"))
    with RecordStore() as store:
        assert store.path == tmp_path / "site-data" / "records.sqlite3"
        store.save(document("P1"))
    assert (tmp_path / "site-data" / "records.sqlite3").is_file()


def test_records_survive_reopening(store_path: Path) -> None:
    with RecordStore(store_path) as first:
        saved = first.save(document("P1"))
    with RecordStore(store_path) as again:
        assert again.get(1).sha256 == saved.sha256
        assert again.verify().ok and again.verify().count == 1
