"""The trimmed ICU data library that build.spec puts in the Linux build (packaging/icu_trim.py).

Why these tests: the trimmed library replaces a file inside Qt. If the package format were written wrong,
or an item Qt needs were dropped, Qt would degrade silently (ICU errors are checked and swallowed), so the
behaviour the app relies on is checked here directly: time zones and English collation answer as with the
full data, and the dropped parts fall back the documented way instead of failing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"mscdose_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


icu_trim = _load("icu_trim")
linux_deps = _load("linux_deps")


def _qt_lib_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def _icu_data_library() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux builds of Qt ship ICU; build.spec trims it on Linux only")
    found = sorted(_qt_lib_dir().glob("libicudata.so.*"))
    if not found:
        pytest.fail(f"PySide6 on Linux without libicudata in {_qt_lib_dir()}: build.spec expects one")
    return found[0]


def test_keep_policy() -> None:
    keep = icu_trim.keep_item
    assert keep("coll/root.res") and keep("coll/ucadata.icu") and keep("coll/en_GB.res")
    assert keep("zoneinfo64.res") and keep("metaZones.res") and keep("zone/en.res") and keep("root.res")
    assert not keep("coll/zh.res")  # other locales fall back to root
    assert not keep("brkitr/cjdict.dict")  # Qt never calls ICU's break iterators
    assert not keep("gb18030.cnv")  # nor legacy converters
    assert not keep("unames.icu")  # nor character names
    assert not keep("curr/en.res")  # nor currency, unit, language or region names


def test_package_round_trip_keeps_every_kept_item_byte_for_byte() -> None:
    _, data = icu_trim.read_data_symbol(_icu_data_library())
    full = icu_trim.parse_package(data)
    assert full.symbol.startswith("icudt") and full.symbol.endswith("_dat")
    trimmed = icu_trim.trim(full)
    again = icu_trim.parse_package(icu_trim.write_package(trimmed))
    assert [item.name for item in again.items] == sorted(item.name for item in trimmed.items)
    by_name = {item.name: item.data for item in full.items}
    for item in again.items:  # padding to 16 bytes may follow an item; its own bytes are unchanged
        assert item.data[: len(by_name[item.name].rstrip(b"\0"))] == by_name[item.name].rstrip(b"\0")
    assert len(icu_trim.write_package(trimmed)) < len(data) / 5


def test_direct_needs_reads_the_elf_dynamic_section() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("ELF libraries are a Linux matter")
    needs = linux_deps.direct_needs(_qt_lib_dir() / "libQt6Core.so.6")
    assert any(name.startswith("libicuuc.so") for name in needs)
    assert "libc.so.6" in needs
    assert not any(name.startswith("libQt6Gui") for name in needs)  # direct only, not a closure


def test_only_needed_by_keeps_what_others_still_need(tmp_path: Path) -> None:
    libraries = {"a": tmp_path / "a", "b": tmp_path / "b", "c": tmp_path / "c", "d": tmp_path / "d"}
    graph = {"a": ["b", "c"], "b": ["d"], "c": [], "d": []}  # root a; b is left to the system
    original = linux_deps.direct_needs
    linux_deps.direct_needs = lambda path: graph[path.name]
    try:
        assert linux_deps.only_needed_by(libraries, ["a"], ("b",)) == {"b", "d"}
        graph["c"] = ["d"]  # now c needs d too: d stays
        assert linux_deps.only_needed_by(libraries, ["a"], ("b",)) == {"b"}
    finally:
        linux_deps.direct_needs = original


PROBE = r"""
import json, sys
from PySide6.QtCore import QCollator, QCoreApplication, QDateTime, QLocale, QStringDecoder, QTimeZone
app = QCoreApplication(sys.argv)
std, long = QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName
shanghai = QTimeZone(b"Asia/Shanghai")
collator = QCollator(QLocale("en_US"))
print(json.dumps({
    "offset": shanghai.offsetFromUtc(QDateTime(2026, 1, 15, 12, 0, 0, 0, shanghai)),
    "name_en": shanghai.displayName(std, long, QLocale("en_US")),
    "name_zh": shanghai.displayName(std, long, QLocale("zh_CN")),
    "sorted_en": sorted(["zoo", "apple", "Zebra", "Äpfel", "9", "10"], key=collator.sortKey),
    "upper_de": QLocale("de_DE").toUpper("straße"),
    "shift_jis": QStringDecoder("Shift_JIS").isValid(),
}))
"""


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler to assemble")
def test_qt_with_the_trimmed_library(tmp_path: Path) -> None:
    """Worked out from ICU's rules, not from a run: Shanghai is UTC+8 all year (28800 s); CLDR's English
    name is "China Standard Time"; with Chinese names dropped ICU falls back to English. Root collation
    puts digits first and compares them as text ("10" < "9"), ignores case and accents at the first level
    (Äpfel < apple because f < l; Zebra < zoo because e < o). "ß" upper-cases to "SS" from tables built
    into libicuuc. Shift_JIS needs a converter file, which is dropped."""
    library = _icu_data_library()
    compiler = icu_trim.find_compiler()
    built = icu_trim.build_trimmed_library(library, tmp_path, compiler)
    assert built.name == library.name
    assert built.stat().st_size < library.stat().st_size / 5
    env = dict(os.environ, LD_LIBRARY_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "offset": 28800,
        "name_en": "China Standard Time",
        "name_zh": "China Standard Time",
        "sorted_en": ["10", "9", "Äpfel", "apple", "Zebra", "zoo"],
        "upper_de": "STRASSE",
        "shift_jis": False,
    }
