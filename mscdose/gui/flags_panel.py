"""Flags as a smart pump shows them: a red banner for a hard limit, amber for a soft one, info kept quiet.

A hard flag's banner repeats the engine's message, which names the limit and the value. A soft flag offers
an override that needs a typed reason and initials. Each flag also carries words and an icon
("HARD LIMIT", "NEEDS OVERRIDE", "Info"), so colour is never the only carrier of meaning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from mscdose.gui.texts import translate

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override

# Qt.ItemDataRole.UserRole as its value: each flag's code is kept there, read without PySide6's `Qt` namespace
# (see eligibility_panel; tests/gui/test_app.py checks it)
CODE_ROLE = 0x0100
HARD_STYLE = "background: #b71c1c; color: white; padding: 6px; border-radius: 3px; font-weight: bold;"
SOFT_STYLE = "background: #ffe0b2; color: #4e2a00; padding: 6px; border: 1px solid #e65100; border-radius: 3px;"
# The banner's own text pair, given to the label inside it too: a dark theme's white text on this amber
# background would be unreadable (contrast 1.3).
SOFT_TEXT_STYLE = "color: #4e2a00; background: transparent;"


def flag_message(flag: Flag) -> str:
    """The flag as the window shows it: in English the core's message; in another language the flag's title
    by its code (worksheet/terms.py, the worksheet's own titles), then the core's detailed message translated
    from its template with the same display texts (i18n.flag_text; the English, units converted, when it has
    no translation). The record keeps the English (docs/chinese.md)."""
    from mscdose.i18n import flag_text
    from mscdose.worksheet.terms import flag_title

    title = flag_title(flag.code)
    message = flag_text(flag)
    return translate("Flags", "{title}: {message}").format(title=title, message=message) if title else message


def flag_caption(flag: Flag, override: Override | None) -> str:
    message = flag_message(flag)
    if flag.severity == "hard":
        return translate("Flags", "HARD LIMIT — {message}").format(message=message)
    if flag.severity == "soft":
        if override is not None:
            return translate("Flags", "OVERRIDDEN by {initials} (“{reason}”) — {message}").format(
                initials=override.initials, reason=override.reason, message=message)
        return translate("Flags", "NEEDS OVERRIDE — {message}").format(message=message)
    return translate("Flags", "Info — {message}").format(message=message)


def severity_word(severity: str) -> str:
    return {"hard": translate("Flags", "hard"), "soft": translate("Flags", "soft"),
            "info": translate("Flags", "info")}.get(severity, severity)


class FlagsPanel(QWidget):
    """The flags list; its `banners` widget is placed by the window above the results, where a blocked
    calculation is seen before its numbers."""

    override_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagsPanel")
        self.banners = QWidget()
        self.banners.setObjectName("flagBanners")
        banner_column = QVBoxLayout(self.banners)
        banner_column.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.hard_banner = QLabel()
        self.hard_banner.setObjectName("hardBanner")
        self.hard_banner.setWordWrap(True)
        self.hard_banner.setStyleSheet(HARD_STYLE)
        self.hard_banner.setAccessibleName(translate("Flags", "Hard limit"))
        self.hard_banner.setAccessibleDescription(translate("Flags", "A limit that cannot be overridden: nothing "
                                                                     "can be finalised."))
        self.hard_banner.hide()
        banner_column.addWidget(self.hard_banner)

        self.soft_box = QWidget()
        self.soft_box.setObjectName("softBanner")
        self.soft_box.setStyleSheet("#softBanner { " + SOFT_STYLE + " } #softBannerText { " + SOFT_TEXT_STYLE + " }")
        soft_line = QHBoxLayout(self.soft_box)
        soft_line.setContentsMargins(6, 4, 6, 4)
        self.soft_text = QLabel()
        self.soft_text.setObjectName("softBannerText")
        self.soft_text.setWordWrap(True)
        self.soft_text.setAccessibleName(translate("Flags", "Soft limit"))
        self.soft_text.setAccessibleDescription(translate("Flags", "Limits that need a reason and initials before "
                                                                   "finalising."))
        self.override_button = QPushButton(translate("Flags", "Override…"))  # Tab reaches it; O is Bag volume's
        self.override_button.setObjectName("overrideButton")
        self.override_button.setAccessibleName(translate("Flags", "Override soft limits"))
        self.override_button.setAccessibleDescription(translate("Flags", "Give a reason and your initials to accept "
                                                                         "a soft limit."))
        self.override_button.setToolTip(translate("Flags", "Give a reason and your initials to accept a soft limit"))
        self.override_button.clicked.connect(self.override_requested)
        soft_line.addWidget(self.soft_text, 1)
        soft_line.addWidget(self.override_button)
        self.soft_box.hide()
        banner_column.addWidget(self.soft_box)

        self.list = QListWidget()
        self.list.setObjectName("flagsList")
        self.list.setAccessibleName(translate("Flags", "Flags"))
        self.list.setAccessibleDescription(translate("Flags", "Every flag of the calculation with its severity in "
                                                              "words: HARD LIMIT, NEEDS OVERRIDE, OVERRIDDEN or Info."))
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(60)
        layout.addWidget(self.list, 1)
        self._icons: dict[str, QIcon] = {}

    def _icon(self, severity: str) -> QIcon:
        """The style's message-box icon for a severity, fetched on first use: `QStyle` and `Qt` (about
        20 ms of enums between them) are then paid once there are flags to show, after the first paint."""
        if not self._icons:
            from PySide6.QtWidgets import QStyle

            pixmap = QStyle.StandardPixmap
            self._icons = {
                "hard": self.style().standardIcon(pixmap.SP_MessageBoxCritical),
                "soft": self.style().standardIcon(pixmap.SP_MessageBoxWarning),
                "info": self.style().standardIcon(pixmap.SP_MessageBoxInformation),
            }
        return self._icons[severity]

    def clear(self) -> None:
        self.show_flags((), {})

    def show_flags(self, flags: Sequence[Flag], overrides: Mapping[str, Override]) -> None:
        self.list.clear()
        for flag in flags:
            self._add_item(flag, overrides.get(flag.code))
        if not flags:
            self.list.addItem(QListWidgetItem(translate("Flags", "No flags.")))

        hard = [f for f in flags if f.severity == "hard"]
        if hard:
            lines = "\n".join(f"✖ {flag_message(f)}" for f in hard)
            self.hard_banner.setText(translate("Flags", "✖ BLOCKED — hard limit, cannot be overridden: change the "
                                                        "prescription or the product. Finalising and printing are "
                                                        "off.") + "\n" + lines)
        self.hard_banner.setVisible(bool(hard))

        pending = [f for f in flags if f.severity == "soft" and f.code not in overrides]
        done = [f for f in flags if f.severity == "soft" and f.code in overrides]
        if pending:
            lines = "\n".join(f"⚠ {flag_message(f)}" for f in pending)
            self.soft_text.setText(translate("Flags", "SOFT LIMIT — needs a reason and initials before "
                                                      "finalising.") + "\n" + lines)
        elif done:
            self.soft_text.setText(translate("Flags", "✔ Soft limits overridden: {list}").format(
                list=translate("Flags", ", ").join(
                    translate("Flags", "{code} by {initials}").format(code=f.code,
                                                                      initials=overrides[f.code].initials)
                    for f in done)))
        self.override_button.setVisible(bool(pending))
        self.soft_box.setVisible(bool(pending or done))
        self.banners.setVisible(bool(hard or pending or done))

    def _add_item(self, flag: Flag, override: Override | None) -> None:
        item = QListWidgetItem(self._icon(flag.severity), flag_caption(flag, override))
        item.setData(CODE_ROLE, flag.code)
        # the palette's text colour: icon and word tell it
        item.setToolTip(f"{flag.code} ({severity_word(flag.severity)})")
        self.list.addItem(item)

    def count_text(self) -> str:
        """The tab title: how many flags, and how many of them stop or hold finalising."""
        items = [self.list.item(i) for i in range(self.list.count())]
        codes = [item for item in items if item.data(CODE_ROLE)]
        return translate("Flags", "Flags ({count})").format(count=len(codes))
