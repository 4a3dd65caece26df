"""Helpers of the Chinese window tests: the window in a language, and a walk over every text it shows.

`english_words(text)` is what is left of a text once the words allowed to stay English are taken out
(docs/chinese.md): units, abbreviations without a standard Chinese term, the protocol id and file, the
program's name, key names, hashes and what the parser reads as typed. Anything else in Latin letters is an
untranslated string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from mscdose import i18n
from mscdose.gui.texts import install_translators

# Allowed to stay English, with why (docs/chinese.md "What is translated, and what stays English"):
ALLOWED = [
    r"mscdose", r"UC-MSC", r"ISBT\s*128", r"DIN", r"DMSO", r"COA", r"PDF", r"ID",  # names and abbreviations
    r"LVEF", r"ECOG", r"SAA",  # clinical abbreviations without a standard Chinese term (the protocol file)
    r"NCT03055078", r"nct03055078\.toml", r"sha256", r"SHA-256", r"[0-9a-f]{12}",  # protocol id, file, hash
    r"NOT FOR ADMINISTRATION", r"REPRINT",  # kept beside the Chinese on purpose (docs/chinese.md)
    r"mL/h", r"mL", r"kg", r"lb", r"min", r"v/v", r"gtt/mL",  # units as on Chinese labels
    r"Ctrl\+\w", r"Alt\+\w", r"Alt", r"Tab", r"Enter", r"F1",  # key names
    r"G1234 98 654321 H", r"100 million cells",  # examples of what the parser reads as typed
    r"million cells(?:/kg)?",  # the dose unit as the parser reads it (the blind check's dose label names it)
    r"weight confirmed on ward scale",  # an example reason: the store's rule wants English words (report)
    r"ZS", r"DEMO-\d+", r"DEMO-LOT-\d+",  # initials, demo ids
]
_ALLOWED = re.compile("|".join(f"(?:{pattern})" for pattern in ALLOWED))
_MNEMONIC = re.compile(r"\(&\w\)")


def english_words(text: str) -> list[str]:
    rest = _ALLOWED.sub(" ", _MNEMONIC.sub("", text or ""))
    return re.findall(r"[A-Za-z]{2,}", rest)


@contextmanager
def language(name: str) -> Iterator[None]:
    """The application in `name`: mscdose's language and the translators the window asks (as app.py does)."""
    app = QApplication.instance()
    previous = i18n._current
    i18n.set_language(name)
    installed = install_translators(app, name)
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        i18n._current = previous


def shown_texts(window: QMainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window shows or says: labels, buttons, group boxes, tabs, menus and
    actions, placeholders, combo items, list items, table headers and cells, tooltips, accessible names and
    descriptions. A table cell is `"{name} cell {row},{column}"`, so a test can leave out the columns that hold
    what a person typed (a user id, a name)."""
    yield "window title", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
        yield f"{name} accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield f"label {name}", widget.text()
        elif isinstance(widget, QAbstractButton):
            yield f"button {name}", widget.text()
        elif isinstance(widget, QGroupBox):
            yield f"group {name}", widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{name} item {index}", widget.itemText(index)
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{name} tab {index}", widget.tabText(index)
        elif isinstance(widget, QListWidget):
            for index in range(widget.count()):
                item = widget.item(index)
                yield f"{name} item {index}", item.text()
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                yield f"{name} header {column}", header.text() if header else ""
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    cell = widget.item(row, column)
                    yield f"{name} cell {row},{column}", cell.text() if cell else ""
        elif isinstance(widget, QMenu):
            yield f"menu {widget.title()}", widget.title()
            for action in widget.actions():
                yield f"action {action.text()}", action.text()
                yield f"action {action.text()} tooltip", action.toolTip()
