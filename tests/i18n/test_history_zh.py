"""Issue 16, the History window in Chinese: every text it shows (title, filters, status items, buttons,
column headers, cells, tooltips, messages, the empty state) is Chinese but the words allowed to stay English
(tests/i18n/window_zh.py ALLOWED) and what a person typed (ids, names, lots, initials, a reason). The column
headers are the model's KEYS too (the store's sort keys, NUMERIC_COLUMNS): only their display is translated,
so sorting and filtering work the same in Chinese (tested on the numbers, not on the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from mscdose.gui.history_model import COLUMNS, NUMERIC_COLUMNS
from mscdose.gui.history_view import HistoryView
from mscdose.records.store import RecordStore
from tests.i18n.window_zh import english_words, language, shown_texts
from tests.records.helpers import document, save_history_records

CHINESE_NAME = "张伟"
TYPED = ("Ana Li", "L-7", "AB", "CD", "P1", "P2", "P3", "checked by was missing")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    """Record 1 P1 (superseded by 3), record 2 P2 warning with an override, record 3 P1 correction, record 4
    P3 with a Chinese name."""
    with RecordStore(tmp_path / "records.sqlite3") as opened:
        save_history_records(opened)
        opened.save(document("P3", patient_name=CHINESE_NAME))
        yield opened


def open_history(qtbot: QtBot, store: RecordStore) -> HistoryView:
    view = HistoryView(store, on_correct=lambda _record, _reason: True)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def table_texts(view: HistoryView) -> Iterator[tuple[str, str]]:
    """The table view's texts the widget walk does not reach: its model's headers, cells and tooltips."""
    model = view.model
    for column in range(model.columnCount()):
        yield f"header {column}", str(model.headerData(column, Qt.Orientation.Horizontal))
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            yield f"cell {row},{column}", str(index.data())
            yield f"tooltip {row},{column}", str(index.data(Qt.ItemDataRole.ToolTipRole))


def untranslated(view: HistoryView) -> list[tuple[str, str, list[str]]]:
    def without_typed(text: str) -> str:
        for value in TYPED:
            text = text.replace(value, " ")
        text = re.sub(r"\b[0-9a-f]{64}\b", " ", text)  # a record's SHA-256
        return re.sub(r"\bUTC\b|\bCSV\b", " ", text)  # local_time's "(UTC 17:16)"; the file format, as PDF

    texts = [*shown_texts(view), *table_texts(view)]
    return [(where, text, words) for where, text in texts if (words := english_words(without_typed(text)))]


def column(name: str) -> int:
    return [header for header, _, _ in COLUMNS].index(name)


def shown_ids(view: HistoryView) -> list[int]:
    return [record.id for record in view.visible_records()]


def test_the_history_window_is_chinese(qtbot: QtBot, store: RecordStore) -> None:
    with language("zh_CN"):
        view = open_history(qtbot, store)
        view.select_record(4)
        assert untranslated(view) == []
        assert view.windowTitle() == "历史记录 – 已保存的计算"
        assert view.message.text() == "共 4 条已保存的记录。"
        assert view.model.headerData(column("Dose delivered"), Qt.Orientation.Horizontal) == "实际输注剂量"
        row = shown_ids(view).index(4)
        assert view.model.index(row, column("Name")).data() == CHINESE_NAME
        # the worked example's 149.96 million cells, in the one Chinese form with the same digits
        assert view.model.index(row, column("Dose delivered")).data() == "149.96 × 10⁶ 个细胞"
        assert view.model.index(row, column("Volume to draw")).data() == "32.6 mL"
        assert view.model.index(row, column("Status")).data() == "正常"
        assert view.model.index(shown_ids(view).index(1), column("Correction")).data() == "已被记录 #3 取代"
        assert [view.status_filter.itemText(i) for i in range(view.status_filter.count())] == [
            "全部状态", "正常", "警告（已超控）", "已被更正记录取代"]


def test_the_walk_catches_english_in_the_history_window(qtbot: QtBot, store: RecordStore) -> None:
    from PySide6.QtWidgets import QLabel

    with language("zh_CN"):
        view = open_history(qtbot, store)
        QLabel("Saved records", view)
        assert [words for _, _, words in untranslated(view)] == [["Saved", "records"]]


def test_an_empty_history_is_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    with language("zh_CN"), RecordStore(tmp_path / "empty.sqlite3") as empty:
        view = open_history(qtbot, empty)
        assert view.message.text() == "共 0 条已保存的记录。"
        assert untranslated(view) == []


def test_sorting_and_filtering_work_in_chinese(qtbot: QtBot, store: RecordStore) -> None:
    """The keys stay English under the Chinese headers: sorting is by the numbers, filters by the store's values."""
    assert {"Record", "Volume to draw", "Dose delivered"} == NUMERIC_COLUMNS
    with language("zh_CN"):
        view = open_history(qtbot, store)
        assert shown_ids(view) == [4, 3, 2, 1]  # newest first
        view.table.sortByColumn(column("Volume to draw"), Qt.SortOrder.AscendingOrder)
        assert shown_ids(view)[0] == 2  # 8.7 mL before 32.6 mL (as text "32.6" < "8.7")
        view.table.sortByColumn(column("Record"), Qt.SortOrder.AscendingOrder)
        assert shown_ids(view) == [1, 2, 3, 4]
        numeric = view.model.index(0, column("Volume to draw")).data(Qt.ItemDataRole.TextAlignmentRole)
        assert numeric == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        def choose(value: str) -> list[int]:
            view.status_filter.setCurrentIndex(view.status_filter.findData(value))
            return sorted(shown_ids(view))

        assert choose("warning") == [2]
        assert choose("ok") == [1, 3, 4]
        assert choose("superseded") == [1]
        assert choose("all") == [1, 2, 3, 4]
        assert view.message.text() == "共 4 条已保存的记录。"
        view.patient_filter.setText(CHINESE_NAME)  # as an input method commits it (keyClicks types ASCII only)
        assert shown_ids(view) == [4]
        assert view.message.text() == "4 条已保存的记录中有 1 条符合筛选条件。"
        view.patient_filter.clear()
        view.since_filter.setDate(QDate.currentDate().addDays(1))
        view.since_check.setChecked(True)
        assert shown_ids(view) == []
        assert view.findChild(QTableView, "historyTable") is view.table


def test_reprint_paper_size_is_the_value_not_the_chinese_text(qtbot: QtBot, store: RecordStore) -> None:
    with language("zh_CN"):
        view = open_history(qtbot, store)
        view.page_size.setCurrentIndex(view.page_size.findData("Letter"))
        assert view.page_size.currentText() == "美式信纸" and view.page_size.currentData() == "Letter"
