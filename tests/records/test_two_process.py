"""Issue 18: verify and export walk a large store on both cores (records/two_process.py). The helper process
is an optimisation that must never change a result: every report and every byte is compared with the
one-process way, on good stores and damaged ones, and a helper that cannot work leaves the result unchanged.

Spans of 2 records and MSCDOSE_HELPER_PROCESS=0 make a real helper process walk a 12-record store: with 6
spans, this process walks records 1-6 (OWN_SHARE of the spans) and the helper 7-12 for verify; export
alternates spans (the helper makes 3-4, 7-8, 11-12).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from mscdose.records import two_process
from mscdose.records.errors import StoreError
from mscdose.records.store import RecordStore
from mscdose.records.verify import VerifyReport
from tests.records.helpers import document, drop_append_only_triggers, raw


@pytest.fixture
def twelve(store_path: Path) -> Path:
    """Twelve records (patients P1..P12), print events of records 2, 5 and 9, then closed, triggers dropped."""
    with RecordStore(store_path) as store:
        for n in range(1, 13):
            store.save(document(f"P{n}", patient_name=f"Name {n}"))
        for rid in (2, 5, 9):
            store.mark_printed(rid, True, "worksheet.pdf")
    drop_append_only_triggers(store_path)
    return store_path


@pytest.fixture
def helped(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Spans of 2 records and a helper from 0 records; returns the helpers started (to prove one worked)."""
    monkeypatch.setattr(two_process, "SPAN", 2)
    monkeypatch.setenv(two_process.ENVIRONMENT, "0")
    started: list[Any] = []
    real = two_process.start_helper

    def counted(path: Path) -> Any:
        helper = real(path)
        started.append(helper)
        return helper

    monkeypatch.setattr(two_process, "start_helper", counted)
    return started


def verify_once(path: Path) -> VerifyReport:
    with RecordStore.open_read_only(path) as store:
        return store.verify()


def one_process_report(path: Path, monkeypatch: pytest.MonkeyPatch) -> VerifyReport:
    """The reference: one process walking every record as one span (no joins between spans at all)."""
    with monkeypatch.context() as patch:
        patch.setenv(two_process.ENVIRONMENT, "off")
        patch.setattr(two_process, "SPAN", 10**9)
        return verify_once(path)


def edit(path: Path, *statements: str) -> None:
    with closing(raw(path)) as conn:
        for statement in statements:
            conn.execute(statement)


DAMAGE = {
    "none": (),
    "a document changed in the helper's half": (
        "UPDATE records SET document = replace(document, '\"volume_to_draw_ml\":32.6', '\"volume_to_draw_ml\":33.6') "
        "WHERE id = 8",),
    "the first record of the helper's half deleted": ("DELETE FROM records WHERE id = 7",),
    "the last record deleted": ("DELETE FROM records WHERE id = 12",),
    "a link broken in the helper's half": ("UPDATE records SET prev_sha256 = 'x' WHERE id = 9",),
    "both halves changed: the first is named": ("UPDATE records SET patient_id = 'Q' WHERE id = 2",
                                                "UPDATE records SET patient_id = 'Q' WHERE id = 10"),
    "a print event of a missing record and a changed record": (
        "UPDATE print_events SET record_id = 99 WHERE id = 1", "UPDATE records SET patient_id = 'Q' WHERE id = 11"),
    "a print event changed": ("UPDATE print_events SET detail = 'other.pdf' WHERE id = 2",),
    "a huge id added": ("INSERT INTO records SELECT 1000000000000000, created_at, app_version, protocol_id, "
                        "protocol_version, protocol_sha256, patient_id, patient_name, prepared_by, checked_by, "
                        "status, supersedes, correction_reason, document, prev_sha256, 'x' || sha256 FROM records "
                        "WHERE id = 12",),
    "a negative id added": ("INSERT INTO records SELECT -1, created_at, app_version, protocol_id, "
                            "protocol_version, protocol_sha256, patient_id, patient_name, prepared_by, checked_by, "
                            "status, supersedes, correction_reason, document, prev_sha256, 'x' || sha256 FROM records "
                            "WHERE id = 3",),
    "a document that is not JSON in the helper's half": ("UPDATE records SET document = '{not json' WHERE id = 10",),
    # the ledger: records 1-12 are entries 1-12, the print events of records 2, 5, 9 entries 13-15
    "a ledger entry deleted": ("DELETE FROM ledger WHERE seq = 5",),
    "the last ledger entry deleted": ("DELETE FROM ledger WHERE seq = 15",),
    "a ledger entry changed": ("UPDATE ledger SET item_sha256 = 'x' WHERE seq = 7",),
}
# what one walk names, worked out from the damage (record id, or None when the problem names none)
FIRST_BAD = {"none": None, "a document changed in the helper's half": 8,
             "the first record of the helper's half deleted": 7, "the last record deleted": 12,
             "a link broken in the helper's half": 9, "both halves changed: the first is named": 2,
             "a print event of a missing record and a changed record": 11, "a print event changed": 5,
             "a huge id added": 13, "a negative id added": 1,
             "a document that is not JSON in the helper's half": 10, "a ledger entry deleted": 6,
             "the last ledger entry deleted": None, "a ledger entry changed": 7}
