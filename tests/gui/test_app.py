"""Start-up, the screenshot command, the start-up probe, settings and the unexpected-error dialog."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from mscdose import settings as settings_module
from mscdose.gui.error_reporting import ExceptionHook, setup_logging
from mscdose.gui.main_window import MainWindow
from mscdose.settings import PAPER_SIZE, WINDOW_GEOMETRY, Option, Settings


def run_mscdose(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mscdose", *args], capture_output=True, text=True,
                          timeout=timeout, env=environment, check=False)


def test_demo_screenshot_writes_a_png_of_the_worked_example(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    done = run_mscdose("gui", "--demo", "--screenshot", str(target))
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1366, 768)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_startup_probe_prints_once_the_window_is_shown() -> None:
    done = run_mscdose("gui", env={"MSCDOSE_STARTUP_PROBE": "1"})
    assert done.returncode == 0, done.stderr
    assert "mscdose-window-shown" in done.stdout.splitlines()


def test_startup_probe_ready_waits_for_the_protocol() -> None:
    done = run_mscdose(env={"MSCDOSE_STARTUP_PROBE": "ready"})  # no command opens the window too
    assert done.returncode == 0, done.stderr
    assert "mscdose-window-ready" in done.stdout.splitlines()


def test_deferred_window_loads_the_protocol_after_its_first_paint(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    assert window.protocol is None
    assert window.findChild(QComboBox, "protocolSelect").currentText() == "loading…"  # type: ignore[union-attr]
    window.load_protocols_after_first_paint()
    window.show()
    qtbot.waitUntil(lambda: window.protocol is not None)
    assert window.rows["final_volume"].text() == "100"


def test_a_panel_reached_before_the_first_paint_is_made_then(qtbot: QtBot, settings: Settings) -> None:
    """Issue 18: the results column follows the first paint, but code that reaches a panel earlier (a
    closing window asking about ticked criteria, a test) gets it made there and then, in its place."""
    from PySide6.QtWidgets import QLabel, QTabWidget

    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    assert window.findChild(QTabWidget, "detailsTabs") is None
    assert not window.has_unsaved_data()  # asks nothing of the checklist, which does not exist yet
    assert window.findChild(QTabWidget, "detailsTabs") is None
    assert window.flags.count_text() == "Flags (0)"
    assert window.findChild(QTabWidget, "detailsTabs") is window.details
    assert window.results.parentWidget() is window.layout_parts.results_column
    assert not window.findChild(QLabel, "resultsWaiting").isVisibleTo(window)


def test_every_setting_is_declared_once_with_a_default(qtbot: QtBot, settings: Settings) -> None:
    declared = [value for value in vars(settings_module).values() if isinstance(value, Option)]
    assert sorted(o.key for o in declared) == sorted(o.key for o in settings_module.ALL_OPTIONS)
    assert len({o.key for o in settings_module.ALL_OPTIONS}) == len(settings_module.ALL_OPTIONS)
    # a fresh file gives each default, as stated here by hand
    assert settings.get(PAPER_SIZE) == "A4"
    assert settings.get(settings_module.SITE_NAME) == ""
    assert settings.get(settings_module.OPERATOR_INITIALS) == ""
    assert settings.get(settings_module.WINDOW_GEOMETRY) == QByteArray()
    # nothing else in mscdose keeps settings of its own (each would be a second, undeclared default)
    package = Path(settings_module.__file__).parent
    others = [p.relative_to(package) for p in package.rglob("*.py")
              if p.name != "settings.py" and "QSettings" in p.read_text(encoding="utf-8")]
    assert others == []
    # a window used and closed writes only declared keys
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.rows["weight"].unit_combo.setCurrentText("lb")  # type: ignore[union-attr]
    window.close()
    written = Settings(settings.path)._store.allKeys()
    assert written and set(written) <= {o.key for o in settings_module.ALL_OPTIONS}


def test_a_hand_edited_setting_outside_its_choices_falls_back_to_the_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[print]\npaper_size=Legal\n", encoding="utf-8")
    assert Settings(str(path)).get(PAPER_SIZE) == "A4"
    path.write_text("[print]\npaper_size=Letter\n", encoding="utf-8")
    settings = Settings(str(path))
    assert settings.get(PAPER_SIZE) == "Letter"
    with pytest.raises(ValueError):
        settings.set(PAPER_SIZE, "Legal")


def test_a_window_opened_after_lb_was_chosen_starts_in_kg(qtbot: QtBot, settings: Settings) -> None:
    """Issue 11: lb left on from the last patient read 62 as 62 lb (28.1 kg), a 55 % underdose."""
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.rows["weight"].unit_combo.setCurrentText("lb")  # type: ignore[union-attr]
    assert first.rows["weight"].unit() == "lb"
    first.close()
    second = MainWindow(Settings(settings.path))
    qtbot.addWidget(second)
    assert second.rows["weight"].unit() == "kg"


def test_a_weight_unit_left_in_an_old_settings_file_is_ignored(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[units]\nweight=lb\n", encoding="utf-8")
    window = MainWindow(Settings(str(path)))
    qtbot.addWidget(window)
    assert window.rows["weight"].unit() == "kg"
    window.rows["weight"].edit.setText("62")
    assert window.result is None or window.result.request.weight_kg == 62


def test_the_settings_file_is_in_the_data_folder() -> None:
    assert Path(Settings().path).parent == Path(os.environ["MSCDOSE_DATA_DIR"])


def test_an_unexpected_error_is_logged_and_explained_with_the_log_path(caplog: pytest.LogCaptureFixture) -> None:
    log_file = setup_logging()
    assert log_file is not None
    shown: list[str] = []
    hook = ExceptionHook(shown.append)
    with caplog.at_level(logging.INFO, logger="mscdose"):
        try:
            raise RuntimeError("the printer driver fell over")
        except RuntimeError as error:
            hook(RuntimeError, error, error.__traceback__)
    assert len(shown) == 1
    assert "RuntimeError: the printer driver fell over" in shown[0]
    assert str(log_file) in shown[0]
    assert "Your entries are still on screen" in shown[0]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].name.startswith("mscdose")
    message = errors[0].getMessage()
    assert "RuntimeError: the printer driver fell over" in message
    assert "Traceback" in message and "test_an_unexpected_error_is_logged" in message  # where it happened


def test_a_failing_error_dialog_does_not_recurse() -> None:
    def broken(_text: str) -> None:
        raise OSError("no display")

    hook = ExceptionHook(broken)
    error = ValueError("x")
    hook(ValueError, error, None)  # must not raise


def test_help_names_the_protocol_hash_and_the_log_file(window: MainWindow) -> None:
    text = window.help_text()
    assert window.protocol is not None and window.protocol.short_hash in text
    assert "mscdose.log" in text
    assert "Ctrl+N" in text and "F1" in text


def test_an_exception_in_the_window_shows_the_dialog_and_the_window_stays_usable(
        worked: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", ExceptionHook(shown.append))
    original = worked.recompute
    calls = {"n": 0}

    def fails_once() -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("simulated fault")
        original()

    monkeypatch.setattr(worked, "recompute", fails_once)
    worked.rows["dose"].edit.setText("160")  # the slot raises inside Qt; the hook reports it
    assert len(shown) == 1 and "simulated fault" in shown[0]
    worked.rows["dose"].edit.setText("150")
    assert worked.results.volume.text() == "32.6 mL"


def test_the_first_window_does_not_import_the_engine_records_or_printing() -> None:
    """Start-up speed: what the first paint does not need is imported after it (or on first use)."""
    heavy = ["pint", "mscdose.core.engine", "mscdose.core.protocol", "mscdose.records.store",
             "mscdose.worksheet.render", "PySide6.QtPrintSupport", "mscdose.gui.history_view"]
    code = ("import sys, mscdose.cli, mscdose.gui.app, mscdose.gui.main_window; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_window_geometry_is_remembered(qtbot: QtBot, settings: Settings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    default = (first.width(), first.height())
    first.resize(first.minimumSizeHint().width() + 10, first.minimumSizeHint().height() + 10)  # fits any screen
    wanted = (first.width(), first.height())
    assert wanted != default
    first.close()
    assert not Settings(settings.path).get(WINDOW_GEOMETRY).isEmpty()
    second = MainWindow(Settings(settings.path))
    qtbot.addWidget(second)
    # the offscreen test screen is 800 px wide, so Qt fits the restored width to it; the height fits
    assert second.height() == wanted[1]


def test_a_damaged_protocol_file_is_said_plainly_and_nothing_is_calculated(
        qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.core import approval, protocol
    from mscdose.core.errors import ProtocolError

    def broken() -> tuple[()]:
        raise ProtocolError("Protocol file nct03055078.toml: key 'dose.total_max': missing")

    monkeypatch.setattr(protocol, "shipped_protocols", broken)
    monkeypatch.setattr(approval, "shipped_protocols", broken)  # the approved set starts from the shipped files
    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    messages: list[str] = []
    monkeypatch.setattr(window.questions, "show_message", lambda title, text, *a: messages.append(text))
    window.load_protocols()
    assert messages and "dose.total_max" in messages[0]
    assert "No calculation is possible" in window.protocol_bar.summary.text()
    window.fill_demo()
    assert window.results.volume.text() == "—"
    assert not window.actions.finalize_button.isEnabled()


def test_settings_dialog_saves_initials_site_and_paper(qtbot: QtBot, settings: Settings) -> None:
    from mscdose.gui.settings_dialog import SettingsDialog
    from mscdose.settings import OPERATOR_INITIALS, SITE_NAME

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.initials, "mk")
    qtbot.keyClicks(dialog.site, "City Hospital Pharmacy")
    dialog.paper.setCurrentText("Letter")
    dialog.save()
    reread = Settings(settings.path)
    assert (reread.get(OPERATOR_INITIALS), reread.get(SITE_NAME), reread.get(PAPER_SIZE)) == (
        "MK", "City Hospital Pharmacy", "Letter")


def test_the_window_has_the_mscdose_icon(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    from mscdose.core.paths import resource

    window.set_icon()
    assert not window.windowIcon().isNull()
    assert not QApplication.windowIcon().isNull()
    shipped = Path(__file__).resolve().parents[2] / "packaging" / "icons" / "mscdose.png"
    assert resource("icons", "mscdose.png").read_bytes() == shipped.read_bytes()  # the copy is kept equal


@pytest.mark.parametrize(("probe", "expected"), [
    ("", ["complete", "_start_logging", "ensure_protocols_loaded", "finish", "set_icon"]),
    ("1", ["<lambda>", "complete", "_start_logging", "ensure_protocols_loaded", "finish", "set_icon"]),
    ("ready", ["<lambda>", "_start_logging", "finish", "set_icon"]),  # its protocol is read before it is shown
])
def test_after_the_first_paint_the_usable_form_then_the_menus_then_the_icon(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, settings: Settings, probe: str, expected: list[str]) -> None:
    """Issue 18: the window is usable (the form's lower groups and the results column made, the protocol read,
    the form live) before the menus' actions and what else needs PySide6's `Qt` namespace (`finish`, 20-30 ms)
    and before the icon is read and decoded (8-11 ms); the start-up probe runs before anything else that
    follows the first paint, and the form is made whole (`complete`) next."""
    from argparse import Namespace

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mscdose.gui import app
    from mscdose.gui import main_window as window_module

    done: list[str] = []
    monkeypatch.setenv(app.PROBE_ENV, probe)
    monkeypatch.setattr(window_module.MainWindow, "after_first_paint",
                        lambda self, callback: done.append(callback.__name__))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(QTimer, "singleShot", lambda *args: None)  # no fallback timer left behind
    assert app.run_gui(Namespace(demo=False, screenshot=None)) == 0
    assert done == expected


def test_the_first_paint_waits_for_nothing_secondary() -> None:
    """Start-up speed: the first frame is the form's Patient and Prescription groups (5 and 4 boxes), the
    protocol bar and the command row, with the results column saying "Waiting for the protocol to load."; the
    form's Product lot and Preparation groups (11 and 4 boxes: 24 in all, and the checklist's initials 25),
    the results column's panels (eligibility, results, flags), the log file's handlers, the display rules
    (decimal), datetime, dataclasses and QMessageBox's enums wait until just after the first paint; the groups,
    the panels and the protocol then make the form usable without PySide6's `Qt` namespace (93 enums, 20-30
    ms), which waits for `finish()`: the menus."""
    code = """
