"""build.spec leaves out PyInstaller's multiprocessing and pkgutil run-time hooks, and replaces its PySide6
one (issue 18: they cost the frozen window its first paint, and every command line use its start). Leaving
the first two out is safe only while mscdose never asks pkgutil for modules and starts processes only where
packaging/rth_helper_process.py serves them (records/two_process.py's spawned helper): this test fails the
moment other code does, so that the hook is put back before a frozen build misbehaves (a frozen program
without it re-runs itself in every child process). Reads files, and runs our Qt hook's finder in a fresh
Python; it builds nothing (the built program, and its helper process, are driven by tests/packaging)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEFT_OUT = {"pyi_rth_multiprocessing": ("multiprocessing", "concurrent.futures"), "pyi_rth_pkgutil": ("pkgutil",)}


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


# PyInstaller's hooks replaced by ours, which do the same without their cost at every start
REPLACED = {"pyi_rth_pyside6": "packaging/rth_qt_paths.py"}
# pyi_rth_inspect serves the inspect functions that look for a function's or a frame's source file
LEFT_OUT_INSPECT = "pyi_rth_inspect"
SOURCE_FILE_LOOKUPS = ("getsourcefile", "getsource", "getsourcelines", "findsource", "getabsfile", "getmodule",
                       "getcomments", "stack", "trace", "getouterframes", "getinnerframes", "getframeinfo")
# mscdose's dependencies in the frozen program (PySide6's Python side is compiled into shiboken: its one source
# look-up, the `__feature__` scan, passes modules, whose file names are absolute)
DEPENDENCIES = ("pint", "flexparser", "flexcache", "platformdirs", "segno", "psycopg", "typing_extensions")


def test_the_spec_leaves_out_only_the_hooks_named_here() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    block = spec[spec.index("RUNTIME_HOOKS_LEFT_OUT = ("):]
    block = block[: block.index("\n)\n")]
    assert set(re.findall(r'^\s*"(pyi_rth_\w+)"', block, flags=re.MULTILINE)) == (set(LEFT_OUT) | set(REPLACED)
                                                                                | {LEFT_OUT_INSPECT})
    for ours in REPLACED.values():
        assert f'str(ROOT / "packaging" / "{Path(ours).name}")' in spec


def test_our_qt_hook_sets_the_paths_of_pyinstallers_and_imports_no_qt() -> None:
    """pyi_rth_pyside6 imported PySide6.QtCore at every start of the frozen program (about 110 ms of every
    command). Ours sets the same environment and leaves its qt.conf step until QtCore is imported."""
    ours = (ROOT / "packaging" / "rth_qt_paths.py").read_text(encoding="utf-8")
    for needed in ('os.environ["QT_PLUGIN_PATH"]', 'os.environ["QML2_IMPORT_PATH"]', '"PATH")', '"DYLD_LIBRARY_PATH")',
                   'ensure_single_qt_bindings_package("PySide6")', 'create_embedded_qt_conf("PySide6", qt_path)'):
        assert needed in ours
    assert not {m for m in _imported_modules(ROOT / "packaging" / "rth_qt_paths.py") if m.startswith("PySide6")}


def test_our_qt_hook_runs_its_step_just_after_qtcore_is_imported() -> None:
    """Our hook hands its qt.conf step to mscdose.after_import for PySide6.QtCore. Here that finder in a fresh
    Python with QtCore itself (an extension module, whose loader makes the module): nothing happens until
    QtCore is imported (a look-up alone runs nothing); then the step runs once, with QtCore loaded and before
    anything else uses it, and the finder is gone."""
    ours = (ROOT / "packaging" / "rth_qt_paths.py").read_text(encoding="utf-8")
    assert ('call_after_import("PySide6.QtCore", lambda: qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path))'
            in ours)
    code = """
import importlib.util, sys
from mscdose.after_import import _AfterImport, call_after_import
seen = []
call_after_import("PySide6.QtCore", lambda: seen.append(sys.modules["PySide6.QtCore"].QFile.exists(
    ":/qt/etc/qt.conf")))
importlib.util.find_spec("PySide6.QtCore")
import json
before = (list(seen), "PySide6.QtCore" in sys.modules)
from PySide6.QtCore import QCoreApplication
print(before, seen, any(isinstance(f, _AfterImport) for f in sys.meta_path))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
                          cwd=ROOT)
    assert done.stdout.strip() == "([], False) [True] False"  # PySide6 had made its qt.conf as QtCore loaded


# the one module that starts processes, and the run-time hook that serves it in the frozen build
SERVED_BY_OUR_HOOK = {"mscdose/records/two_process.py": ("multiprocessing", "pyi_rth_multiprocessing")}


def test_our_hook_replaces_the_multiprocessing_one() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'runtime_hooks=[str(ROOT / "packaging" / "rth_helper_process.py"),' in spec
    hook = (ROOT / "packaging" / "rth_helper_process.py").read_text(encoding="utf-8")
    assert "--multiprocessing-fork" in hook and "from multiprocessing.resource_tracker import main" in hook
    two_process = (ROOT / "mscdose" / "records" / "two_process.py").read_text(encoding="utf-8")
    assert 'get_context("spawn")' in two_process and "fork" not in two_process.replace("never fork", "")


def test_mscdose_uses_nothing_those_hooks_serve() -> None:
    users = {}
    for path in sorted((ROOT / "mscdose").rglob("*.py")):
        for module in _imported_modules(path):
            for hook, served in LEFT_OUT.items():
                if any(module == name or module.startswith(name + ".") for name in served):
                    users[str(path.relative_to(ROOT))] = (module, hook)
    assert users == SERVED_BY_OUR_HOOK, f"these modules need a run-time hook that build.spec leaves out: {users}"


def _source_file_lookups(path: Path) -> set[str]:
    """`inspect.X(...)` and `from inspect import X` for the X of SOURCE_FILE_LOOKUPS, in one file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and node.attr in SOURCE_FILE_LOOKUPS and isinstance(node.value, ast.Name)
                and node.value.id == "inspect"):
            found.add(node.attr)
        elif isinstance(node, ast.ImportFrom) and node.module == "inspect":
            found.update(alias.name for alias in node.names if alias.name in SOURCE_FILE_LOOKUPS)
    return found


def test_nothing_in_the_frozen_program_asks_inspect_for_source_files() -> None:
    """build.spec leaves out pyi_rth_inspect (about 20 ms of every frozen start): it serves only inspect's
    look-ups of source files, which in a frozen program meet relative file names. This fails the moment
    mscdose or a dependency it ships uses one, so that the hook is put back first."""
    import importlib.util

    files = sorted((ROOT / "mscdose").rglob("*.py"))
    for name in DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name
        origin = Path(spec.origin)
        files += sorted(origin.parent.rglob("*.py")) if origin.name == "__init__.py" else [origin]
    users = {str(path): found for path in files
             if "/tests/" not in path.as_posix() and "testsuite" not in path.as_posix()
             and (found := _source_file_lookups(path))}
    assert users == {}, f"these ask inspect for source files; put pyi_rth_inspect back in build.spec: {users}"
