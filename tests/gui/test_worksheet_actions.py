"""The window's worksheet actions: Preview, Print… and Save PDF…, with the dialogs answered by the test.

Native dialogs cannot be clicked offscreen, so the module's seams (`_run`, `_ask_save_path`, `_warn`) are
replaced: the print dialog is "accepted" with its printer writing a PDF, which is then read back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from mscdose.gui import worksheet_actions as actions
from tests.worksheet.helpers import BLOCKED, make_document, page_sizes, pdf_pages


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(actions, "_warn", lambda parent, title, text: said.append(f"{title}: {text}"))
    return said


@pytest.fixture
def reports() -> tuple[list[tuple[bool, str]], Callable[[bool, str], None]]:
    seen: list[tuple[bool, str]] = []
    return seen, lambda ok, detail: seen.append((ok, detail))


def accept_print_dialog_to(path: Path, seen: list[str]) -> Callable[[QDialog], int]:
    """A stand-in for showing the print dialog: the user picks "print to file" and presses Print."""

    def run(dialog: QDialog) -> int:
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return QDialog.DialogCode.Accepted

    return run


def test_print_dialog_prints_the_final_worksheet(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 warnings: list[str], reports: Any) -> None:
    seen_reports, report = reports
    out, shown = tmp_path / "printed.pdf", []
    monkeypatch.setattr(actions, "_run", accept_print_dialog_to(out, shown))
    assert actions.print_worksheet_dialog(None, make_document(), record_id=12, site_name="City Hospital",
                                          page_size="Letter", report=report)
    assert shown == ["QPrintDialog"]
    pages = pdf_pages(out)
    assert "Record 12" in pages[0] and "City Hospital" in pages[0] and "32.6 mL" in pages[0]
    assert "NOT FOR ADMINISTRATION" not in " ".join(pages)
    assert page_sizes(out)[0] == (612, 792)
    assert seen_reports and seen_reports[0][0] is True
    assert warnings == []


def test_cancelled_print_dialog_prints_nothing(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, reports: Any) -> None:
    seen_reports, report = reports
    monkeypatch.setattr(actions, "_run", lambda dialog: QDialog.DialogCode.Rejected)
    assert not actions.print_worksheet_dialog(None, make_document(), record_id=1, report=report)
    assert seen_reports == []


def test_blocked_calculation_is_refused_before_any_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                          warnings: list[str]) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(actions, "_run", lambda dialog: shown.append(dialog) or QDialog.DialogCode.Accepted)
    monkeypatch.setattr(actions, "_ask_save_path", lambda parent, suggested: pytest.fail("file dialog shown"))
    blocked = make_document(BLOCKED)
    assert not actions.print_worksheet_dialog(None, blocked, record_id=1)
    assert not actions.save_worksheet_pdf_dialog(None, blocked, record_id=1)
    assert shown == []
    assert len(warnings) == 2 and all("blocked" in text for text in warnings)


def test_save_pdf_dialog_writes_the_file(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         reports: Any) -> None:
    seen_reports, report = reports
    suggested: list[str] = []

    def ask(parent: Any, name: str) -> str:
        suggested.append(name)
        return str(tmp_path / "chosen")  # the user typed a name without .pdf

    monkeypatch.setattr(actions, "_ask_save_path", ask)
    assert actions.save_worksheet_pdf_dialog(None, make_document(), record_id=12, directory=str(tmp_path),
                                             report=report)
    assert suggested == [f"{tmp_path}/worksheet-P-0001-record-12.pdf"]
    assert "Record 12" in pdf_pages(tmp_path / "chosen.pdf")[0]
    assert seen_reports == [(True, f"PDF {tmp_path / 'chosen.pdf'}")]


def test_save_pdf_cancelled_or_failing(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       warnings: list[str], reports: Any) -> None:
    seen_reports, report = reports
    monkeypatch.setattr(actions, "_ask_save_path", lambda parent, name: "")
    assert not actions.save_worksheet_pdf_dialog(None, make_document(), record_id=1, report=report)
    assert seen_reports == [] and warnings == []
    monkeypatch.setattr(actions, "_ask_save_path", lambda parent, name: str(tmp_path / "gone" / "w.pdf"))
    assert not actions.save_worksheet_pdf_dialog(None, make_document(), record_id=1, report=report)
    assert len(warnings) == 1 and "could not be saved" in warnings[0]
    assert seen_reports and seen_reports[0][0] is False


def preview_into(path: Path) -> Callable[[QDialog], int]:
    """A stand-in for the preview dialog: ask it to paint, on a printer that writes a PDF."""

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintPreviewDialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Accepted

    return run


@pytest.mark.parametrize(("document", "record_id", "marked", "reason"), [
    (make_document(), None, True, "preview only"),
    (make_document(BLOCKED), None, True, "VIABILITY_BELOW_MINIMUM"),
    (make_document(), 12, False, ""),
])
def test_preview_is_marked_unless_it_shows_a_saved_record(qtbot: QtBot, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, document: dict[str, Any],
                                                           record_id: int | None, marked: bool, reason: str) -> None:
    out = tmp_path / "preview.pdf"
    monkeypatch.setattr(actions, "_run", preview_into(out))
    assert actions.preview_worksheet(None, document, record_id=record_id)
    for page in pdf_pages(out):
        assert ("NOT FOR ADMINISTRATION" in page) is marked
        assert reason in page


def test_preview_dialog_paints_both_pages(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real preview dialog, shown offscreen: it asks for the pages and gets the two of the worksheet."""
    counted: list[int] = []

    def run(dialog: QDialog) -> int:
        dialog.show()
        widget = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: widget.pageCount() > 0)
        counted.append(widget.pageCount())
        dialog.close()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(actions, "_run", run)
    assert actions.preview_worksheet(None, make_document(), page_size="A4")
    assert counted == [2]
