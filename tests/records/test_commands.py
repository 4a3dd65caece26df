"""The records CLI: history, show, reprint, export, backup (audit verify is in test_tamper.py)."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.core.overrides import Override
from mscdose.records.schema import APPLICATION_ID
from mscdose.records.store import RecordStore
from tests.records.helpers import document, raw
from tests.worksheet.helpers import pdf_pages


@pytest.fixture
def seeded() -> Iterator[RecordStore]:
    """Three records in the default store (MSCDOSE_DATA_DIR is a temp folder, tests/conftest.py)."""
    store = RecordStore()
    store.save(document("P1", patient_name="Ana Li", lot_number="L-7", din="G123498654321H"))
    store.save(document("P2", prepared_by="CD", weight="25 kg", overrides=(
        Override("WEIGHT_UNUSUAL", "investigator approved this in writing", "JS"),)))
    store.save(document("P1", patient_name="Ana Li", weight="63 kg"), supersedes=1,
               correction_reason="weight re-measured on the ward scale")
    yield store
    store.close()


def test_history_lists_every_record_with_its_numbers(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("#1 ") and "P1 Ana Li" in lines[0] and "SUPERSEDED by #3" in lines[0]
    assert "32.6 mL" in lines[0] and "149.96 million cells" in lines[0]
    assert "WARNING" in lines[1] and "by CD" in lines[1]
    assert "corrects #1" in lines[2]


def test_history_filters_and_json(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--patient", "p1", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["patient_id"], r["superseded_by"], r["supersedes"]) for r in rows] == [
        (1, "P1", 3, None), (3, "P1", None, 1)]
    assert rows[0]["volume_to_draw_ml"] == 32.6 and rows[0]["delivered_dose_cells"] == 149_960_000
    assert rows[1]["correction_reason"] == "weight re-measured on the ward scale"
    assert main(["history", "--since", "2099-01-01"]) == 0
    assert capsys.readouterr().out.strip() == "No records since 2099-01-01."
    assert main(["history", "--since", "2000-01-01", "--patient", "P2", "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [2]


def test_history_of_an_empty_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--patient", "P9"]) == 0
    assert capsys.readouterr().out.strip() == "No records for patient P9."


@pytest.mark.parametrize(("argv", "message"), [
    (["history", "--since", "25/11/2026"], "--since: “25/11/2026” is not a date; give YYYY-MM-DD"),
    (["show", "abc"], "RECORD_ID: “abc” is not a record number"),
    (["show", "0"], "RECORD_ID: “0” is not a record number"),
    (["show", "42"], "There is no record 42"),
    (["reprint", "42", "--output", "x.pdf"], "There is no record 42"),
    (["history", "--database", "missing.sqlite3"], "--database: “missing.sqlite3” is not a file"),
])
def test_bad_input_is_a_clear_message_and_exit_2(seeded: RecordStore, capsys: pytest.CaptureFixture[str],
                                                 argv: list[str], message: str) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_a_store_error_is_exit_2_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "newer.sqlite3"
    with closing(sqlite3.connect(newer)) as conn:  # a mscdose store (its application id) of a newer schema
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 99")
    assert main(["audit", "verify", "--database", str(newer)]) == 2
    err = capsys.readouterr().err
    assert "written by a newer mscdose (schema version 99" in err and "Traceback" not in err


def test_show_prints_the_saved_record_readably(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Record 2 — saved ")
    assert "status WARNING" in out
    assert "Volume to draw: 32.6 mL (exact 32.6087 mL)" in out
    assert "Dose delivered: 149.96 million cells (5.998 million cells/kg)" in out  # 149.96 / 25 = 5.9984
    assert "Diluent: 67.4 mL to a final volume of 100 mL" in out
    assert "WEIGHT_UNUSUAL: investigator approved this in writing (JS)" in out
    assert f"Record SHA-256: {seeded.get(2).sha256}" in out
    numbers = re.sub(r"\b[0-9a-f]{12,}\b", "", out)  # hashes are hex, not numbers
    assert not re.search(r"\d[eE][+-]?\d", numbers)  # never e notation
    assert not re.search(r"\b\d+\.\d*0 (mL|million)", numbers)  # never a trailing zero


def test_show_json_is_the_saved_document(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "3", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["document"] == seeded.get(3).document
    assert shown["supersedes"] == 1 and shown["prev_sha256"] == seeded.get(2).sha256
    assert shown["document"]["inputs"]["weight_kg"] == 63


def test_export_writes_one_row_a_record(seeded: RecordStore, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "records.csv"
    assert main(["export", "--csv", str(target)]) == 0
    assert "Exported 3 records" in capsys.readouterr().out
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["record_id"] for r in rows] == ["1", "2", "3"]
    first = rows[0]
    # 150 million / (5 million × 0.92) = 32.6087 mL -> 32.6 mL; 32.6 × 4.6 = 149.96 million; / 62 = 2.4187
    assert (first["volume_to_draw_ml"], first["delivered_dose_million_cells"]) == ("32.6", "149.96")
    assert first["delivered_dose_million_cells_per_kg"] == "2.4187"
    assert first["target_dose_million_cells"] == "150" and first["concentration_million_cells_per_ml"] == "5"
    assert (first["lot_number"], first["din"], first["patient_name"]) == ("L-7", "G1234 98 654321 H", "Ana Li")
    assert (first["superseded_by"], rows[2]["supersedes"]) == ("3", "1")
    assert rows[1]["overrides"] == "WEIGHT_UNUSUAL: investigator approved this in writing (JS)"
    assert first["sha256"] == seeded.get(1).sha256
    assert not list(target.parent.glob(".*partial"))


def test_export_neutralises_spreadsheet_formulas(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.sqlite3") as store:
        store.save(document("=HYPERLINK(1)", patient_name="@cmd"))
        store.export_csv(tmp_path / "r.csv")
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert (row["patient_id"], row["patient_name"]) == ("'=HYPERLINK(1)", "'@cmd")


def test_backup_is_a_complete_verifiable_copy(seeded: RecordStore, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    seeded.mark_printed(2, True, "worksheet.pdf")
    target = tmp_path / "backups" / "copy.sqlite3"
    assert main(["backup", str(target)]) == 0
    assert "Backed up 3 records" in capsys.readouterr().out
    with closing(raw(target)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    with RecordStore(target) as copy:
        assert [r.sha256 for r in copy.history()] == [r.sha256 for r in seeded.history()]
        assert copy.verify().ok and copy.verify().print_events == 1
        assert copy.get(2).printed


def test_backup_while_another_connection_is_writing(tmp_path: Path) -> None:
    """The online backup API copies a consistent state even with a write transaction open elsewhere."""
    with RecordStore(tmp_path / "live.sqlite3") as live, RecordStore(tmp_path / "live.sqlite3") as other:
        live.save(document("P1"))
        other._conn.execute("BEGIN IMMEDIATE")
        other._conn.execute("INSERT INTO print_events (id, record_id, at, ok, detail, prev_sha256, sha256) "
                            "VALUES (1, 1, 't', 1, 'uncommitted', 'x', 'y')")
        assert live.backup(tmp_path / "copy.sqlite3") == 1
        other._conn.execute("ROLLBACK")
    with RecordStore(tmp_path / "copy.sqlite3") as copy:
        assert copy.verify().ok and copy.print_events() == []


def test_backup_refuses_its_own_file(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", str(seeded.path)]) == 2
    assert "onto itself" in capsys.readouterr().err




@pytest.mark.parametrize(("page_size", "width_pt"), [("A4", 595), ("Letter", 612)])
def test_reprint_prints_the_saved_numbers_marked_reprint(seeded: RecordStore, tmp_path: Path, page_size: str,
                                                         width_pt: int, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    target = tmp_path / "reprint.pdf"
    assert main(["reprint", "1", "--output", str(target), "--page-size", page_size]) == 0
    assert "Reprint 1 of record 1 written" in capsys.readouterr().out
    pdf = PdfReader(target)
    assert round(float(pdf.pages[0].mediabox.width)) == width_pt  # A4 595 pt, Letter 612 pt wide
    text = " ".join(pdf_pages(target))  # the text by PDFium (fast); the page width by pypdf above
    assert "REPRINT" in text
    assert "32.6 mL" in text and "149.96 million cells" in text and "L-7" in text
    events = seeded.print_events(1)
    assert [(e.ok, e.detail) for e in events] == [(True, f"reprint 1 PDF {target}")]
    assert seeded.get(1).printed


def test_a_failed_reprint_is_logged_truthfully_and_exits_1(seeded: RecordStore, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    import sys
    import types

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setitem(sys.modules, "mscdose.worksheet.render",
                        types.SimpleNamespace(write_worksheet_pdf=broken))
    assert main(["reprint", "2", "--output", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert "Could not reprint record 2" in err and "No space left on device" in err and "Traceback" not in err
    assert [(e.ok, "No space left" in e.detail) for e in seeded.print_events(2)] == [(False, True)]
    assert seeded.get(2).printed is False


# --- issue 12: reading never writes; anchors; backups that can be checked; clear errors -----------------------

def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_commands_leave_a_backup_byte_for_byte_the_same(seeded: RecordStore, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", str(copy)]) == 0
    before = _sha256(copy)
    db = ["--database", str(copy)]
    for argv in (["history", *db], ["history", "--json", *db], ["show", "2", *db], ["show", "1", "--json", *db],
                 ["export", "--csv", str(tmp_path / "x.csv"), *db], ["audit", "verify", *db],
                 ["audit", "anchor", *db], ["backup", "--check", str(copy)]):
        assert main(argv) == 0, argv
        assert _sha256(copy) == before, argv
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "x.csv"]  # no -wal, no -shm left


def test_a_missing_default_store_is_not_created_by_reading(capsys: pytest.CaptureFixture[str]) -> None:
    from mscdose.records.store import default_path

    assert main(["history"]) == 0 and "No records." in capsys.readouterr().out
    assert main(["show", "1"]) == 2
    assert not default_path().exists()


@pytest.mark.parametrize("argv", [["audit", "verify"], ["audit", "anchor"], ["backup", "--check"]])
def test_a_zero_byte_file_is_not_a_record_store_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       argv: list[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    args = [*argv, str(empty)] if argv[0] == "backup" else [*argv, "--database", str(empty)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "is not a mscdose record store" in err and "Audit OK" not in err and "Traceback" not in err
    assert empty.read_bytes() == b""


def test_a_zero_byte_file_for_history_is_a_clear_error_exit_2(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert main(["history", "--database", str(empty)]) == 2
    assert "is not a mscdose record store" in capsys.readouterr().err


def test_anchor_round_trip(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "anchor"]) == 0
    line = capsys.readouterr().out.strip()
    entries, head = seeded.head()
    assert line.startswith(f"mscdose-anchor v1 entries={entries} head={head} at=")
    seeded.mark_printed(1, True, "later.pdf")  # the chain grows after the anchor: still proven up to it
    assert main(["audit", "verify", "--anchor", line]) == 0
    assert "1 anchor matched, 1 entries after the newest" in capsys.readouterr().out
    from tests.records.helpers import rehash_everything

    with closing(raw(seeded.path)) as conn:
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET patient_name = 'Someone Else' WHERE id = 1")
    rehash_everything(seeded.path)
    assert main(["audit", "verify"]) == 0  # a consistent forgery: only the anchor catches it
    capsys.readouterr()
    assert main(["audit", "verify", "--anchor", line]) == 1
    assert "Audit FAILED" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "message"), [
    (["audit", "verify", "--anchor", "head=abc"], "--anchor: Anchor 'head=abc' is not an mscdose anchor line"),
    (["audit", "anchor", "--anchor", "x"], "--anchor and --worksheet go with `mscdose audit verify`"),
    (["audit", "check"], "invalid choice: 'check'"),
    (["show", "99999999999999999999999"], "RECORD_ID: “99999999999999999999999” is not a record number"),
    (["history", "--since", "0001-01-01"], "--since: “0001-01-01” is not a date; give YYYY-MM-DD"),
    (["history", "--since", "9999-12-31T23:59"], "between 2000 and 2100"),
    (["backup", "--check", "no-such-backup.sqlite3"], "FILE: “no-such-backup.sqlite3” does not exist"),
])
def test_more_bad_input_is_a_clear_message_and_exit_2(seeded: RecordStore, capsys: pytest.CaptureFixture[str],
                                                      argv: list[str], message: str) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_backup_check(seeded: RecordStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "b.sqlite3"
    assert main(["backup", str(copy)]) == 0
    capsys.readouterr()
    assert main(["backup", "--check", str(copy)]) == 0
    assert f"Backup OK: {copy} holds 3 records and 0 print events" in capsys.readouterr().out
    with closing(raw(copy)) as conn:
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET prepared_by = 'ZZ' WHERE id = 2")
    assert main(["backup", "--check", str(copy)]) == 1
    assert "Backup FAILED" in capsys.readouterr().err


def test_history_and_show_never_print_raw_control_characters(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Text saved before the input checks existed: a right-to-left override, an ANSI escape, a newline."""
    path = tmp_path / "r.sqlite3"
    with RecordStore(path) as store:
        store.save(document("MRN\u202e987654", patient_name="\x1b[31mRed\nName", lot_number="L\x07"))
    for argv in (["history"], ["show", "1"], ["history", "--json"], ["show", "1", "--json"]):
        assert main([*argv, "--database", str(path)]) == 0
        out = capsys.readouterr().out
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", out), argv
        assert "\\u202e" in out or "\\u202E" in out, argv
    assert main(["show", "1", "--database", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Patient ID: MRN\\u202e987654    Name: \\x1b[31mRed\\x0aName" in out


def test_new_fields_in_history_show_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mscdose.core.document import record_document
    from tests.worked_example import WORKED_TEXTS, compute_texts

    path = tmp_path / "r.sqlite3"
    result = compute_texts({**WORKED_TEXTS, "date_of_birth": "1990-05-17"})
    new = record_document(result, patient_id="P7", prescriber="Dr Ana Silva", order_reference="RX-42",
                          order_date="2026-11-24")
    with RecordStore(path) as store:
        store.save(document("P6"))  # saved as before issue 19: no date of birth, no order
        store.save(new)
    db = ["--database", str(path)]
    assert main(["history", "--json", *db]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["date_of_birth"], r["prescriber"], r["order_reference"], r["order_date"]) for r in rows] == [
        (None, "", "", None), ("1990-05-17", "Dr Ana Silva", "RX-42", "2026-11-24")]
    assert main(["show", "2", *db]) == 0
    out = capsys.readouterr().out
    assert "Date of birth: 1990-05-17    Age: " in out and "(age from date of birth)" in out
    assert "Order: reference RX-42, dated 2026-11-24, prescriber Dr Ana Silva" in out
    assert main(["export", "--csv", str(tmp_path / "r.csv"), *db]) == 0
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][-4:] == ["date_of_birth", "prescriber", "order_reference", "order_date"]
    assert table[1][-4:] == ["", "", "", ""] and table[2][-4:] == ["1990-05-17", "Dr Ana Silva", "RX-42",
                                                                    "2026-11-24"]


def test_csv_of_old_records_is_unchanged_but_for_the_appended_columns(seeded: RecordStore, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.records import csv_export

    seeded.export_csv(tmp_path / "new.csv")
    monkeypatch.setattr(csv_export, "COLUMNS", csv_export.COLUMNS[:-4])  # the column list before issue 19
    csv_export.write_csv(seeded.history(), tmp_path / "old.csv")  # (the store's export makes all columns at once)
    new = (tmp_path / "new.csv").read_bytes().split(b"\r\n")
    old = (tmp_path / "old.csv").read_bytes().split(b"\r\n")
    assert new[0] == old[0] + b",date_of_birth,prescriber,order_reference,order_date"
    assert all(n == o + b",,,," for n, o in zip(new[1:-1], old[1:-1], strict=True))
