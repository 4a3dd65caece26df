"""Entry point of the window: `mscdose`, `mscdose gui [--demo] [--screenshot FILE.png]`.

Start-up is kept short on purpose (the packaged app should show its window in under half a second): only
Qt and the window's own widgets are imported before the window is shown, and its first frame is the menu
bar, the protocol bar, the form's Patient and Prescription groups and the command row, with "Waiting for the
protocol to load." where the results will be. Just after that first paint come, in this order: the form's
Product lot and Preparation groups and the results column (eligibility, results, flags: `MainWindow.complete`,
which also runs before any key or click that comes sooner), the log file (`logging.handlers`), the protocol
files and the engine (the form is usable from here), then the menus' actions and what else needs PySide6's
`Qt` namespace (`MainWindow.finish`), then the icon; records, worksheet and history on first use.
benchmarks/README.md has the figures.

`MSCDOSE_STARTUP_PROBE=1` prints `mscdose-window-shown` once the window has been painted and quits (the
packaging benchmark relies on it); `MSCDOSE_STARTUP_PROBE=ready` waits until the protocol is loaded and
the form is live, then prints `mscdose-window-ready` and quits. `MSCDOSE_STARTUP_PROBE=modules` is `1` that
also names, one `archive-module NAME` line each, the modules a frozen program inflated from its compressed
archive before its first paint (packaging/first_paint_modules.txt keeps that list empty; tests/packaging).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PROBE_ENV = "MSCDOSE_STARTUP_PROBE"
SCREENSHOT_SIZE = (1366, 768)


def _application() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("mscdose")
        app.setOrganizationName("mscdose")
        app.setApplicationDisplayName("mscdose")
    _install_translators(app)
    return app


_TRANSLATORS: list[object] = []  # kept alive for the application's lifetime (issue 16)


def _install_translators(app: object) -> None:
    """The window's language (issue 16): `--language` / MSCDOSE_LANGUAGE (entry.py has set it), else the
    Preferences setting, else the system locale when mscdose has that translation. Installed once, right
    after the QApplication exists and before any widget is made, so every text is made in that language."""
    from mscdose import i18n
    from mscdose.gui.texts import install_translators

    language = i18n.current_language()
    if language == i18n.CHINESE:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _TRANSLATORS.extend(install_translators(app, language))


def _probe(message: str, modules: bool = False) -> None:
    from PySide6.QtWidgets import QApplication

    lines = [message]
    if modules:
        lines += [f"archive-module {name}" for name in archive_modules()]
    print("\n".join(lines), flush=True)
    QApplication.quit()


def archive_modules() -> list[str]:
    """The modules imported so far that a frozen program inflated from its compressed archive (PyInstaller's
    PYZ, whose loader is `PyiFrozenLoader`), by name; none when not frozen. Those imported before the first
    paint are stored uncompressed instead (build.spec: issue 18, 9-16 ms of the frozen first paint)."""
    return sorted(
        name for name, module in list(sys.modules.items())
        if type(getattr(module, "__loader__", None)).__name__ == "PyiFrozenLoader"
    )  # fmt: skip


def save_screenshot(window: object, path: str | Path) -> bool:
    """Render the window (offscreen works) at the README size and save it as PNG."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    assert isinstance(window, QMainWindow)
    window.show()  # first: on showing, the window fits itself to the screen, which may be smaller
    window.resize(*SCREENSHOT_SIZE)
    # Layouts settle over a few passes (wrapped labels ask for their height once they know their width).
    for _ in range(5):
        QApplication.processEvents()
    target = Path(path)
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    return bool(window.grab().save(str(target), "PNG"))


def _start_logging() -> None:
    import logging

    from mscdose.gui.error_reporting import setup_logging

    setup_logging()
    logging.getLogger(__name__).info("Window shown")


