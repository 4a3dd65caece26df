"""PyInstaller run-time hook: Qt's paths in the frozen program, without importing Qt at every start (issue 18).

Why our own: PyInstaller's `pyi_rth_pyside6` imports `PySide6.QtCore` at EVERY start of the executable (to
check for an embedded qt.conf), about 110 ms before mscdose's first line, which every command line use paid
(`mscdose calc` 268 ms frozen against 157 ms installed) though only the window and the PDF writers use Qt.
This hook does what that one does, in the same order, except that the qt.conf step runs just after
`PySide6.QtCore` is first imported, by whatever imports it, before any Qt object exists
(`mscdose.after_import`, imported from the program's own archive, which is in place when run-time hooks run):
- only PySide6 among Qt's bindings (PyInstaller's own guard);
- QT_PLUGIN_PATH and QML2_IMPORT_PATH set to the bundled Qt, PATH (Windows) and DYLD_LIBRARY_PATH (macOS,
  not an app bundle) as PyInstaller sets them;
- the embedded qt.conf that relocates Qt's prefix, made by PyInstaller's own helper if PySide6 has not
  made one (PySide6's wheels make it themselves as QtCore loads; checked on Linux: the same paths either way).
build.spec leaves `pyi_rth_pyside6` out; tests/test_packaging_runtime_hooks.py and the frozen build's tests
(the window, its Chinese translations, PDFs) prove this one.
"""

import os
import sys


def _qt_paths() -> None:
    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    if sys.platform.startswith("win"):
        qt_path = os.path.join(sys._MEIPASS, "PySide6")
    else:
        qt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    if is_macos_app_bundle:
        resources = os.path.normpath(os.path.join(sys._MEIPASS, "..", "Resources",
                                                  os.path.relpath(qt_path, sys._MEIPASS)))
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join([os.path.join(resources, "qml"),
                                                         os.path.join(qt_path, "qml")])
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")
    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")
    # (the finder the command line's log file waits with: it runs the step just after QtCore has loaded)
    from mscdose.after_import import call_after_import

    call_after_import("PySide6.QtCore", lambda: qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path))


if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
    _qt_paths()
