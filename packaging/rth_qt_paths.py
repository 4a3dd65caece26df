"""PyInstaller run-time hook: Qt's paths in the frozen program, without importing Qt at every start (issue 18).

Why our own: PyInstaller's `pyi_rth_pyside6` imports `PySide6.QtCore` at EVERY start of the executable (to
check for an embedded qt.conf), about 110 ms before mscdose's first line, which every command line use paid
(`mscdose calc` 268 ms frozen against 157 ms installed) though only the window and the PDF writers use Qt.
This hook does what that one does, in the same order, except that the qt.conf step runs just after
`PySide6.QtCore` is first imported, by whatever imports it, before any Qt object exists:
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
    sys.meta_path.insert(0, AfterQtCore(lambda: qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path)))


class AfterQtCore:
    """A finder that answers nothing itself: when `PySide6.QtCore` is first imported, it asks the other
    finders for it and hands back their answer with a loader that runs `then` just after the module has
    loaded; then it takes itself off the path. A look-up alone (`importlib.util.find_spec`) runs nothing
    and leaves it waiting for the import."""

    NAME = "PySide6.QtCore"

    def __init__(self, then):
        self.then, self.done = then, False

    def find_spec(self, name, path=None, target=None):
        if name != self.NAME or self.done:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None and spec.loader is not None:
                spec.loader = LoadThen(spec.loader, self._loaded)
                return spec
        return None

    def _loaded(self):
        if self.done:
            return
        self.done = True
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        self.then()


class LoadThen:
    """The finder's loader, unchanged, with `then` run after its module has been executed (a loader may be
    shared by many modules: it is wrapped, never changed)."""

    def __init__(self, loader, then):
        self.loader, self.then = loader, then

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        self.then()

    def __getattr__(self, name):
        return getattr(self.loader, name)


if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
    _qt_paths()
