"""build.spec leaves out PyInstaller's multiprocessing and pkgutil run-time hooks (issue 18: they cost the frozen
window its first paint). That is safe only while mscdose never asks pkgutil for modules and starts processes
only where packaging/rth_helper_process.py serves them (records/two_process.py's spawned helper): this test
fails the moment other code does, so that the hook is put back before a frozen build misbehaves (a frozen
program without it re-runs itself in every child process). Reads files only; it builds nothing (the built
program, and its helper process, are driven by tests/packaging)."""

from __future__ import annotations

import ast
import re
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


def test_the_spec_leaves_out_only_the_hooks_named_here() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    block = spec[spec.index("RUNTIME_HOOKS_LEFT_OUT = ("):]
    block = block[: block.index("\n)\n")]
    assert set(re.findall(r'^\s*"(pyi_rth_\w+)"', block, flags=re.MULTILINE)) == set(LEFT_OUT)


# the one module that starts processes, and the run-time hook that serves it in the frozen build
SERVED_BY_OUR_HOOK = {"mscdose/records/two_process.py": ("multiprocessing", "pyi_rth_multiprocessing")}


def test_our_hook_replaces_the_multiprocessing_one() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'runtime_hooks=[str(ROOT / "packaging" / "rth_helper_process.py")]' in spec
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
