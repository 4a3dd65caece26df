"""packaging/first_paint_modules.py: the modules build.spec stores uncompressed (issue 18), and the probe line
that names the ones a frozen window still inflates. Reads files and this Python's path; builds nothing (the
built program is driven by tests/packaging/test_frozen_build.py)."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from mscdose.gui import app

ROOT = Path(__file__).resolve().parents[1]


def _first_paint_modules() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("mscdose_first_paint_modules", ROOT / "packaging" /
                                                  "first_paint_modules.py")  # fmt: skip
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fpm = _first_paint_modules()


def test_the_list_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text("# a comment\n\nmscdose.gui.app\n  typing  # stdlib\n", encoding="utf-8")
    assert fpm.listed_modules(listed) == ["mscdose.gui.app", "typing"]


def test_the_shipped_list_names_the_window_and_not_the_engine() -> None:
    names = fpm.listed_modules()
    assert "mscdose.gui.main_window" in names and "mscdose.entry" in names
    assert not [name for name in names if name.startswith(("mscdose.core", "mscdose.records", "pint"))]
    assert len(names) == len(set(names))


def test_a_listed_package_gives_its_unlisted_submodules_back_to_the_archive() -> None:
    modes = fpm.collection_modes(["mscdose.gui", "mscdose.gui.app", "typing"])
    assert modes["mscdose.gui"] == "pyc" and modes["mscdose.gui.app"] == "pyc" and modes["typing"] == "pyc"
    assert modes["mscdose.gui.history_view"] == "pyz"  # a sibling not listed: compressed, as before
    assert modes["mscdose.gui.main_window"] == "pyz"
    assert "mscdose.core" not in modes  # outside every listed package: PyInstaller's default (the archive)


def test_a_name_this_python_cannot_find_only_marks_itself() -> None:
    assert fpm.collection_modes(["no_such_module_here", "msvcrt_only.thing"]) == {
        "no_such_module_here": "pyc", "msvcrt_only.thing": "pyc"}  # fmt: skip


def test_the_probe_names_the_modules_loaded_from_the_compressed_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    PyiFrozenLoader = type("PyiFrozenLoader", (), {})  # PyInstaller's class name is what counts
    inflated = types.ModuleType("zz_inflated")
    inflated.__loader__ = PyiFrozenLoader()
    plain = types.ModuleType("zz_plain_file")
    plain.__loader__ = object()
    monkeypatch.setitem(sys.modules, "zz_inflated", inflated)
    monkeypatch.setitem(sys.modules, "zz_plain_file", plain)
    assert app.archive_modules() == ["zz_inflated"]  # (this Python is not frozen: nothing else is)
