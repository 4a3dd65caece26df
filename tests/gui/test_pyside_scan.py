"""Issue 18: gui.app.skip_pyside_source_scan answers PySide6's per-module source scan without reading the
source, for mscdose's modules and the standard library only, and gives the answers PySide's own scan gives."""

from __future__ import annotations

import types
from collections.abc import Callable

import pytest

from mscdose.gui import app

feature = pytest.importorskip("shibokensupport.feature")


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> tuple[Callable[[object], bool], list[str]]:
    """PySide's own scan, and the names of the modules it was asked about once the shortcut is in place."""
    current = feature._mod_uses_pyside
    original = getattr(current, "pyside_scan", current)  # (after a start earlier in this process: the one it wraps)
    assert not getattr(original, "mscdose_shortcut", False)
    asked: list[str] = []

    def spy(module: object) -> bool:
        asked.append(getattr(module, "__name__", "?"))
        return bool(original(module))

    monkeypatch.setattr(feature, "_mod_uses_pyside", spy)  # PySide's function is restored after the test
    assert app.skip_pyside_source_scan() is True
    return original, asked


def test_standard_library_gets_pyside_own_answer_without_a_scan(scans) -> None:  # type: ignore[no-untyped-def]
    import decimal
    import json
    import typing

    own, asked = scans
    for module in (json, decimal, typing):
        assert own(module) is False  # PySide's own scan: "PySide6" is not in its source
        assert feature._mod_uses_pyside(module) is False
    assert asked == []


def test_mscdose_modules_get_the_default_feature_set_without_a_scan(scans) -> None:  # type: ignore[no-untyped-def]
    import mscdose.gui.main_window

    own, asked = scans
    assert own(mscdose.gui.main_window) is True  # it imports PySide6: PySide's answer is 0 too
    assert feature._mod_uses_pyside(mscdose.gui.main_window) is True
    assert asked == []


def test_other_modules_are_still_scanned_by_pyside(scans) -> None:  # type: ignore[no-untyped-def]
    own, asked = scans
    plugin = types.ModuleType("some_plugin")  # not mscdose, not the standard library
    assert feature._mod_uses_pyside(plugin) == own(plugin)
    assert asked == ["some_plugin"]


def test_installing_twice_keeps_one_shortcut(scans) -> None:  # type: ignore[no-untyped-def]
    installed = feature._mod_uses_pyside
    assert app.skip_pyside_source_scan() is True
    assert feature._mod_uses_pyside is installed
