"""Every copy of a final record is known, and nothing is logged as printed that was not written (issue 10 §5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mscdose.records.store import RecordStore
from mscdose.service.errors import InvalidInput, OutputFailed
from mscdose.service.outputs import PrintOptions, check_output_path, reprint, write_record_worksheet
from mscdose.worksheet.render import check_pdf_file
from tests.records.helpers import document
from tests.worksheet.helpers import pdf_pages


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    with RecordStore(tmp_path / "records.sqlite3") as opened:
        opened.save(document("P1", lot_number="L1"))
        yield opened


def test_a_pdf_that_comes_out_short_is_a_failure_logged_and_removed(store: RecordStore, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """On a full disk QPdfWriter reports nothing and leaves a short file; today's main logged it as printed."""
    from mscdose.worksheet import render

    def empty_file(path: Path, pages: int) -> None:
        path.write_bytes(b"")  # what a full disk leaves
        return original(path, pages)

    original = render.check_pdf_file
    monkeypatch.setattr(render, "check_pdf_file", empty_file)
    out = tmp_path / "w.pdf"
    with pytest.raises(OutputFailed, match=r"record 1 .*empty.*mscdose reprint 1"):
        write_record_worksheet(store, store.get(1), out, PrintOptions())
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    events = store.print_events(1)
    assert [e.ok for e in events] == [False] and "empty" in events[0].detail
    assert store.count() == 1  # the record stays


def test_copies_after_the_first_are_marked_reprint_with_their_number(store: RecordStore, tmp_path: Path) -> None:
    first, second, third = tmp_path / "1.pdf", tmp_path / "2.pdf", tmp_path / "3.pdf"
    assert write_record_worksheet(store, store.get(1), first, PrintOptions()) == 0
    assert "REPRINT" not in pdf_pages(first)[0]
    assert write_record_worksheet(store, store.get(1), second, PrintOptions()) == 1
    assert reprint(store, 1, third, PrintOptions()) == 2
    assert all("REPRINT" in page for path in (second, third) for page in pdf_pages(path))
    assert [e.detail.split(" PDF")[0] for e in store.print_events(1)] == ["worksheet", "reprint 1", "reprint 2"]


def test_check_pdf_file_refuses_empty_incomplete_and_wrong_page_counts(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"")
    with pytest.raises(OSError, match="empty"):
        check_pdf_file(path, 2)
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n")
    with pytest.raises(OSError, match="incomplete"):
        check_pdf_file(path, 1)
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages >> 2 0 obj << /Type /Page >> endobj\n%%EOF\n")
    check_pdf_file(path, 1)  # /Pages is the page tree, not a page
    with pytest.raises(OSError, match="1 pages where 2 were drawn"):
        check_pdf_file(path, 2)


@pytest.mark.parametrize(("name", "problem"), [("w.txt", "does not end in .pdf"), ("w" * 300 + ".pdf", "too long"),
                                               ("missing/w.pdf", "does not exist")])
def test_outputs_that_cannot_be_written_are_refused_first(tmp_path: Path, name: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        check_output_path(tmp_path / name)


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    existing = tmp_path / "w.pdf"
    existing.write_bytes(b"keep me")
    with pytest.raises(InvalidInput, match="--force"):
        check_output_path(existing)
    assert check_output_path(existing, force=True) == existing


def test_bag_labels_are_not_counted_as_worksheet_copies(store: RecordStore, tmp_path: Path) -> None:
    """Two label copies made `mscdose reprint 1` write "Reprint 3" (labels are counted apart)."""
    store.mark_printed(1, True, "label PDF a.pdf")
    store.mark_printed(1, True, "label reprint 1 PDF b.pdf")
    assert not store.get(1).printed
    assert write_record_worksheet(store, store.get(1), tmp_path / "w.pdf", PrintOptions()) == 0
    assert store.get(1).printed
