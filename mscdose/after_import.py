"""Run a set-up step when a module is first imported, and never pay for the module before then.

Why: the command line sends every record logged under `mscdose` to the log file, and `logging` with its
threading, traceback and string modules is about 4 ms of every command (issue 18). A calculation logs
nothing and never imports `logging`, so the file's handler is attached the moment `logging` is imported,
if it ever is: no record can be made before that moment, so none is missed. The frozen program's Qt hook
(packaging/rth_qt_paths.py) waits the same way for `PySide6.QtCore` to make Qt's qt.conf.

`call_after_import(name, then)` runs `then()` at once if the module is loaded already; otherwise a finder
that answers nothing itself waits at the front of `sys.meta_path`. When the module is first imported it
asks the other finders for it (so it works the same installed and frozen) and hands back their answer with
the loader wrapped, never changed: `then()` runs just after the module has been executed, before the
import that asked for it returns, and the finder takes itself off the path. A look-up that imports nothing
(`importlib.util.find_spec`) runs nothing and leaves the finder waiting.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


def call_after_import(name: str, then: Callable[[], None]) -> None:
    if name in sys.modules:
        then()
        return
    waiting = [f for f in sys.meta_path if isinstance(f, _AfterImport) and f.name == name and f.then == then]
    if not waiting:  # (a command run twice in one process waits once)
        sys.meta_path.insert(0, _AfterImport(name, then))  # type: ignore[arg-type]


class _AfterImport:
    """Waits at the front of `sys.meta_path`. A look-up alone (`importlib.util.find_spec`) runs nothing and
    leaves it waiting: only the module's execution runs `then`, once, and takes the finder off the path."""

    def __init__(self, name: str, then: Callable[[], None]) -> None:
        self.name, self.then, self.done = name, then, False

    def find_spec(self, name: str, path: Any = None, target: ModuleType | None = None) -> Any:
        if name != self.name or self.done:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None and spec.loader is not None:
                spec.loader = _LoadThen(spec.loader, self._executed)
                return spec
        return None

    def _executed(self) -> None:
        if self.done:
            return
        self.done = True
        if self in sys.meta_path:
            sys.meta_path.remove(self)  # type: ignore[arg-type]
        self.then()


class _LoadThen:
    """A loader, unchanged, with `then` run after its module has been executed (a loader may be shared by
    many modules: it is wrapped, never changed)."""

    def __init__(self, loader: Any, then: Callable[[], None]) -> None:
        self.loader, self.then = loader, then

    def create_module(self, spec: Any) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        self.then()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loader, name)