# the words of the ledger's problems, worked out from the order one walk checks in (an entry's own hash and
# place first; every entry matched with its item; then what the ledger lacks; then its deleted last entries)
PROBLEM = {"a ledger entry deleted": "ledger entry 5 is missing (deleted?)",
           "the last ledger entry deleted": "print 3 is not in the ledger (added outside mscdose?)",
           "a ledger entry changed": "ledger entry 7 (record 7) was changed, removed or reordered: its hash does not "
                                     "match"}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_verify_reports_the_same_with_a_helper_process(twelve: Path, helped: list[Any], damage: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    edit(twelve, *DAMAGE[damage])
    with_helper = verify_once(twelve)
    assert helped and helped[0] is not None  # a helper process really walked records 7-12
    assert with_helper == one_process_report(twelve, monkeypatch)
    assert with_helper.ok is (damage == "none")
    assert with_helper.first_bad_id == FIRST_BAD[damage]
    assert with_helper.problem == PROBLEM.get(damage, with_helper.problem)


def test_the_verify_sql_columns_of_the_schema_are_what_the_huge_id_insert_copies(twelve: Path) -> None:
    """The damage above copies a record with INSERT ... SELECT of these columns: a schema change must fail
    here rather than make those cases test nothing."""
    with closing(raw(twelve)) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(records)")]
    assert columns == ["id", "created_at", "app_version", "protocol_id", "protocol_version", "protocol_sha256",
                       "patient_id", "patient_name", "prepared_by", "checked_by", "status", "supersedes",
                       "correction_reason", "document", "prev_sha256", "sha256"]


def export_bytes(path: Path, out: Path) -> bytes:
    with RecordStore.open_read_only(path) as store:
        assert store.export_csv(out) == count_records(path)
    return out.read_bytes()


def count_records(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM records NOT INDEXED").fetchone()[0])  # the table, not an index


def test_export_writes_the_same_bytes_with_a_helper_process(twelve: Path, helped: list[Any], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mscdose.records.two_process")
    edit(twelve, "UPDATE records SET patient_name = '=cmd' WHERE id = 8")  # a formula guard in the helper's span
    with_helper = export_bytes(twelve, tmp_path / "two.csv")
    assert helped and helped[0] is not None
    assert [r.getMessage() for r in caplog.records] == ["A helper process answered 3 time(s)."]  # spans 2, 4, 6
    monkeypatch.setenv(two_process.ENVIRONMENT, "off")
    monkeypatch.setattr(two_process, "SPAN", 10**9)  # one process, one span: the reference
    assert with_helper == export_bytes(twelve, tmp_path / "one.csv")
    lines = with_helper.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == [str(n) for n in range(1, 13)]
    assert ",'=cmd," in lines[8]


def test_an_export_the_helper_cannot_make_fails_as_one_process_fails(twelve: Path, helped: list[Any],
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    edit(twelve, "UPDATE records SET created_at = 'not a time' WHERE id = 8")  # read whole by the helper's span
    with pytest.raises(StoreError) as with_helper:
        export_bytes(twelve, tmp_path / "two.csv")
    monkeypatch.setenv(two_process.ENVIRONMENT, "off")
    with pytest.raises(StoreError) as one_process:
        export_bytes(twelve, tmp_path / "one.csv")
    assert str(with_helper.value) == str(one_process.value)
    assert "record 8" in str(one_process.value)
    assert not (tmp_path / "two.csv").exists()


def test_a_helper_that_cannot_open_the_store_changes_nothing(twelve: Path, helped: list[Any],
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """The helper is given a file it cannot open: it answers with an error and this process walks its spans;
    the log says so (a site wondering why verify is slow reads why)."""
    caplog.set_level(logging.INFO, logger="mscdose.records.two_process")
    with RecordStore.open_read_only(twelve) as store:
        reading = two_process.Reading(store._conn, store.get)
        spans = two_process.id_spans(store._conn)
        wanted = [spans_rows(reading, span) for span in spans]
        got = list(two_process.ordered_results(twelve.with_name("missing.sqlite3"), spans_rows, reading, spans))
        background = two_process.Background(twelve.with_name("missing.sqlite3"), spans_rows, spans)
        assert background.results(reading) == wanted
    assert got == wanted and len(wanted) == 6
    assert len(helped) == 2 and all(helper is not None for helper in helped)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2 and all("stopped helping after 0 answer(s)" in w and "There is no record database"
                                      in w and "the result is the same" in w for w in warnings)


def spans_rows(reading: two_process.Reading, span: tuple[int, ...]) -> list[tuple[int, str]]:
    return reading.conn.execute("SELECT id, patient_id FROM records WHERE id BETWEEN ? AND ?", span[:2]).fetchall()


def test_no_helper_below_the_threshold_or_when_off(twelve: Path, helped: list[Any],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(two_process.ENVIRONMENT, "13")  # 12 records: below
    assert verify_once(twelve).ok and helped == []
    monkeypatch.setenv(two_process.ENVIRONMENT, "off")
    assert verify_once(twelve).ok and helped == []
    assert two_process.parallel_from({}) == two_process.PARALLEL_FROM
    assert two_process.parallel_from({two_process.ENVIRONMENT: "many"}) is None


def test_id_spans_are_cut_by_rows_whatever_the_ids(twelve: Path) -> None:
    edit(twelve, "DELETE FROM records WHERE id BETWEEN 3 AND 6", DAMAGE["a huge id added"][0])
    with closing(raw(twelve)) as conn:
        assert two_process.id_spans(conn, size=3) == [(1, 7), (8, 10), (11, 1000000000000000)]


def history(path: Path, patient_id: str | None = None) -> list[str]:
    with RecordStore.open_read_only(path) as store:
        return list(store.iter_history_lines(patient_id))


def test_history_lines_are_the_same_with_a_helper_process(twelve: Path, helped: list[Any],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with_helper = history(twelve)
    assert len(helped) == 1 and helped[0] is not None
    assert len(with_helper) == 12 and "P8" in with_helper[7] and "printed" in with_helper[8].lower()
    assert history(twelve, "p8") == [with_helper[7]] and len(helped) == 1  # a filtered listing: no helper
    monkeypatch.setenv(two_process.ENVIRONMENT, "off")
    monkeypatch.setattr(two_process, "SPAN", 10**9)
    assert with_helper == history(twelve)


def test_an_index_that_misses_records_leaves_every_record_in_a_span(twelve: Path, helped: list[Any],
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: where the spans are cut is read from the ids as an index lists them (no table page read), but
    the spans reach from the table's own smallest id to its largest, each to the next one's first: an index
    that lists only every other record (a damaged file) leaves each record in a span, read from the table, and
    verify, the CSV and the history are those of one walk over the table."""
    wanted = (one_process_report(twelve, monkeypatch), export_bytes_once(twelve, tmp_path / "one.csv"),
              history_once(twelve, monkeypatch))
    edit(twelve, "DROP INDEX records_by_supersedes",
         "CREATE INDEX records_by_supersedes ON records (supersedes) WHERE id % 2 = 0",
         "PRAGMA writable_schema = ON",
         "UPDATE sqlite_master SET sql = 'CREATE INDEX records_by_supersedes ON records (supersedes)' "
         "WHERE name = 'records_by_supersedes'")
    with closing(raw(twelve)) as conn:
        assert "records_by_supersedes" in str(conn.execute("EXPLAIN QUERY PLAN SELECT id FROM records").fetchall())
        assert [rid for (rid,) in conn.execute("SELECT id FROM records")] == [2, 4, 6, 8, 10, 12]  # damaged
        spans = two_process.id_spans(conn)
    assert spans == [(1, 5), (6, 9), (10, 12)]  # cut at every 2nd id the index lists, from 1 to 12 without a gap
    report = verify_once(twelve)
    assert report.ok and str(report) == str(wanted[0])
    assert export_bytes(twelve, tmp_path / "two.csv") == wanted[1]
    assert history(twelve) == wanted[2]
    assert len(helped) == 3 and all(helper is not None for helper in helped)


def export_bytes_once(path: Path, out: Path) -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(two_process.ENVIRONMENT, "off")
        return export_bytes(path, out)


def history_once(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setenv(two_process.ENVIRONMENT, "off")
        return history(path)
