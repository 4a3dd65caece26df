"""mscdose.core must never import Qt: checked both in the source and at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mscdose.core

CORE = Path(mscdose.core.__file__).parent


def test_no_core_module_names_qt_in_an_import() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6",
                                                                                    "shiboken6", "mscdose"}
                          and (n.split(".")[0] != "mscdose" or n.split(".")[1:2] in (["gui"], ["worksheet"]))]
    assert offenders == []


def test_importing_and_running_core_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, mscdose.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('mscdose.core.' + m.name)\n"
        "from mscdose.core.selftest import run_selftest; run_selftest(lambda s: None)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
