"""Hard flags block finalising with a red banner naming limit and value; soft flags need a reason and initials.

Hand-worked values (Cv = 4.6 million/mL unless stated; protocol window 100–300 million viable cells):
- dose 50: 50 / 4.6 = 10.8696 → 10.9 mL → 10.9 × 4.6 = 50.14 million cells, below 100 million.
- dose 400 with 5 bags: 400 / 4.6 = 86.9565 → 87 mL → 87 × 4.6 = 400.2 million cells, above 300 million.
- viability 65 % with 3 bags: Cv = 3.25; below the 70 % site minimum.
- 1 bag of 20 mL for 32.6 mL: insufficient product.
- thawed 4 h ago: past the 3 h (180 min) post-thaw limit.
- dose 0.1 million: 0.1 / 4.6 = 0.0217 mL, which rounds to 0 mL at 0.1 mL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from mscdose.core.overrides import Override
from mscdose.gui.main_window import MainWindow
from mscdose.gui.override_dialog import OverrideDialog, PendingFlag


def text_of(window: MainWindow, name: str) -> str:
    widget = window.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def four_hours_ago() -> str:
    return (datetime.now() - timedelta(hours=4)).strftime("%Y-%m-%d %H:%M")


HARD_CASES = [
    ("DOSE_BELOW_RANGE", {"doseInput": "50"}, ["50.14 million cells", "100 million cells"]),
    ("DOSE_ABOVE_RANGE", {"doseInput": "400", "bagsInput": "5"}, ["400.2 million cells", "300 million cells"]),
    ("VIABILITY_BELOW_MINIMUM", {"viabilityInput": "65", "bagsInput": "3"}, ["65 %", "70 %"]),
    ("INSUFFICIENT_PRODUCT", {"bagsInput": "1"}, ["32.6 mL", "20 mL"]),
    ("POST_THAW_EXPIRED", {"thawInput": "@4h"}, ["limit is 3 h"]),
    ("VOLUME_ROUNDS_TO_ZERO", {"doseInput": "0.1"}, ["0 mL"]),
]


@pytest.mark.parametrize(("code", "changes", "named"), HARD_CASES)
def test_each_hard_flag_disables_finalising_with_a_red_banner(
        ready: MainWindow, type_into: Callable[[str, str], None], code: str, changes: dict[str, str],
        named: list[str]) -> None:
    worked = ready
    finalize = worked.findChild(QPushButton, "finalizeButton")
    assert finalize is not None and finalize.isEnabled()
    for name, text in changes.items():
        type_into(name, four_hours_ago() if text == "@4h" else text)
    assert worked.result is not None
    assert code in {flag.code for flag in worked.result.hard_flags}
    assert not finalize.isEnabled()
    assert text_of(worked, "statusValue") == "BLOCKED"
    banner = worked.findChild(QLabel, "hardBanner")
    assert banner is not None and not banner.isHidden()
    for words in named:
        assert words in banner.text()
    assert "BLOCKED" in banner.text()  # words, not only red
    flags = worked.findChild(QListWidget, "flagsList")
    assert flags is not None
    assert any(flags.item(i).text().startswith("HARD LIMIT") for i in range(flags.count()))
    assert not worked.actions.print_button.isEnabled()
    worked.finalizing.finalize()  # even called directly, nothing happens
    assert worked.final_document is None


def test_soft_flag_is_amber_and_finalising_stays_possible(
        ready: MainWindow, type_into: Callable[[str, str], None]) -> None:
    worked = ready
    type_into("weightInput", "160")  # outside the usual 30–150 kg of the protocol file: WEIGHT_UNUSUAL
    assert text_of(worked, "statusValue") == "WARNING"
    assert worked.actions.finalize_button.isEnabled()
    soft = worked.findChild(QLabel, "softBannerText")
    assert soft is not None and "SOFT LIMIT" in soft.text()
    assert "160 kg" in soft.text()
    assert not worked.flags.override_button.isHidden()


def test_override_dialog_needs_a_reason_of_words_and_initials(qtbot: QtBot) -> None:
    dialog = OverrideDialog([PendingFlag("WEIGHT_UNUSUAL", "Weight 160 kg is outside the usual 30 kg to 150 kg")])
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    row = dialog.rows[0]
    qtbot.keyClicks(row.reason, "ok")
    qtbot.keyClicks(row.initials, "JS")
    assert not dialog.ok_button.isEnabled()
    assert "Reason" in row.problem.text()
    row.reason.clear()
    qtbot.keyClicks(row.reason, "weight confirmed on ward scale")
    row.initials.clear()
    assert not dialog.ok_button.isEnabled()
    assert "Initials" in row.problem.text()
    qtbot.keyClicks(row.initials, "js")
    assert dialog.ok_button.isEnabled()
    assert dialog.overrides() == [Override("WEIGHT_UNUSUAL", "weight confirmed on ward scale", "JS")]


def test_an_override_is_kept_and_lapses_when_the_flagged_value_changes(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    type_into("weightInput", "160")
    asked: list[list[str]] = []

    def answer(flags: list[PendingFlag], reasons: tuple[str, ...] = ()) -> list[Override]:
        asked.append([f.code for f in flags])
        return [Override(f.code, "weight confirmed on ward scale", "JS") for f in flags]

    monkeypatch.setattr(worked.questions, "ask_overrides", answer)
    worked.flags.override_button.click()
    assert asked == [["WEIGHT_UNUSUAL"]]
    flags = worked.findChild(QListWidget, "flagsList")
    assert flags is not None
    texts = [flags.item(i).text() for i in range(flags.count())]
    assert any(t.startswith("OVERRIDDEN by JS") for t in texts)
    assert worked.flags.override_button.isHidden()
    type_into("weightInput", "170")  # a different value: the reason given for 160 kg does not cover it
    texts = [flags.item(i).text() for i in range(flags.count())]
    assert any(t.startswith("NEEDS OVERRIDE") for t in texts)


def test_a_reason_too_short_is_not_kept(worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    type_into("weightInput", "160")
    assert worked.result is not None
    flag = worked.result.soft_flags[0]
    problems = worked.finalizing.apply_overrides([PendingFlag(flag.code, flag.message)],
                                                 [Override(flag.code, "fine", "JS")])
    assert problems and "Reason" in problems[0]
    assert worked.finalizing.active_overrides(worked.result.flags) == {}


def test_info_flags_are_listed_quietly(worked: MainWindow) -> None:
    flags = worked.findChild(QListWidget, "flagsList")
    assert flags is not None
    texts = [flags.item(i).text() for i in range(flags.count())]
    assert any(t.startswith("Info — Volume rounded from 32.6087 mL to 32.6 mL") for t in texts)
    banner = worked.findChild(QLabel, "hardBanner")
    assert banner is not None and banner.isHidden()
    assert worked.findChild(QLabel, "softBannerText") is not None
    assert worked.flags.soft_box.isHidden()
