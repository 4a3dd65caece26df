"""The window's worksheet actions: Preview, Print… (system print dialog) and Save PDF… (file dialog).

Glue only: what the worksheet says and whether it may be final are decided in `mscdose.worksheet` and
`mscdose.core`; no arithmetic here. Each action returns whether it succeeded (False when cancelled or
refused, after telling the user why), and a final print or save calls `report(ok, detail)` so the window
can log it against the saved record (`RecordStore.mark_printed`).

A preview is marked NOT FOR ADMINISTRATION unless it shows a saved record: its Print button must never
give an unmarked worksheet of a calculation that has no record behind it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from mscdose.gui.texts import translate
from mscdose.worksheet import content
from mscdose.worksheet.render import page_size_id, print_worksheet, write_worksheet_pdf

Report = Callable[[bool, str], None]


def _run(dialog: QDialog) -> int:
    """Show a modal dialog (a seam for tests, which cannot click in a native dialog)."""
    return dialog.exec()


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _ask_save_path(parent: QWidget | None, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, translate("Messages", "Save worksheet PDF"), suggested,
                                          translate("Messages", "PDF files (*.pdf)"))
    return path


def _set_up(printer: QPrinter, page_size: str, document: Mapping[str, Any]) -> QPrinter:
    """Paper from the settings (the user may change it in the dialog) and a job name people recognise.

    The printer is the dialog's own: a printer made here would be freed by Python before the dialog that
    still points at it, which crashes."""
    printer.setPageSize(QPageSize(page_size_id(page_size)))
    printer.setDocName(f"{content.TITLE} {document.get('patient', {}).get('id', '')}".strip())
    return printer


def _refused(parent: QWidget | None, document: Mapping[str, Any], preview_reason: str | None) -> bool:
    """True (after telling the user) when a final worksheet of this document is not allowed."""
    if preview_reason is not None:
        return False
    refusal = content.final_refusal(document)
    if refusal:
        _warn(parent, translate("Messages", "No final worksheet"), refusal)
        return True
    return False


def suggested_file_name(document: Mapping[str, Any], record_id: int | str | None = None) -> str:
    """`worksheet-P-0001-record-17.pdf`: patient and record in the name, nothing a file system refuses."""
    patient = re.sub(r"[^A-Za-z0-9._-]+", "_", str(document.get("patient", {}).get("id", "")).strip()) or "patient"
    return f"worksheet-{patient}" + (f"-record-{record_id}" if record_id is not None else "") + ".pdf"


def print_actions(dialog: QPrintPreviewDialog) -> list[QAction]:
    """The preview's own Print action(s) (Qt names it "Print" in its tool bar)."""
    return [a for a in dialog.findChildren(QAction) if a.text().replace("&", "").strip().lower() == "print"]


def _route_print(dialog: QPrintPreviewDialog, on_print: Callable[[], object], asked: list[bool]) -> None:
    """Send the preview's Print button to `on_print` (after the preview closes) instead of Qt's own printing,
    which would make a copy of a saved record with no REPRINT mark and no print event. Without a Print action
    to reroute, the tool bar's printing is switched off rather than left unlogged."""
    actions = print_actions(dialog)
    for action in actions:
        action.triggered.disconnect()
        action.triggered.connect(lambda *_: (asked.append(True), dialog.accept()))
    if not actions:  # pragma: no cover - every Qt 6 preview dialog has one
        for bar in dialog.findChildren(QToolBar):
            bar.setEnabled(False)


