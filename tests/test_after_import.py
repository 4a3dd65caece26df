"""`mscdose.after_import.call_after_import`: a set-up step run when a module is first imported (issue 18: the
command line's log file waits for `logging`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mscdose.after_import import _AfterImport, call_after_import


@pytest.fixture
def fresh_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A module no one has imported, on the path for this test only."""
    name = f"mscdose_after_import_probe_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text("LOADED = True\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)
    sys.meta_path[:] = [f for f in sys.meta_path if not (isinstance(f, _AfterImport) and f.name.startswith(name))]


def test_a_loaded_module_runs_the_step_at_once() -> None:
    ran: list[str] = []
    call_after_import("json", lambda: ran.append("now"))
    assert ran == ["now"]
    assert not any(isinstance(f, _AfterImport) for f in sys.meta_path)


def test_the_step_runs_once_just_after_the_first_import_and_the_finder_leaves(fresh_module: str) -> None:
    seen: list[bool] = []

    def step() -> None:  # the module is whole by then: its own code has run
        seen.append(sys.modules[fresh_module].LOADED)

    call_after_import(fresh_module, step)
    call_after_import(fresh_module, step)  # asked twice before the import: still one finder, one run
    assert seen == [] and fresh_module not in sys.modules
    assert sum(isinstance(f, _AfterImport) for f in sys.meta_path) == 1
    module = __import__(fresh_module)
    assert seen == [True] and module.LOADED
    assert not any(isinstance(f, _AfterImport) for f in sys.meta_path)
    __import__(fresh_module)
    assert seen == [True]


def test_a_module_no_finder_knows_is_still_an_import_error(fresh_module: str) -> None:
    call_after_import(fresh_module + "_missing", lambda: None)
    with pytest.raises(ModuleNotFoundError):
        __import__(fresh_module + "_missing")


def test_a_look_up_without_an_import_runs_nothing_and_the_import_still_does(fresh_module: str) -> None:
    """`importlib.util.find_spec` only looks: the step must wait for the module's execution, or a later
    import (of `logging`, say) would come without the log file's handler."""
    import importlib.util

    seen: list[str] = []
    call_after_import(fresh_module, lambda: seen.append("ran"))
    assert importlib.util.find_spec(fresh_module) is not None
    assert seen == [] and any(isinstance(f, _AfterImport) for f in sys.meta_path)
    __import__(fresh_module)
    assert seen == ["ran"]
    assert not any(isinstance(f, _AfterImport) for f in sys.meta_path)
