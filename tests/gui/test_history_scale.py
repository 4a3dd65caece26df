"""History on 5,000 records (issue 18): pages of summaries, and no saved document read until Show.

`_record_from_row` is the only place a stored document is parsed into a record (RecordStore.get, history,
export all go through it); counting its calls proves the table never reads one. Nothing is timed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mscdose.gui.history_model import COLUMNS
from mscdose.gui.history_view import HistoryView
from mscdose.records import store as store_module
from mscdose.records.store import RecordStore
from mscdose.records.summaries import PAGE
from tests.records.helpers import document

COUNT = 5_000


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "records.sqlite3"
    base = document("P0")
    with RecordStore(path) as store:
        store._conn.execute("PRAGMA synchronous = OFF")  # build speed only; real saves otherwise
        for n in range(COUNT):
            store.save({**base, "patient": {**base["patient"], "id": f"P{n:05d}"}})
    return path


@pytest.fixture
def documents_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    read: list[int] = []
    real = store_module._record_from_row

    def counting(row: tuple, path: Path) -> object:
        read.append(row[0])
        return real(row, path)

    monkeypatch.setattr(store_module, "_record_from_row", counting)
    return read


@pytest.fixture
def view(qtbot: QtBot, big_store: Path, documents_read: list[int]) -> Iterator[HistoryView]:
    widget = HistoryView(RecordStore.open_read_only(big_store), owns_store=True)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def test_history_reads_no_document_until_show(qtbot: QtBot, view: HistoryView, documents_read: list[int]) -> None:
    assert view.model.total == COUNT and view.message.text() == f"{COUNT} saved records."
    assert view.model.rowCount() < COUNT  # a page or a few (as many as the viewport asked for), not all
    assert view.visible_records()[0].id == COUNT  # newest first
    view.table.sortByColumn([c[0] for c in COLUMNS].index("Volume to draw"), Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(view.patient_filter, "p0001")
    assert [r.patient_id for r in view.visible_records()][:2] == ["P00010", "P00011"]
    view.patient_filter.clear()
    assert view.select_record(1)  # the oldest, pages loaded up to it
    assert documents_read == []  # the table, its sort, its filter and its scrolling read no document
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert documents_read == [1]  # Show reads exactly the one record shown
    assert view.record_dialogs[-1].text.toPlainText().startswith("Record 1 — saved ")


def test_pages_load_as_the_table_scrolls(view: HistoryView, documents_read: list[int]) -> None:
    model = view.model
    before = model.rowCount()
    assert model.canFetchMore()
    view.table.scrollToBottom()
    model.fetchMore()
    assert model.rowCount() >= before + 1 and model.rowCount() - before <= PAGE * 2
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == COUNT and [r.id for r in model.loaded()][-3:] == [3, 2, 1]
    assert documents_read == []
