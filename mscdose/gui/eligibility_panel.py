"""The protocol's eligibility checklist, read from the protocol file, never written into the program.

Each inclusion criterion is ticked when confirmed met, each exclusion criterion when confirmed absent.
The age criterion (the protocol's `age_criteria`, marked `field = "age"` in the file) is not ticked by
hand: it follows the age (or date of birth) and the protocol's age window. A criterion the protocol makes
hard (`hard_criteria`) is marked HARD with a ⛔ beside it, in words and a sign, never by colour alone: left
unconfirmed it blocks finalising. Whatever else is left unticked is "not confirmed", a soft flag at
finalising. The initials of the person who confirmed the list are kept with the record.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mscdose.gui.texts import translate
from mscdose.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult

HARD_MARK = QT_TRANSLATE_NOOP("Eligibility", "⛔ HARD")  # translated where shown
# Qt.ItemDataRole.UserRole, the next role and Qt.ItemDataRole.CheckStateRole, and Qt.CheckState's values,
# as their values: the first use of PySide6's `Qt` namespace builds its 93 enums (20-30 ms), which the
# window pays once its form is usable (`settle_flags`, from MainWindow.finish) rather than before; the
# checklist is filled and read without it (tests/gui/test_app.py checks each value against Qt's).
_TEXT_ROLE = 0x0100
_KIND_ROLE = _TEXT_ROLE + 1
_CHECK_STATE_ROLE = 10
_UNCHECKED, _CHECKED = 0, 2


class EligibilityPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Eligibility", "5  Eligibility (from the protocol file)"), parent)
        self.setObjectName("eligibilityPanel")
        layout = QVBoxLayout(self)
        self.inclusion_caption = QLabel(translate("Eligibility", "Inclusion — tic&k each criterion confirmed as met:"))
        self.inclusion = self._list("inclusionList", translate("Eligibility", "Inclusion criteria"))
        self.inclusion_caption.setBuddy(self.inclusion)
        self.exclusion_caption = QLabel(translate("Eligibility",
                                                  "E&xclusion — tick each criterion confirmed as absent:"))
        self.exclusion = self._list("exclusionList", translate("Eligibility", "Exclusion criteria"))
        self.exclusion_caption.setBuddy(self.exclusion)
        for caption in (self.inclusion_caption, self.exclusion_caption):
            caption.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("eligibilitySummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("Eligibility", "Eligibility summary"))
        self.summary.setAccessibleDescription(translate("Eligibility", "How many criteria are confirmed."))
        for widget in (self.inclusion_caption, self.inclusion, self.exclusion_caption, self.exclusion, self.summary):
            layout.addWidget(widget)
        line = QHBoxLayout()
        self.confirmed_by_edit = QLineEdit()
        self.confirmed_by_edit.setObjectName("confirmedByInput")
        self.confirmed_by_edit.setMaxLength(6)
        self.confirmed_by_edit.setPlaceholderText(translate("Eligibility", "e.g. JS"))
        self.confirmed_by_edit.setAccessibleName(translate("Eligibility", "Eligibility confirmed by"))
        self.confirmed_by_edit.setAccessibleDescription(translate("Eligibility", "Initials of the person who "
                                                                  "confirmed the criteria; kept with the record."))
        confirmed_label = QLabel(translate("Eligibility", "Confirmed by (initials):"))
        confirmed_label.setBuddy(self.confirmed_by_edit)
        line.addWidget(confirmed_label)
        line.addWidget(self.confirmed_by_edit, 1)
        layout.addLayout(line)
        self.confirmed_by_edit.textChanged.connect(lambda _text: self.changed.emit())
        self._hard: frozenset[str] = frozenset()
        self._translations: dict[str, str] = {}
        layout.setStretch(1, 3)
        layout.setStretch(3, 3)
        self._age_state: bool | None = None
        self._age_note = translate("Window", "age not entered")
        self._updating = False
        self._flags_settled = False  # see settle_flags

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setAccessibleDescription(translate("Eligibility", "{list} from the protocol file; Space ticks the "
                                                                 "current one.").format(list=accessible))
        widget.setWordWrap(True)
        widget.itemChanged.connect(self._item_changed)
        return widget

    def set_criteria(self, inclusion: Sequence[str], exclusion: Sequence[str], hard: Collection[str] = (),
                     age: Collection[str] = (), translations: Mapping[str, str] | None = None) -> None:
        """Rebuild both lists from a protocol (its `hard_criteria` and `age_criteria` say which are hard and
        which follow the age); every criterion starts unconfirmed."""
        self._updating = True
        self._hard = frozenset(hard)
        self._translations = dict(translations or {})
        for widget, texts in ((self.inclusion, inclusion), (self.exclusion, exclusion)):
            widget.clear()
            for text in texts:
                item = QListWidgetItem(self._shown(text))
                item.setData(_TEXT_ROLE, text)
                tips = []
                if text in self._hard:
                    tips.append(translate("Eligibility", "A hard criterion: left unconfirmed or unmet it blocks "
                                                         "finalising; it cannot be overridden."))
                if text != self._protocol_text(text):  # the English text is the one confirmed and recorded
                    tips.append(text)
                if tips:
                    item.setToolTip("\n".join(tips))
                if text in age:
                    item.setData(_KIND_ROLE, "age")
                item.setData(_CHECK_STATE_ROLE, _UNCHECKED)
                widget.addItem(item)
        if self._flags_settled:
            self._set_flags()
        self._updating = False
        self._show_age()

    def settle_flags(self) -> None:
        """Make the age criterion not tickable by hand (it follows the age), now and for every later protocol.
        Until then (the moment between the protocol being read and the window's `finish`) a tick given to it
        is taken back at once (`_item_changed`) and never counted (`states` reads the age)."""
        self._flags_settled = True
        self._set_flags()

    def _set_flags(self) -> None:
        from PySide6.QtCore import Qt

        for widget in (self.inclusion, self.exclusion):
            for i in range(widget.count()):
                item = widget.item(i)
                if item.data(_KIND_ROLE) == "age":
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                else:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                                  | Qt.ItemFlag.ItemIsSelectable)

    def _age_items(self) -> list[QListWidgetItem]:
        return [self.inclusion.item(i) for i in range(self.inclusion.count())
                if self.inclusion.item(i).data(_KIND_ROLE) == "age"]

    def show_age_of(self, result: DoseResult | None, typed: str, unreadable: bool) -> None:
        """The age criterion from the calculation: met or not when it has an age, else why it is not known
        (`typed`: the age or date of birth as typed; `unreadable`: the age field cannot be read)."""
        if result is not None and result.age_years is not None:
            from mscdose.core import display as show
            from mscdose.core.eligibility import age_state

            self.set_age_state(age_state(result.protocol, result.age_years), translate("Window", "{age} years")
                               .format(age=show.plain(result.age_years, 1)))
        elif not typed:
            self.set_age_state(None, translate("Window", "age not entered"))
        elif unreadable:
            self.set_age_state(None, translate("Window", "age cannot be read"))
        else:
            self.set_age_state(None, translate("Window", "checked once the results are shown"))

    def set_age_state(self, state: bool | None, note: str) -> None:
        """True: the entered age is inside the protocol's window; False: outside; None: not known yet."""
        if (state, note) == (self._age_state, self._age_note):
            return
        self._age_state, self._age_note = state, note
        self._show_age()
        self.changed.emit()

    def _show_age(self) -> None:
        self._updating = True
        mark = {True: translate("Eligibility", "✔ met"), False: translate("Eligibility", "✖ NOT met"),
                None: translate("Eligibility", "not confirmed")}[self._age_state]
        for item in self._age_items():
            text = item.data(_TEXT_ROLE)
            item.setText(self._shown(text) + translate("Eligibility", "   [from the age field: {note} — {mark}]")
                         .format(note=self._age_note, mark=mark))
            item.setData(_CHECK_STATE_ROLE, _CHECKED if self._age_state else _UNCHECKED)
        self._updating = False
        self._update_summary()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        if item.data(_KIND_ROLE) == "age":
            self._show_age()  # it follows the age, never a tick (before `settle_flags` it can be clicked)
            return
        self._update_summary()
        self.changed.emit()

    def _shown(self, text: str) -> str:
        shown = self._protocol_text(text)
        return f"{translate('Eligibility', HARD_MARK)}  {shown}" if text in self._hard else shown

    def _protocol_text(self, text: str) -> str:
        """A criterion in the window's language: the protocol file's translation (issue 16), else as written."""
        return self._translations.get(text, text)

    def hard_unconfirmed(self) -> list[str]:
        return [text for text in self.unconfirmed() if text in self._hard]

    def confirmed_by(self) -> str:
        return self.confirmed_by_edit.text()

    def criteria(self) -> list[str]:
        return [w.item(i).data(_TEXT_ROLE) for w in (self.inclusion, self.exclusion) for i in range(w.count())]

    def states(self) -> dict[str, bool | None]:
        """criterion -> True (confirmed), False (age known to be outside), None (not confirmed)."""
        states: dict[str, bool | None] = {}
        for widget in (self.inclusion, self.exclusion):
            for i in range(widget.count()):
                item = widget.item(i)
                text = item.data(_TEXT_ROLE)
                if item.data(_KIND_ROLE) == "age":
                    states[text] = self._age_state
                else:
                    states[text] = True if _checked(item) else None
        return states

    def unconfirmed(self) -> list[str]:
        return [text for text, state in self.states().items() if state is not True]

    def set_confirmed(self, text: str, confirmed: bool) -> None:
        for widget in (self.inclusion, self.exclusion):
            for i in range(widget.count()):
                item = widget.item(i)
                if item.data(_TEXT_ROLE) == text and item.data(_KIND_ROLE) != "age":
                    item.setData(_CHECK_STATE_ROLE, _CHECKED if confirmed else _UNCHECKED)

    def reset(self) -> None:
        from PySide6.QtCore import QSignalBlocker

        with QSignalBlocker(self.confirmed_by_edit):
            self.confirmed_by_edit.clear()
        self._updating = True
        for widget in (self.inclusion, self.exclusion):
            for i in range(widget.count()):
                item = widget.item(i)
                if item.data(_KIND_ROLE) != "age":
                    item.setData(_CHECK_STATE_ROLE, _UNCHECKED)
        self._updating = False
        self._update_summary()

    def _update_summary(self) -> None:
        total = len(self.criteria())
        if not total:
            self.summary.setText(translate("Eligibility", "This protocol file lists no eligibility criteria."))
            return
        left = len(self.unconfirmed())
        hard = len(self.hard_unconfirmed())
        if hard:
            others = (translate("Eligibility", "; {count} others not confirmed").format(count=left - hard)
                      if left > hard else "")
            self.summary.setText(translate("Eligibility", "⛔ {done} of {total} confirmed; {hard} HARD criteria not "
                                                          "confirmed (finalising is blocked until they are){others}.")
                                 .format(done=total - left, total=total, hard=hard, others=others))
        elif left:
            self.summary.setText(translate("Eligibility", "⚠ {done} of {total} confirmed; {left} not confirmed (a soft "
                                                          "flag at finalising).")
                                 .format(done=total - left, total=total, left=left))
        else:
            self.summary.setText(translate("Eligibility", "✔ All {total} criteria confirmed.").format(total=total))


def _checked(item: QListWidgetItem) -> bool:
    """Whether the item is ticked: an int as this panel sets it, or Qt.CheckState as a click sets it."""
    state = item.data(_CHECK_STATE_ROLE)
    return int(getattr(state, "value", state) or 0) == _CHECKED
