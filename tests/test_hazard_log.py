"""docs/hazards.md names, for every hazard, the tests that prove its mitigation: each must exist.

A renamed or deleted test would otherwise leave the hazard log pointing at nothing. The log is read as people
read it (the tables), and a row without any test is a failure too.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOG = ROOT / "docs" / "hazards.md"
TEST_ID = re.compile(r"(tests/[\w/]+\.py)::([\w]+)")


@cache
def _functions(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return frozenset(node.name for node in ast.walk(tree)
                     if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"))


def hazard_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    rows = []
    for line in LOG.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 4 and re.fullmatch(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+", cells[0]):
            rows.append((cells[0], TEST_ID.findall(cells[-1])))
    return rows


def missing_tests(rows: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    missing = []
    for hazard, tests in rows:
        if not tests:
            missing.append(f"{hazard}: no test named")
        for file, name in tests:
            path = ROOT / file
            if not path.is_file() or name not in _functions(path):
                missing.append(f"{hazard}: {file}::{name}")
    return missing


def test_every_test_named_in_the_hazard_log_exists() -> None:
    rows = hazard_rows()
    assert len(rows) >= 40, "the hazard tables were not read"
    assert missing_tests(rows) == []


def test_every_row_of_the_hazard_tables_is_read() -> None:
    """Every row that has an id is checked, whatever the id's shape (`H18-P1` and `I18N-HIST-1` were once
    skipped by a narrower pattern: 27 rows whose tests nobody checked)."""
    lines = [line for line in LOG.read_text(encoding="utf-8").splitlines()
             if line.startswith("| ") and not line.startswith("| id ")]
    assert {"H18-P1", "H18-R5", "I18N-HIST-1"} <= {hazard for hazard, _ in hazard_rows()}
    assert len(hazard_rows()) == len(lines)


def test_ids_are_unique() -> None:
    ids = [hazard for hazard, _ in hazard_rows()]
    assert len(ids) == len(set(ids))


def test_the_check_catches_a_test_that_does_not_exist() -> None:
    assert missing_tests([("X-1", [("tests/test_hazard_log.py", "test_that_was_never_written")]), ("X-2", [])]) == [
        "X-1: tests/test_hazard_log.py::test_that_was_never_written", "X-2: no test named"]