def skip_pyside_source_scan() -> bool:
    """Spare mscdose's own modules and the standard library PySide6's source scan (issue 18: tens of ms).

    Once PySide6 is imported it calls `shibokensupport.feature._mod_uses_pyside` on every module imported
    after it, to know whether that module may opt in to `from __feature__ import snake_case, true_property`:
    it reads the module's whole source (`inspect.getsource`; `typing` alone takes several ms) and looks for
    "PySide6" in it, for about 150 modules before the form is usable. The answers are known without reading:
    a standard-library module never uses PySide6 (PySide's own answer, -1: ignored); mscdose opts in to no
    feature, so its modules get PySide's default feature set (0), the answer its scan gives any module that
    imports PySide6 (for a module that does not, 0 and -1 behave alike when no module selects a feature).
    Every other module is still scanned by PySide. A PySide6 without this function is left alone. Returns
    whether the shortcut is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or not callable(scan):
        return False
    if getattr(scan, "mscdose_shortcut", False):
        return True

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "")
        if isinstance(name, str):
            top = name.partition(".")[0]
            if top == "mscdose":
                return True
            if top in sys.stdlib_module_names:
                return False
        return bool(scan(module))

    uses_pyside.mscdose_shortcut = True  # type: ignore[attr-defined]
    uses_pyside.pyside_scan = scan  # type: ignore[attr-defined]  # (PySide's own, for tests/gui/test_pyside_scan.py)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer

    skip_pyside_source_scan()  # before the window's modules are imported
    from mscdose.gui.error_reporting import install_exception_hook

    probe = os.environ.get(PROBE_ENV, "").strip().lower()
    app = _application()
    install_exception_hook()  # sets up the log file itself should anything fail before the first paint
    demo = bool(getattr(args, "demo", False))
    screenshot = getattr(args, "screenshot", None)

    from mscdose.gui.main_window import MainWindow

    immediate = demo or bool(screenshot) or probe == "ready"
    window = MainWindow(load_now=False)
    if immediate:  # the protocol read before the window is shown; the menus still follow its first paint
        window.ensure_protocols_loaded()
    if demo:
        window.fill_demo()
    if screenshot:
        window.finish()
        ok = save_screenshot(window, screenshot)
        if not ok:
            print(f"mscdose: could not save the screenshot to {screenshot}", file=sys.stderr)
            return 1
        print(f"Screenshot saved to {screenshot}")
        window.hide()  # a demo has nothing to lose: closing a hidden window asks nothing
        window.close()
        return 0
    # Just after the first paint, in this order: the probe (it times the window as a user first sees it), the
    # form's lower groups and the results column, the log file (logging.handlers is not imported before), then
    # the protocol, the engine and the rest.
    if probe in ("1", "true", "yes", "modules"):
        window.after_first_paint(lambda: _probe("mscdose-window-shown", modules=probe == "modules"))
    elif probe == "ready":
        window.after_first_paint(lambda: _probe("mscdose-window-ready"))
    if not immediate:
        window.after_first_paint(window.complete)  # the form's lower half, then the results column
    window.after_first_paint(_start_logging)
    if not immediate:
        window.load_protocols_after_first_paint()
    window.after_first_paint(window.finish)  # the menus and what else needs PySide6's `Qt` namespace
    window.after_first_paint(window.set_icon)  # last: nobody waits for an icon
    window.show()
    if not immediate:
        # Also on a timer in case the platform never sends a paint event (e.g. a minimised start).
        def without_paint() -> None:
            from mscdose.gui.error_reporting import setup_logging

            setup_logging()  # does nothing if the first paint has set it up
            window.ensure_protocols_loaded()
            window.finish()

        QTimer.singleShot(200, without_paint)
    status = int(app.exec())  # type: ignore[attr-defined]
    # Destroy the window while the application still exists: left to interpreter shutdown, the order of
    # destruction is arbitrary and Qt may crash on the way out.
    import shiboken6

    shiboken6.delete(window)
    return status