def preview_worksheet(parent: QWidget | None, document: Mapping[str, Any], *, page_size: str = "A4",
                      record_id: int | str | None = None, site_name: str = "", preview_reason: str | None = None,
                      reprint_at: datetime | None = None, on_print: Callable[[], object] | None = None) -> bool:
    """Show the worksheet in a print preview. Only a saved record (a record id) that may be final is shown
    unmarked; anything else is marked NOT FOR ADMINISTRATION with the reason (the given one, the hard flags
    of a blocked calculation, or that it is a preview). With `on_print` (a saved record), the preview's
    Print button closes the preview and calls it: every copy of a record goes through the logged path."""
    if preview_reason is None and (record_id is None or content.final_refusal(document) is not None):
        blocked = document.get("status") == "blocked"
        preview_reason = content.blocked_reason(document) if blocked else content.preview_note()
    dialog = QPrintPreviewDialog(parent)
    _set_up(dialog.printer(), page_size, document)
    dialog.setWindowTitle(translate("Messages", "Worksheet preview")
                          + (translate("Messages", " – NOT FOR ADMINISTRATION") if preview_reason else ""))
    failures: list[str] = []

    def paint(printer: QPrinter) -> None:
        try:
            print_worksheet(document, printer, record_id=record_id, site_name=site_name,
                            preview_reason=preview_reason, reprint_at=reprint_at)
        except (OSError, ValueError) as error:
            failures.append(str(error))

    dialog.paintRequested.connect(paint)
    asked: list[bool] = []
    if on_print is not None:
        _route_print(dialog, on_print, asked)
    _run(dialog)
    dialog.deleteLater()
    if failures:
        _warn(parent, translate("Messages", "Preview failed"), failures[0])
    if asked and on_print is not None:
        on_print()
    return not failures


def print_worksheet_dialog(parent: QWidget | None, document: Mapping[str, Any], *, page_size: str = "A4",
                           record_id: int | str | None = None, site_name: str = "",
                           preview_reason: str | None = None, reprint_at: datetime | None = None,
                           report: Report | None = None, **marks: Any) -> bool:
    """The system print dialog, then the worksheet on the chosen printer and paper. `marks` are the
    renderer's copy marks of a saved record (copy_number for REPRINT n, record_hash, chain_head)."""
    if _refused(parent, document, preview_reason):
        return False
    dialog = QPrintDialog(parent)
    printer = _set_up(dialog.printer(), page_size, document)
    dialog.setWindowTitle(translate("Messages", "Print worksheet"))
    where = "the printer"
    try:
        if _run(dialog) != QDialog.DialogCode.Accepted:
            return False
        where = printer.outputFileName() or printer.printerName() or where
        print_worksheet(document, printer, record_id=record_id, site_name=site_name,
                        preview_reason=preview_reason, reprint_at=reprint_at, **marks)
    except (OSError, ValueError) as error:
        if report and preview_reason is None:
            report(False, f"print to {where}: {error}")
        _warn(parent, translate("Messages", "Printing failed"),
              translate("Messages", "The worksheet could not be printed on {printer}: {error}").format(
                  printer=where, error=error))
        return False
    finally:
        dialog.deleteLater()
    if report and preview_reason is None:
        report(True, f"printed on {where}")
    return True


def save_worksheet_pdf_dialog(parent: QWidget | None, document: Mapping[str, Any], *, page_size: str = "A4",
                              record_id: int | str | None = None, site_name: str = "",
                              preview_reason: str | None = None, reprint_at: datetime | None = None,
                              directory: str = "", report: Report | None = None) -> bool:
    """Ask where to save, then write the worksheet PDF there (`.pdf` added when missing)."""
    if _refused(parent, document, preview_reason):
        return False
    name = suggested_file_name(document, record_id)
    path = _ask_save_path(parent, f"{directory.rstrip('/')}/{name}" if directory else name)
    if not path:
        return False
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    try:
        write_worksheet_pdf(document, path, page_size=page_size, record_id=record_id, site_name=site_name,
                            preview_reason=preview_reason, reprint_at=reprint_at)
    except (OSError, ValueError) as error:
        if report and preview_reason is None:
            report(False, f"PDF {path}: {error}")
        _warn(parent, translate("Messages", "Saving failed"),
              translate("Messages", "The worksheet could not be saved as {path}: {error}").format(path=path,
                                                                                                  error=error))
        return False
    if report and preview_reason is None:
        report(True, f"PDF {path}")
    return True
