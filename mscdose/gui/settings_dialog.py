"""Edit the few preferences a site or a user sets once: initials, site name, paper size, language.

Units are not edited here, nor kept: every patient starts in kg (issue 11: lb left on was a 55 % underdose).
The language (issue 16) takes effect at the next start: a window half in one language and half in another
is worse than either, so the dialog says a restart is needed instead of retranslating on the fly.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from mscdose.gui.texts import plain, translate
from mscdose.settings import LANGUAGE, OPERATOR_INITIALS, PAPER_SIZE, SITE_NAME, Settings


def language_choices() -> list[tuple[str, str]]:
    """(shown, setting value): the system's language, then each language named in itself."""
    return [(translate("Settings", "System language"), "system"), ("English", "en"), ("简体中文", "zh_CN")]


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("Settings", "mscdose settings"))
        self.settings = settings
        form = QFormLayout(self)
        self.initials = QLineEdit(settings.get(OPERATOR_INITIALS))
        self.initials.setObjectName("operatorInitialsInput")
        self.initials.setMaxLength(6)
        self.site = QLineEdit(settings.get(SITE_NAME))
        self.site.setObjectName("siteNameInput")
        self.paper = QComboBox()
        self.paper.setObjectName("paperSizeSelect")
        self.paper.addItems(list(PAPER_SIZE.choices))
        self.paper.setCurrentText(settings.get(PAPER_SIZE))
        self.language = QComboBox()
        self.language.setObjectName("languageSelect")
        for shown, value in language_choices():
            self.language.addItem(shown, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.language.setAccessibleDescription(translate("Settings", "The language of the window and the worksheet; "
                                                         "takes effect when mscdose is started again."))
        for text, widget in ((translate("Settings", "Your &initials (prefill 'prepared by'):"), self.initials),
                             (translate("Settings", "&Site name (worksheet heading):"), self.site),
                             (translate("Settings", "&Paper size:"), self.paper),
                             (translate("Settings", "&Language:"), self.language)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(plain(text))
            form.addRow(label, widget)
        self.restart_note = QLabel(translate("Settings", "A change of language takes effect when mscdose is "
                                                         "started again."))
        self.restart_note.setObjectName("languageRestartNote")
        self.restart_note.setWordWrap(True)
        form.addRow(self.restart_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.set(OPERATOR_INITIALS, self.initials.text().strip().upper())
        self.settings.set(SITE_NAME, self.site.text().strip())
        self.settings.set(PAPER_SIZE, self.paper.currentText())
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        self.settings.sync()
        self.accept()