import sys
from PySide6 import QtCore
lazy = "Qt" not in vars(QtCore)  # PySide6 builds the namespace on first use
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
app = QApplication([])
from mscdose.gui.error_reporting import install_exception_hook
install_exception_hook()
from mscdose.gui.main_window import MainWindow
window = MainWindow(load_now=False)
from PySide6 import QtWidgets
def panels():
    return [name for name in ("eligibilityPanel", "resultsPanel", "flagsPanel", "detailsTabs")
            if window.findChild(QWidget, name) is not None]
def groups():
    return [box.objectName() for box in window.form.findChildren(QtWidgets.QGroupBox)]
before = {"fields": len(window.findChildren(QLineEdit)), "groups": groups(), "Qt": lazy and "Qt" in vars(QtCore),
          "QMessageBox": lazy and "QMessageBox" in vars(QtWidgets), "panels": panels(),
          "waiting": window.findChild(QLabel, "resultsWaiting").text(),
          "commands on": [b.objectName() for b in window.actions.buttons() if b.isEnabled() and not b.isHidden()],
          "modules": [m for m in ("logging.handlers", "decimal", "mscdose.core.display", "datetime", "dataclasses",
                                  "mscdose.gui.eligibility_panel", "mscdose.gui.results_panel",
                                  "mscdose.gui.flags_panel") if m in sys.modules]}
