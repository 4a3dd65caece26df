"""The History window: table of saved records, filters, Show, Reprint and Export CSV."""

from __future__ import annotations

import csv
import re
import sys
import threading
import types
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from mscdose.gui.history_model import COLUMNS, HistoryTableModel
from mscdose.gui.history_view import HistoryView
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document, save_history_records
from tests.worksheet.helpers import pdf_pages


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    """Record 1 P1 (superseded by 3), record 2 P2 warning with an override, record 3 P1 correction."""
    with RecordStore(tmp_path / "records.sqlite3") as opened:
        save_history_records(opened)
        yield opened


@pytest.fixture
def view(qtbot: QtBot, store: RecordStore) -> HistoryView:
    widget = HistoryView(store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(view: HistoryView) -> list[int]:
    return [record.id for record in view.visible_records()]


def cell(view: HistoryView, record_id: int, header: str) -> str:
    column = [name for name, _, _ in COLUMNS].index(header)
    row = next(r for r in range(view.model.rowCount()) if view.visible_records()[r].id == record_id)
    return str(view.model.index(row, column).data())


def test_widgets_have_their_object_names(view: HistoryView) -> None:
    assert view.findChild(QTableView, "historyTable") is view.table
    assert view.findChild(QLineEdit, "historyPatientFilter") is view.patient_filter
    assert view.findChild(QComboBox, "historyStatusFilter") is view.status_filter
    for name in ("historyShowButton", "historyReprintButton", "historyExportButton"):
        assert view.findChild(QPushButton, name) is not None, name


def test_the_table_shows_every_record_newest_first_with_display_rules(view: HistoryView) -> None:
    assert shown_ids(view) == [3, 2, 1]
    assert view.message.text() == "3 saved records."
    # worked example: 150 million / 4.6 million per mL = 32.6087 -> 32.6 mL; 32.6 × 4.6 = 149.96 million
    assert cell(view, 1, "Volume to draw") == "32.6 mL"
    assert cell(view, 1, "Dose delivered") == "149.96 million cells"
    # 15 million × 0.92 = 13.8 million per mL; 120 / 13.8 = 8.6957 -> 8.7 mL; 8.7 × 13.8 = 120.06 million
    assert cell(view, 2, "Volume to draw") == "8.7 mL"
    assert cell(view, 2, "Dose delivered") == "120.06 million cells"
    assert cell(view, 2, "Status") == "WARNING"
    assert cell(view, 1, "Correction") == "superseded by #3"
    assert cell(view, 3, "Correction") == "corrects #1: checked by was missing"
    assert cell(view, 1, "Lot / DIN") == "L-7"
    assert cell(view, 1, "Printed") == "no"


def test_sorting_uses_the_numbers_not_the_text(view: HistoryView) -> None:
    column = [name for name, _, _ in COLUMNS].index("Volume to draw")
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert shown_ids(view)[0] == 2  # 8.7 mL before 32.6 mL (as text "32.6" < "8.7")


def test_patient_filter_matches_id_or_name_in_any_case(qtbot: QtBot, view: HistoryView) -> None:
    qtbot.keyClicks(view.patient_filter, "p1")
    assert shown_ids(view) == [3, 1]
    view.patient_filter.clear()
    qtbot.keyClicks(view.patient_filter, "ana")
    assert shown_ids(view) == [3, 1]
    view.patient_filter.clear()
    assert shown_ids(view) == [3, 2, 1]


def test_status_filter(view: HistoryView) -> None:
    def choose(value: str) -> list[int]:
        view.status_filter.setCurrentIndex(view.status_filter.findData(value))
        return shown_ids(view)

    assert choose("warning") == [2]
    assert choose("ok") == [3, 1]
    assert choose("superseded") == [1]
    assert choose("all") == [3, 2, 1]


def test_date_filter(view: HistoryView) -> None:
    view.since_filter.setDate(QDate.currentDate().addDays(1))
    assert shown_ids(view) == [3, 2, 1]  # not applied until ticked
    view.since_check.setChecked(True)
    assert shown_ids(view) == []
    view.since_filter.setDate(QDate.currentDate())
    assert shown_ids(view) == [3, 2, 1]
    view.since_check.setChecked(False)
    assert not view.since_filter.isEnabled()


def test_buttons_need_a_selection(qtbot: QtBot, view: HistoryView) -> None:
    assert not view.show_button.isEnabled() and not view.reprint_button.isEnabled()
    assert view.export_button.isEnabled()
    view.select_record(2)
    assert view.show_button.isEnabled() and view.reprint_button.isEnabled()
    assert view.selected_record() is not None and view.selected_record().id == 2  # type: ignore[union-attr]


def test_show_displays_the_saved_document_as_readable_text(qtbot: QtBot, view: HistoryView) -> None:
    view.select_record(2)
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert len(view.record_dialogs) == 1
    dialog = view.record_dialogs[0]
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    assert dialog.text.isReadOnly()
    assert text.startswith("Record 2 — saved ")
    assert "Patient ID: P2" in text and "Prepared by: CD" in text
    assert "Weight: 25 kg" in text
    assert "Volume to draw: 8.7 mL (exact 8.6957 mL)" in text
    assert "Dose delivered: 120.06 million cells (4.802 million cells/kg)" in text  # 120.06 / 25 = 4.8024
    assert "WEIGHT_UNUSUAL: small adult weighed on the ward scale (CD)" in text
    numbers = re.sub(r"\b[0-9a-f]{12,}\b", "", text)
    assert not re.search(r"\d[eE][+-]?\d", numbers)
    assert not re.search(r"(?<![\d.])\.\d", numbers)  # never a bare leading decimal point


def test_double_click_shows_too(qtbot: QtBot, view: HistoryView) -> None:
    view.select_record(3)
    index = view.table.currentIndex()
    view.table.doubleClicked.emit(index)
    assert "Corrects record 1: checked by was missing" in view.record_dialogs[-1].text.toPlainText()


def test_export_csv_writes_the_file_the_user_chose(qtbot: QtBot, view: HistoryView, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "export.csv"
    monkeypatch.setattr(view, "ask_save_path", lambda *args: str(target))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text() == f"Exported 3 records to {target}.")  # (a worker thread writes)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["record_id"], r["volume_to_draw_ml"]) for r in rows] == [("1", "32.6"), ("2", "8.7"), ("3", "32.6")]
    assert view.message.text() == f"Exported 3 records to {target}."


def test_cancelled_file_questions_do_nothing(qtbot: QtBot, view: HistoryView, store: RecordStore,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view, "ask_save_path", lambda *args: "")
    view.select_record(1)
    assert view.export_csv() is False
    assert view.reprint_selected() is False
    assert store.print_events() == []
    assert view.message.text() == "3 saved records."


def test_a_store_error_is_shown_not_raised(qtbot: QtBot, view: HistoryView, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path) -> int:
        raise StoreError("Could not write the CSV export: the disk is full.")

    monkeypatch.setattr(RecordStore, "export_csv", lambda store, path: full(path))  # (the worker's own store)
    monkeypatch.setattr(view, "ask_save_path", lambda *args: str(tmp_path / "x.csv"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.property("isError") is True)
    assert view.message.text() == "Could not write the CSV export: the disk is full."
    assert view.export_button.isEnabled()


def slow_export(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Every store's export waits, once started (the second event set), until the first event is set."""
    release, started = threading.Event(), threading.Event()
    real = RecordStore.export_csv

    def slow(store: RecordStore, path: Path) -> int:
        started.set()
        assert release.wait(30)
        return real(store, path)

    monkeypatch.setattr(RecordStore, "export_csv", slow)
    return release, started


def test_a_store_that_cannot_be_opened_again_is_said_and_the_window_goes_on(
        qtbot: QtBot, view: HistoryView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's own connection fails in an unexpected way: the window says so and may export again,
    never left saying "Exporting…" with its button off."""
    def broken(*args: object, **kwargs: object) -> RecordStore:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(RecordStore, "open_read_only", broken)
    target = tmp_path / "x.csv"
    monkeypatch.setattr(view, "ask_save_path", lambda *args: str(target))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.property("isError") is True)
    assert view.message.text() == f"Could not open the records to export them to {target}: the disk went away"
    assert view.export_button.isEnabled() and not target.exists()


def test_the_window_stays_live_while_an_export_runs(qtbot: QtBot, view: HistoryView, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: at 100,000 records an export takes seconds; a worker thread on its own connection writes it
    while the window answers (a filter typed meanwhile is applied), says so and offers no second export."""
    release, started = slow_export(monkeypatch)
    target = tmp_path / "export.csv"
    monkeypatch.setattr(view, "ask_save_path", lambda *args: str(target))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert started.wait(30)
    assert view.message.text() == f"Exporting the records to {target}…"
    assert not view.export_button.isEnabled()
    qtbot.keyClicks(view.patient_filter, "p2")
    assert shown_ids(view) == [2] and not view.export_button.isEnabled() and not target.exists()
    release.set()
    qtbot.waitUntil(lambda: view.message.text() == f"Exported 3 records to {target}.")
    assert view.export_button.isEnabled() and target.is_file()


def test_closing_the_window_finishes_the_export_first(qtbot: QtBot, view: HistoryView, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The window closed while its export runs waits for it: the file is whole when the window is gone."""
    release, started = slow_export(monkeypatch)
    waiting = view.csv_export.wait
    monkeypatch.setattr(view.csv_export, "wait", lambda: (release.set(), waiting()))
    target = tmp_path / "export.csv"
    monkeypatch.setattr(view, "ask_save_path", lambda *args: str(target))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert started.wait(30) and not target.exists()
    view.close()
    assert not view.csv_export.running()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert [row["record_id"] for row in csv.DictReader(handle)] == ["1", "2", "3"]


def test_only_a_sqlite_file_at_the_current_schema_is_exported_in_the_background(store: RecordStore) -> None:
    from mscdose.gui.background_export import in_background

    class Other(RecordStore):  # (PostgreSQL's store is one: its connections are its own)
        pass

    assert in_background(store)
    other = object.__new__(Other)
    other.__dict__.update(vars(store))
    assert not in_background(other)
    store.migrated_in_memory = True
    try:
        assert not in_background(store)
    finally:
        store.migrated_in_memory = False


def test_refresh_shows_records_saved_elsewhere_and_keeps_the_selection(qtbot: QtBot, view: HistoryView,
                                                                      store: RecordStore) -> None:
    view.select_record(2)
    with RecordStore(store.path) as other_window:
        other_window.save(document("P4"))
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert shown_ids(view) == [4, 3, 2, 1]
    assert view.selected_record().id == 2  # type: ignore[union-attr]


def test_reprint_writes_the_saved_worksheet_and_logs_it(qtbot: QtBot, view: HistoryView, store: RecordStore,
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    target = tmp_path / "reprint.pdf"
    asked: list[str] = []
    monkeypatch.setattr(view, "ask_save_path", lambda caption, suggested, filters: asked.append(suggested)
                        or str(target))
    view.page_size.setCurrentText("Letter")
    view.select_record(2)
    qtbot.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
    assert asked == ["worksheet-P2-record-2-reprint.pdf"]
    assert view.message.text() == f"Reprint of record 2 written to {target}."
    pdf = PdfReader(target)
    assert round(float(pdf.pages[0].mediabox.width)) == 612  # Letter
    text = " ".join(pdf_pages(target))  # PDFium's text: pypdf takes half a second a page (issue 9)
    assert "REPRINT" in text and "8.7 mL" in text and "120.06 million cells" in text
    assert [(e.record_id, e.ok) for e in store.print_events()] == [(2, True)]
    assert cell(view, 2, "Printed") == "yes"


def test_a_failed_reprint_is_shown_and_logged(qtbot: QtBot, view: HistoryView, store: RecordStore, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("printer folder vanished")

    monkeypatch.setitem(sys.modules, "mscdose.worksheet.render", types.SimpleNamespace(write_worksheet_pdf=broken))
    monkeypatch.setattr(view, "ask_save_path", lambda *args: str(tmp_path / "r.pdf"))
    view.select_record(1)
    assert view.reprint_selected() is False
    assert "Could not reprint record 1" in view.message.text() and "printer folder vanished" in view.message.text()
    assert [(e.record_id, e.ok) for e in store.print_events()] == [(1, False)]
    assert cell(view, 1, "Printed") == "no"


def test_an_empty_store(qtbot: QtBot, tmp_path: Path) -> None:
    with RecordStore(tmp_path / "empty.sqlite3") as empty:
        widget = HistoryView(empty)
        qtbot.addWidget(widget)
        assert widget.visible_records() == []
        assert widget.message.text() == "0 saved records."
        assert not widget.export_button.isEnabled()


def test_model_headers_and_roles(store: RecordStore) -> None:
    model = HistoryTableModel(store)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # oldest first
    assert model.rowCount() == 3 and model.columnCount() == len(COLUMNS)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Record"
    assert model.index(0, 1).data(Qt.ItemDataRole.UserRole + 2) < model.index(2, 1).data(Qt.ItemDataRole.UserRole + 2)
    assert "Superseded by record 3" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole + 1).id == 2
    assert store.history()[0].created_at - store.history()[2].created_at <= timedelta(0)


def test_the_main_window_opens_the_history_of_the_data_folder(qtbot: QtBot, window: object) -> None:
    with RecordStore() as default:  # the data folder is a temporary one (tests/conftest.py)
        default.save(document("P7"))
    window.outputs.open_history()  # type: ignore[attr-defined]
    opened = window.findChild(HistoryView)  # type: ignore[attr-defined]
    assert isinstance(opened, HistoryView)
    qtbot.waitExposed(opened)
    assert [r.patient_id for r in opened.visible_records()] == ["P7"]
    opened.close()
    opened.store.close()


class CountingStore(RecordStore):
    """A RecordStore that keeps count of the stores opened and closed (each is one SQLite connection)."""

    opened: ClassVar[list[CountingStore]] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.closed = False
        CountingStore.opened.append(self)

    def close(self) -> None:
        self.closed = True
        super().close()


@pytest.fixture
def counting_stores(monkeypatch: pytest.MonkeyPatch) -> list[CountingStore]:
    import mscdose.records.store

    CountingStore.opened = []
    monkeypatch.setattr(mscdose.records.store, "RecordStore", CountingStore)
    return CountingStore.opened


def test_history_opened_and_closed_again_and_again_leaves_no_connection_open(
        qtbot: QtBot, window: object, counting_stores: list[CountingStore]) -> None:
    for _ in range(3):
        window.outputs.open_history()  # type: ignore[attr-defined]
        opened = window.findChild(HistoryView)  # type: ignore[attr-defined]
        assert isinstance(opened, HistoryView)
        qtbot.waitExposed(opened)
        opened.close()
        qtbot.waitUntil(lambda: window.findChild(HistoryView) is None)  # type: ignore[attr-defined]
    assert len(counting_stores) == 3
    assert all(store.closed for store in counting_stores)


def test_opening_history_twice_reuses_the_open_window_and_its_store(
        qtbot: QtBot, window: object, counting_stores: list[CountingStore]) -> None:
    window.outputs.open_history()  # type: ignore[attr-defined]
    window.outputs.open_history()  # type: ignore[attr-defined]
    assert len(window.findChildren(HistoryView)) == 1  # type: ignore[attr-defined]
    assert len(counting_stores) == 1 and not counting_stores[0].closed


def test_closing_the_main_window_closes_the_open_historys_store(
        qtbot: QtBot, window: object, counting_stores: list[CountingStore]) -> None:
    window.outputs.open_history()  # type: ignore[attr-defined]
    qtbot.waitExposed(window.findChild(HistoryView))  # type: ignore[attr-defined]
    window.close()  # type: ignore[attr-defined]
    assert len(counting_stores) == 1 and counting_stores[0].closed


def test_a_view_given_a_store_it_does_not_own_leaves_it_open(qtbot: QtBot, store: RecordStore) -> None:
    widget = HistoryView(store)
    qtbot.addWidget(widget)
    widget.show()
    widget.close()
    assert store.count() == 3  # still usable: the caller closes it


def test_correct_hands_the_selected_record_to_the_form(qtbot: QtBot, store: RecordStore,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10 §3: a Correct… button in History (the record stays; the form saves the superseding one)."""
    asked: list[tuple[int, str]] = []
    view = HistoryView(store, on_correct=lambda rid, reason: asked.append((rid, reason)) or True)
    qtbot.addWidget(view)
    assert not view.correct_button.isEnabled()
    view.select_record(1)
    assert view.correct_button.isEnabled()
    monkeypatch.setattr(view, "ask_reason", lambda record_id: None)  # cancelled: nothing happens
    assert view.correct_selected() is False and asked == []
    monkeypatch.setattr(view, "ask_reason", lambda record_id: "bag volume was entered wrongly")
    assert view.correct_selected() is True
    assert asked == [(1, "bag volume was entered wrongly")] and "Record 1 is in the form" in view.message.text()
    assert store.count() == 3  # nothing saved by History itself


def test_without_a_form_to_correct_in_there_is_no_correct_button(qtbot: QtBot, store: RecordStore
                                                                 ) -> None:
    view = HistoryView(store)
    qtbot.addWidget(view)
    assert view.correct_button.isHidden()
