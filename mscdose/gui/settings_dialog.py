"""Edit the few preferences a site or a user sets once: initials, site name, paper size.

Units are not edited here, nor kept: every patient starts in kg (issue 11: lb left on was a 55 % underdose).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from mscdose.settings import OPERATOR_INITIALS, PAPER_SIZE, SITE_NAME, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("mscdose settings")
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
        for text, widget in (("Your &initials (prefill 'prepared by'):", self.initials),
                             ("&Site name (worksheet heading):", self.site),
                             ("&Paper size:", self.paper)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.set(OPERATOR_INITIALS, self.initials.text().strip().upper())
        self.settings.set(SITE_NAME, self.site.text().strip())
        self.settings.set(PAPER_SIZE, self.paper.currentText())
        self.settings.sync()
        self.accept()
