"""The results: the volume to draw in large type, then the dose delivered and how to give it.

Every number comes from the engine's result and is written by `mscdose.core.display` (ISMP rules); the
panel only places text. Until every required field can be read, each value shows "—" and a line says
which fields are still needed, so a half-typed form never shows a plausible-looking wrong number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mscdose.gui.field_row import WrappingLabel
from mscdose.gui.texts import translate, unit_text_in
from mscdose.i18n import QT_TRANSLATE_NOOP, step_working_text

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult

DASH = "—"
DESCRIPTIONS = {  # translated at use (QT_TRANSLATE_NOOP marks them for pyside6-lupdate)
    "statusValue": QT_TRANSLATE_NOOP("Results", "OK, WARNING (a soft limit needs an override) or BLOCKED (a hard "
                                                "limit is breached)."),
    "statusMeaning": QT_TRANSLATE_NOOP("Results", "What the status means for finalising."),
    "volumeToDrawValue": QT_TRANSLATE_NOOP("Results", "The volume of product to draw into the syringe, rounded to "
                                                      "the measurable increment."),
    "roundingValue": QT_TRANSLATE_NOOP("Results", "The exact volume and how it was rounded."),
    "weightValue": QT_TRANSLATE_NOOP("Results", "The weight the dose is worked out for, in kg; a weight entered in "
                                                "lb is shown beside it."),
    "resultsNote": QT_TRANSLATE_NOOP("Results", "Which fields are still needed before anything is calculated."),
    "startByValue": QT_TRANSLATE_NOOP("Results", "The latest start of the infusion so that it finishes within the "
                                                 "post-thaw limit."),
    "finishByValue": QT_TRANSLATE_NOOP("Results", "The post-thaw limit: the infusion must have finished by then."),
    "protocolUsedValue": QT_TRANSLATE_NOOP("Results", "The protocol (id, version, short SHA-256 of its file) this "
                                                      "calculation was checked against."),
}

STATUS_STYLES = {
    "ok": (QT_TRANSLATE_NOOP("Results", "OK"), "✔", "background: #e8f5e9; color: #1b5e20; border: 1px solid #1b5e20;"),
    "warning": (QT_TRANSLATE_NOOP("Results", "WARNING"), "⚠", "background: #fff3e0; color: #8a4b00; border: 1px "
                                             "solid #8a4b00;"),
    "blocked": (QT_TRANSLATE_NOOP("Results", "BLOCKED"), "✖", "background: #b71c1c; color: white; border: 1px solid "
                                             "#7f0000;"),
}
STATUS_MEANING = {
    "ok": QT_TRANSLATE_NOOP("Results", "No limit breached."),
    "warning": QT_TRANSLATE_NOOP("Results", "A soft limit needs a reason and initials before finalising."),
    "blocked": QT_TRANSLATE_NOOP("Results", "A hard limit is breached: change the prescription or the product."),
}


def _value_label(object_name: str, accessible: str) -> QLabel:
    label = WrappingLabel(DASH)  # asks for the height its wrapped text needs: never cut off
    label.setObjectName(object_name)
    accessible = translate("Results", accessible)
    label.setAccessibleName(accessible)
    description = DESCRIPTIONS.get(object_name)
    label.setAccessibleDescription(translate("Results", description) if description else
                                   translate("Results", "{value}, worked out by the engine.").format(value=accessible))
    label.setWordWrap(True)
    return label


def weight_text(result: DoseResult) -> str:
    """The weight the dose was worked out for, always in kg; a weight entered in another unit is shown
    as entered beside it ("150 lb = 68.039 kg"), so a unit slip is visible where the volume is read."""
    from mscdose.core import display as show

    in_kg = show.kg(result.request.weight_kg)
    entered = " ".join(result.request.weight_entered.split())
    if not entered or entered.lower().endswith("kg"):
        return in_kg
    return f"{entered} = {in_kg}"


def step_text(label: str, working: str) -> str:
    """One calculation step: its label in the window's language (the worksheet's, worksheet/terms.py), then
    its working (already in the language: `i18n.step_working_text`) with its units in the language's one form."""
    from mscdose.worksheet.terms import step_label

    return translate("Results", "{label}: {working}").format(label=step_label(label), working=unit_text_in(working))


def _name_label(text: str, value: QLabel) -> QLabel:
    # Wraps rather than being cut off when a translation is longer than the column (issue 16).
    name = WrappingLabel(translate("Results", "{name}:").format(name=translate("Results", text)))
    name.setWordWrap(True)
    name.setBuddy(value)
    return name


class ResultsPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Results", "Results"), parent)
        self.setObjectName("resultsPanel")
        outer = QVBoxLayout(self)
        self._selectable = False

        status_line = QHBoxLayout()
        self.status_icon = QLabel("")
        self.status_icon.setObjectName("statusMark")
        self.status_icon.setAccessibleName(translate("Results", "Status mark"))
        self.status_icon.setAccessibleDescription(translate("Results", "✔ for OK, ⚠ for WARNING, ✖ for BLOCKED, "
                                                                       "beside the word."))
        self.status = _value_label("statusValue", QT_TRANSLATE_NOOP("Results", "Status"))
        self.status.setWordWrap(False)
        bold = QFont(self.status.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.status.setFont(bold)
        self.status_icon.setFont(bold)
        self.status_meaning = _value_label("statusMeaning", QT_TRANSLATE_NOOP("Results", "Status meaning"))
        status_line.addWidget(self.status_icon)
        status_line.addWidget(self.status)
        status_line.addWidget(self.status_meaning, 1)
        outer.addLayout(status_line)

        # The volume to draw on one line with its caption, then the other values in two columns of
        # label and value: the whole panel fits beside the form at 911 × 512 logical pixels (issue 15).
        volume_line = QHBoxLayout()
        caption = QLabel(translate("Results", "Volume to draw:"))
        self.volume = _value_label("volumeToDrawValue", QT_TRANSLATE_NOOP("Results", "Volume to draw"))
        big = QFont(self.volume.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 2.2)
        self.volume.setFont(big)
        self.volume.setWordWrap(False)
        volume_line.addWidget(caption)
        volume_line.addWidget(self.volume, 1)
        self.rounding = _value_label("roundingValue", QT_TRANSLATE_NOOP("Results", "Rounding"))
        outer.addLayout(volume_line)
        outer.addWidget(self.rounding)

        # What checks the dose, in two columns beside each other (always in the panel) ...
        self.delivered = _value_label("deliveredDoseValue", QT_TRANSLATE_NOOP("Results", "Dose delivered"))
        self.per_kg = _value_label("deliveredPerKgValue", QT_TRANSLATE_NOOP("Results", "Dose delivered per kg"))
        self.target = _value_label("targetDoseValue", QT_TRANSLATE_NOOP("Results", "Target dose"))
        self.weight = _value_label("weightValue", QT_TRANSLATE_NOOP("Results", "Weight"))
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # (the names are the values' accessible names, marked above; "per kg" here)
        pairs = (("Dose delivered", self.delivered), (QT_TRANSLATE_NOOP("Results", "per kg"), self.per_kg),
                 ("Target dose", self.target),
                 (QT_TRANSLATE_NOOP("Results", "Weight"), self.weight))
        for index, (text, widget) in enumerate(pairs):
            row, column = divmod(index, 2)
            widget.setWordWrap(False)
            grid.addWidget(_name_label(text, widget), row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        outer.addLayout(grid)
        # ... and how to give it: in the panel on a tall window, a tab beside the flags on a short one
        # (the window places `giving`).
        self.giving = QWidget()
        self.giving.setObjectName("howToGive")
        giving = QFormLayout(self.giving)
        giving.setContentsMargins(0, 0, 0, 0)
        giving.setVerticalSpacing(2)
        self.concentration = _value_label("viableConcentrationValue",
                                          QT_TRANSLATE_NOOP("Results", "Viable concentration"))
        self.bags = _value_label("bagsNeededValue", QT_TRANSLATE_NOOP("Results", "Bags needed"))
        self.diluent = _value_label("diluentValue", QT_TRANSLATE_NOOP("Results", "Diluent"))
        self.rate = _value_label("infusionRateValue", QT_TRANSLATE_NOOP("Results", "Infusion rate"))
        self.drip = _value_label("dripRateValue", QT_TRANSLATE_NOOP("Results", "Drip rate"))
        self.start_by = _value_label("startByValue", QT_TRANSLATE_NOOP("Results", "Start by"))
        self.before = _value_label("finishByValue", QT_TRANSLATE_NOOP("Results", "Finish by"))
        for text, widget in (("Viable concentration", self.concentration), ("Bags needed", self.bags),
                             ("Diluent", self.diluent), ("Infusion rate", self.rate), ("Drip rate", self.drip),
                             ("Start by", self.start_by), ("Finish by", self.before)):
            giving.addRow(_name_label(text, widget), widget)

        self.protocol_used = _value_label("protocolUsedValue", QT_TRANSLATE_NOOP("Results", "Protocol used"))
        outer.addWidget(self.protocol_used)
        self.note = _value_label("resultsNote", QT_TRANSLATE_NOOP("Results", "What is missing"))
        self.note.setStyleSheet("font-style: italic;")
        outer.addWidget(self.note)
        self._outer = outer

        self.steps = QPlainTextEdit()
        self.steps.setObjectName("stepsText")
        self.steps.setAccessibleName(translate("Results", "Calculation steps"))
        self.steps.setAccessibleDescription(translate("Results", "Each step of the calculation with its numbers, "
                                                                 "for checking by hand."))
        self.steps.setReadOnly(True)
        self.steps.setPlaceholderText(translate("Results", "The calculation steps appear here once every required "
                                                           "field can be read."))
        # The steps box is placed by the window (in a tab beside the flags), not in this group.
        self.clear()

    def place_giving(self, giving: QWidget) -> None:
        """Put the how-to-give values back into the panel, above the 'waiting for' note."""
        self._outer.insertWidget(self._outer.indexOf(self.note), giving)
        giving.show()

    def _values(self) -> tuple[QLabel, ...]:
        return (self.volume, self.rounding, self.weight, self.delivered, self.per_kg, self.target, self.concentration,
                self.bags, self.diluent, self.rate, self.drip, self.start_by, self.before, self.protocol_used)

    def clear(self, waiting_for: str = "") -> None:
        for label in self._values():
            label.setText(DASH)
        self.rounding.setText("")
        self.status.setText(DASH)
        self.status.setStyleSheet("")
        self.status_icon.setText("")
        self.status_meaning.setText("")
        self.volume.setStyleSheet("")
        self.volume.setToolTip("")
        self.note.setText(waiting_for)
        self.note.setVisible(bool(waiting_for))
        self.steps.setPlainText("")

    def _make_selectable(self) -> None:
        """Let the values be selected for copying. Done with the first result (there is nothing to copy
        before), so that the `Qt` namespace, about 14 ms of enums, is not built before the first paint."""
        if self._selectable:
            return
        from PySide6.QtCore import Qt

        self._selectable = True
        for label in (*self._values(), self.status, self.status_meaning, self.note):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_result(self, result: DoseResult) -> None:
        from mscdose.core import display as show

        self._make_selectable()
        word, icon, style = STATUS_STYLES[result.status]
        self.status.setText(translate("Results", word))
        self.status.setStyleSheet(style + " padding: 2px 8px;")
        self.status_icon.setText(icon)
        self.status_meaning.setText(translate("Results", STATUS_MEANING[result.status]))
        self.volume.setText(show.ml(result.volume_to_draw_ml))
        # A blocked volume stays readable for checking but must not look like an instruction to draw it.
        self.volume.setStyleSheet("text-decoration: line-through;" if result.status == "blocked"
                                  else "")
        self.volume.setToolTip(translate("Results", "Blocked by a hard limit: do not prepare.")
                               if result.status == "blocked" else "")
        if result.volume_was_rounded:
            self.rounding.setText(translate("Results", "{exact} → {drawn} (nearest {step})").format(
                exact=show.ml(result.volume_exact_ml), drawn=show.ml(result.volume_to_draw_ml),
                step=show.ml(result.increment_ml)))
        else:
            self.rounding.setText(translate("Results", "exact, no rounding (measured in {step} steps)").format(
                step=show.ml(result.increment_ml)))
        self.weight.setText(weight_text(result))
        # Enough figures that a dose outside the window never reads as inside it (99.999 million).
        # Cell counts and drop rates in the language's one form (docs/chinese.md); the digits are the core's.
        self.delivered.setText(unit_text_in(result.delivered_dose_text))
        self.per_kg.setText(unit_text_in(show.cells_per_kg(result.delivered_dose_cells_per_kg)))
        self.target.setText(unit_text_in(show.cells(result.target_dose_cells)))
        self.concentration.setText(unit_text_in(show.concentration(result.viable_concentration_cells_per_ml)))
        self.bags.setText(translate("Results", "{needed} of {available} available ({volume} each)").format(
            needed=result.bags_needed, available=result.request.bags_available,
            volume=show.ml(result.request.bag_volume_ml)))
        self.diluent.setText(translate("Results", "{diluent} to a final volume of {final}").format(
            diluent=show.ml(result.diluent_volume_ml), final=show.ml(result.final_volume_ml)))
        self.rate.setText(translate("Results", "{rate} over {duration}").format(
            rate=show.ml_per_h(result.infusion_rate_ml_per_h), duration=show.minutes(result.duration_min)))
        self.drip.setText(unit_text_in(translate("Results", "{drip} at {factor} gtt/mL").format(
            drip=show.gtt_per_min(result.drip_rate_gtt_per_min), factor=show.plain(result.drop_factor_gtt_per_ml))))
        not_entered = translate("Results", "thaw time not entered")
        self.start_by.setText(show.moment(result.start_by) if result.start_by else not_entered)
        self.before.setText(show.moment(result.finish_by) if result.finish_by else not_entered)
        protocol = result.protocol
        approval = "" if getattr(protocol, "approved", True) else translate("Results", " — NOT APPROVED")
        self.protocol_used.setText(translate("Results", "Checked against {id} version {version} (sha256 {hash})")
                                   .format(id=protocol.id, version=protocol.version, hash=protocol.short_hash)
                                   + approval)
        self.note.setText("")
        self.note.hide()
        self.steps.setPlainText("\n".join(step_text(step.label, step_working_text(step)) for step in result.steps))