window.ensure_protocols_loaded()  # the results column, then the protocol: the form is usable
app.processEvents()
usable = {"fields": len(window.findChildren(QLineEdit)), "groups": groups(), "panels": panels(),
          "waiting": window.findChild(QLabel, "resultsWaiting").isVisibleTo(window),  # (deleted later)
          "protocol": window.protocol.id, "menus": len(window.actions.menu_actions), "Qt": "Qt" in vars(QtCore)}
window.finish()
finished = {"shortcut": window.actions.menu_actions["new"].shortcut().toString(), "Qt": "Qt" in vars(QtCore)}
print(before)
print(usable)
print(finished)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.splitlines() == [
        "{'fields': 9, 'groups': ['patientGroup', 'prescriptionGroup'], 'Qt': False, 'QMessageBox': False, "
        "'panels': [], 'waiting': 'Waiting for the protocol to load.', "
        "'commands on': ['historyButton', 'newPatientButton'], 'modules': []}",
        "{'fields': 25, 'groups': ['patientGroup', 'prescriptionGroup', 'lotGroup', 'preparationGroup'], "
        "'panels': ['eligibilityPanel', 'resultsPanel', 'flagsPanel', 'detailsTabs'], "
        "'waiting': False, 'protocol': 'NCT03055078', 'menus': 0, 'Qt': False}",
        "{'shortcut': 'Ctrl+N', 'Qt': True}"]


def test_the_eligibility_roles_are_qts_user_roles() -> None:
    from PySide6.QtCore import Qt

    from mscdose.gui import eligibility_panel, flags_panel

    assert Qt.ItemDataRole.UserRole == eligibility_panel._TEXT_ROLE == flags_panel.CODE_ROLE
    assert Qt.ItemDataRole.UserRole + 1 == eligibility_panel._KIND_ROLE
    assert Qt.ItemDataRole.CheckStateRole == eligibility_panel._CHECK_STATE_ROLE
    assert (Qt.CheckState.Unchecked.value, Qt.CheckState.Checked.value) == (eligibility_panel._UNCHECKED,
                                                                            eligibility_panel._CHECKED)


def test_first_paint_callbacks_run_once_in_the_order_given(qtbot: QtBot, settings: Settings) -> None:
    from PySide6.QtWidgets import QApplication

    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    ran: list[str] = []
    for name in ("probe", "logging", "protocol"):
        window.after_first_paint(lambda name=name: ran.append(name))  # type: ignore[misc]
    window.show()
    qtbot.waitUntil(lambda: len(ran) == 3)
    window.repaint()  # a later paint runs nothing again
    QApplication.processEvents()
    assert ran == ["probe", "logging", "protocol"]
