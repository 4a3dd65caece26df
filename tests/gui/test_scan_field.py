"""Issue 13 in the window: the product label scan field, and scans typed into the lot and DIN fields.

A keyboard-wedge scanner types the data fast and ends with Enter; pytest-qt's keyClicks + Enter is that.
DINs (ST-001): `=G12349865432177` is G1234 98 654321 with flags 77 = 60 + 17, and 17 is the mod 37-2 value
whose check character is H (domain.md: G123498654321 -> H); `=A99991712345600` is the published example DIN
with flags 00 (no check carried). `&>0993652359` is day 365 of 2099 at 23:59 = 2099-12-31 23:59.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow

GOOD = "=G12349865432177=<S1234A00&>0993652359"


def scan(qtbot: QtBot, window: MainWindow, text: str, field: str = "scan") -> None:
    """What the scanner does: type `text` into the field fast, then Enter."""
    edit = window.form.scan.edit if field == "scan" else window.rows[field].edit
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def listed(window: MainWindow) -> list[str]:
    scans = window.form.scan.list
    return [scans.item(i).text() for i in range(scans.count())]


def test_a_scan_ending_in_enter_is_listed_and_fills_the_din(qtbot: QtBot, worked: MainWindow) -> None:
    scan(qtbot, worked, GOOD)
    assert worked.form.scan.edit.text() == ""  # ready for the next bag
    assert listed(worked) == ["Bag 1 (scanned): DIN G1234 98 654321 H · product S1234A00 · expires 2099-12-31 23:59"]
    assert worked.texts()["scan"] == GOOD
    request = worked.result.request  # type: ignore[union-attr]
    assert request.din.display == "G1234 98 654321 H" and request.source_of("din") == "scan"
    assert request.product_code == "S1234A00" and request.source_of("expires_at") == "scan"
    assert worked.rows["din"].note.text() == "▣ Scanned from the product label: G1234 98 654321 H"
    assert worked.rows["expires_at"].note.text() == "▣ Scanned from the product label: 2099-12-31 23:59"


def test_the_published_din_example_without_a_check(qtbot: QtBot, window: MainWindow) -> None:
    scan(qtbot, window, "=A99991712345600")
    assert len(listed(window)) == 1 and "DIN A9999 17 123456" in listed(window)[0]
    assert window.form.scan.error_text() == ""


def test_several_bags_accumulate_and_clear(qtbot: QtBot, worked: MainWindow) -> None:
    scan(qtbot, worked, GOOD)
    scan(qtbot, worked, "=G12349865432177")
    assert worked.texts()["scan"].splitlines() == [GOOD, "=G12349865432177"]
    assert [line.split(":")[0] for line in listed(worked)] == ["Bag 1 (scanned)", "Bag 2 (scanned)"]
    qtbot.mouseClick(worked.form.scan.clear_button, Qt.MouseButton.LeftButton)
    assert listed(worked) == [] and worked.texts()["scan"] == "" and worked.result.request.din is None  # type: ignore[union-attr]
    assert not worked.form.scan.clear_button.isEnabled()


def test_two_bags_of_different_dins_are_a_hard_flag(qtbot: QtBot, worked: MainWindow) -> None:
    scan(qtbot, worked, "=G12349865432177")
    scan(qtbot, worked, "=A99991712345600")
    assert "BAG_DIN_MISMATCH" in {flag.code for flag in worked.result.hard_flags}  # type: ignore[union-attr]
    assert not worked.actions.finalize_button.isEnabled()


def test_a_bad_scan_is_refused_beside_the_field_with_the_reason(qtbot: QtBot, worked: MainWindow) -> None:
    scan(qtbot, worked, "=G1234986543")  # truncated DIN
    field = worked.form.scan
    assert listed(worked) == [] and field.edit.text() == "=G1234986543" and field.edit.selectedText() == "=G1234986543"
    assert "cut short" in field.error_text() and field.message.text().startswith("✖ Scan:")
    assert worked.texts()["scan"] == ""
    field.edit.clear()
    scan(qtbot, worked, "=G12349865432178")  # flags 78, but 60 + 17 = 77
    assert "fails its check" in field.error_text() and "should be 77" in field.error_text()
    scan(qtbot, worked, "=~12345")
    assert "not an ISBT 128 data identifier" in field.error_text()
    field.edit.selectAll()
    scan(qtbot, worked, GOOD)  # the next scan replaces the refused one
    assert field.error_text() == "" and len(listed(worked)) == 1


def test_a_scan_into_the_din_field_is_a_scan(qtbot: QtBot, worked: MainWindow,
                                             type_into: Callable[[str, str], None]) -> None:
    type_into("dinInput", "=G12349865432177")  # pasted or scanned, Enter not yet pressed
    assert worked.texts()["din"] == "" and worked.texts()["scan"] == "=G12349865432177"
    assert worked.result.request.source_of("din") == "scan"  # type: ignore[union-attr]
    assert worked.rows["din"].error_text() == ""
    qtbot.keyClick(worked.rows["din"].edit, Qt.Key.Key_Return)
    assert worked.rows["din"].text() == "" and len(listed(worked)) == 1
    assert worked.rows["din"].note.text() == "▣ Scanned from the product label: G1234 98 654321 H"


def test_a_bad_scan_into_the_lot_field_is_refused_there(qtbot: QtBot, worked: MainWindow) -> None:
    scan(qtbot, worked, "&>0183662359", field="lot")  # day 366 of 2018, which has 365 days
    row = worked.rows["lot"]
    assert row.text() == "&>0183662359" and listed(worked) == []
    assert row.error_text().startswith("Scan:") and "impossible" in row.error_text()
    assert worked.result is None  # nothing is calculated from a scan that cannot be read


def test_a_typed_din_the_scan_disagrees_with_is_refused(qtbot: QtBot, worked: MainWindow,
                                                       type_into: Callable[[str, str], None]) -> None:
    type_into("dinInput", "G123498654321H")
    scan(qtbot, worked, "=G12349865432177")
    assert worked.rows["din"].note.text() == "✔ Typed, and the scanned label agrees (G1234 98 654321 H)."
    scan(qtbot, worked, "=A99991712345600")
    assert "the scanned label says" in worked.rows["din"].error_text()


def test_new_patient_clears_the_scans(qtbot: QtBot, worked: MainWindow) -> None:
    scan(qtbot, worked, GOOD)
    assert worked.has_unsaved_data()
    worked.clear_form()
    assert listed(worked) == [] and worked.texts()["scan"] == ""


def test_the_list_of_scans_is_made_at_the_first_scan_after_clear_scans_in_tab_order(qtbot: QtBot,
                                                                                   worked: MainWindow) -> None:
    """Issue 18: the (hidden) list is not part of the first frame; once made it is shown, and Tab goes from
    Clear scans to it and from it on to the lot number, as before."""
    field = worked.form.scan
    assert field._list is None and not field.clear_button.isEnabled()
    worked.show()
    scan(qtbot, worked, GOOD)
    assert field._list is not None and field.list.isVisible() and field.clear_button.isEnabled()
    assert next_by_tab(field.clear_button) is field.list
    assert next_by_tab(field.list) is worked.rows["lot"].edit


def next_by_tab(widget: QWidget) -> QWidget:
    """The widget Tab moves to from `widget`: the next in the focus chain that takes focus by Tab and is shown
    (what QWidget.focusNextPrevChild looks for)."""
    following = widget.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isVisible()
               and following.isEnabled()):
        following = following.nextInFocusChain()
    return following
