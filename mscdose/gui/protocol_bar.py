"""The protocol selector and a one-line summary of the chosen protocol with its file's short hash.

The hash is shown because it is what the record keeps: a user can see which exact file the limits on
screen came from, and that it is the one the pharmacy approved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from mscdose.gui.texts import translate, unit_text_in

if TYPE_CHECKING:
    from mscdose.core.protocol import DoseWindow, Protocol


def _window_text(window: DoseWindow) -> str:
    from mscdose.core import display as show  # with the protocol, after the first paint (it imports decimal)

    parts = []
    if window.total_min is not None or window.total_max is not None:
        low = show.millions(window.total_min) if window.total_min is not None else "0"
        high = (unit_text_in(show.cells(window.total_max)) if window.total_max is not None
                else translate("Protocol", "no maximum"))
        parts.append(translate("Protocol", "{low} to {high}").format(low=low, high=high))
    if window.per_kg_min is not None or window.per_kg_max is not None:
        low = show.millions(window.per_kg_min, 3) if window.per_kg_min is not None else "0"
        high = (unit_text_in(show.cells_per_kg(window.per_kg_max)) if window.per_kg_max is not None
                else translate("Protocol", "no maximum"))
        parts.append(translate("Protocol", "{low} to {high}").format(low=low, high=high))
    return translate("Protocol", ", ").join(parts)


def protocol_summary(protocol: Protocol) -> str:
    from mscdose.core import display as show
    from mscdose.i18n import current_language

    language = current_language()
    dose = _window_text(protocol.window) or translate("Protocol", "limits by weight band")
    if protocol.bands:
        dose += translate("Protocol", " (+ {count} weight band(s))").format(count=len(protocol.bands))
    ages = ""
    if protocol.age_min is not None or protocol.age_max is not None:
        low = show.plain(protocol.age_min) if protocol.age_min is not None else "0"
        high = show.plain(protocol.age_max) if protocol.age_max is not None else translate("Protocol", "any")
        ages = translate("Protocol", " · ages {low} to {high} years").format(low=low, high=high)
    basis = {"total": translate("Protocol", "total cells"), "viable": translate("Protocol", "viable cells")}
    return translate("Protocol", "{title} · {sponsor} · phase {phase} · dose {dose}, {basis}{ages} · v{version} · "
                                 "file {file} sha256 {hash}").format(
        title=protocol.translated(protocol.short_title, language),
        sponsor=protocol.translated(protocol.sponsor, language),
        phase=protocol.phase, dose=dose, basis=basis.get(protocol.basis, f"{protocol.basis} cells"), ages=ages,
        version=protocol.version, file=protocol.source_name, hash=protocol.short_hash)


class ProtocolBar(QWidget):
    protocol_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(translate("Protocol", "&Protocol:"))
        self.combo = QComboBox()
        self.combo.setObjectName("protocolSelect")
        self.combo.setAccessibleName(translate("Protocol", "Protocol"))
        self.combo.setAccessibleDescription(translate("Protocol", "The protocol file whose limits the calculation is "
                                                                  "checked against."))
        self.combo.setMinimumWidth(160)
        self.combo.addItem(translate("Protocol", "loading…"))
        self.combo.setEnabled(False)
        label.setBuddy(self.combo)
        self.summary = QLabel()
        self.summary.setObjectName("protocolSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("Protocol", "Protocol summary"))
        self.summary.setAccessibleDescription(translate("Protocol", "Dose window, ages, version and the short hash of "
                                                                    "the protocol file."))
        line.addWidget(label)
        line.addWidget(self.combo)
        line.addWidget(self.summary, 1)
        self.protocols: tuple[Protocol, ...] = ()
        self.combo.currentIndexChanged.connect(self._changed)

    def set_protocols(self, protocols: Sequence[Protocol], current_id: str) -> None:
        self.protocols = tuple(protocols)
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for protocol in self.protocols:
                self.combo.addItem(protocol.id)
            index = next((i for i, p in enumerate(self.protocols) if p.id == current_id), 0)
            self.combo.setCurrentIndex(index)
        self.combo.setEnabled(len(self.protocols) > 0)
        self._show(index)

    def current(self) -> Protocol | None:
        index = self.combo.currentIndex()
        return self.protocols[index] if 0 <= index < len(self.protocols) else None

    def _show(self, index: int) -> None:
        if 0 <= index < len(self.protocols):
            self.summary.setText(protocol_summary(self.protocols[index]))
            protocol = self.protocols[index]
            from mscdose.i18n import current_language

            self.summary.setToolTip(f"{protocol.translated(protocol.title, current_language())}\n"
                                    f"SHA-256 {protocol.sha256}")

    def _changed(self, index: int) -> None:
        self._show(index)
        self.protocol_changed.emit(index)
