"""produce_copy: the one path that numbers, checks, logs and draws every copy of a record, PDF or paper.

The printer path of the window is a `paint` that calls the print dialog; here a fake one records what it was
given, so the numbering, the expiry check, the log and the keywords handed to the renderer are tested without
a printer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mscdose.records.store import RecordStore
from mscdose.service.errors import Blocked, OutputFailed
from mscdose.service.outputs import PrintOptions, WorksheetCopy, produce_copy, reported
from mscdose.worksheet.signing import SignatureBlock
from tests.records.helpers import document
from tests.worksheet.helpers import WORKED, make_document

OPTIONS = PrintOptions("Letter", "City Hospital Pharmacy")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    with RecordStore(tmp_path / "records.sqlite3") as opened:
        opened.save(document("P1", lot_number="L1"))
        yield opened


def _details(store: RecordStore) -> list[tuple[bool, str]]:
    return [(event.ok, event.detail) for event in store.print_events(1)]


def test_copies_are_numbered_logged_and_given_every_mark(store: RecordStore) -> None:
    seen: list[WorksheetCopy] = []

    def paint(copy: WorksheetCopy) -> str:
        seen.append(copy)
        return "printed on Ward 3"

    record = store.get(1)
    assert produce_copy(store, record, paint, OPTIONS) == 0
    assert produce_copy(store, record, paint, OPTIONS) == 1
    first, second = seen
    assert (first.number, first.kind, first.reprint_at) == (0, "worksheet", None)
    assert (second.number, second.kind) == (1, "reprint 1") and second.reprint_at is not None
    render = second.render
    assert (render["page_size"], render["site_name"], render["record_id"], render["copy_number"]) == (
        "Letter", "City Hospital Pharmacy", 1, 1)
    assert (render["record_hash"], render["chain_head"]) == (record.short_hash, record.short_head)
    assert render["signatures"] == SignatureBlock(False, ())  # no accounts in this store
    assert _details(store) == [(True, "worksheet printed on Ward 3"), (True, "reprint 1 printed on Ward 3")]


def test_a_cancelled_copy_is_not_logged_and_not_counted(store: RecordStore) -> None:
    assert produce_copy(store, store.get(1), lambda copy: None, OPTIONS) is None
    assert _details(store) == []
    assert produce_copy(store, store.get(1), lambda copy: "PDF a.pdf", OPTIONS) == 0  # still the first copy


def test_a_failed_copy_is_logged_and_raised_naming_the_record(store: RecordStore) -> None:
    def paint(copy: WorksheetCopy) -> str:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputFailed, match=r"record 1 \(the printer Ward 3\): the disk is full.*mscdose reprint 1"):
        produce_copy(store, store.get(1), paint, OPTIONS, target="the printer Ward 3")
    assert _details(store) == [(False, "worksheet the printer Ward 3 failed: the disk is full")]


def test_an_expired_first_copy_is_refused_before_anything_is_drawn(tmp_path: Path) -> None:
    """Thawed 09:30 on 2026-11-25 with a 3 h limit: long past by the real clock, so the first copy is refused;
    a reprint (for the patient's file) is not."""
    with RecordStore(tmp_path / "r.sqlite3") as store:
        record = store.save(make_document(WORKED))
        drawn: list[int] = []
        with pytest.raises(Blocked, match="POST_THAW_EXPIRED"):
            produce_copy(store, record, lambda copy: drawn.append(copy.number) or "x", OPTIONS)
        assert drawn == [] and store.print_events(record.id) == []
        assert produce_copy(store, record, lambda copy: drawn.append(copy.number) or "PDF r.pdf", OPTIONS,
                            as_reprint=True) == 1
        assert drawn == [1]


def test_reported_turns_a_reporting_dialog_into_a_paint(store: RecordStore) -> None:
    def dialog_ok(copy: WorksheetCopy, report) -> None:  # type: ignore[no-untyped-def]
        report(True, "printed on Ward 3")

    def dialog_cancelled(copy: WorksheetCopy, report) -> None:  # type: ignore[no-untyped-def]
        return None

    def dialog_failed(copy: WorksheetCopy, report) -> None:  # type: ignore[no-untyped-def]
        report(False, "print to Ward 3: out of paper")

    assert produce_copy(store, store.get(1), reported(dialog_cancelled), OPTIONS) is None
    assert produce_copy(store, store.get(1), reported(dialog_ok), OPTIONS) == 0
    with pytest.raises(OutputFailed, match="out of paper"):
        produce_copy(store, store.get(1), reported(dialog_failed), OPTIONS, target="print")
    assert _details(store) == [(True, "worksheet printed on Ward 3"),
                               (False, "reprint 1 print failed: print to Ward 3: out of paper")]
