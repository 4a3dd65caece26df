"""`mscdose selftest`: the shipped reference cases run through the installed (or frozen) engine.

The cases live in resources/reference_cases.toml with values worked out by hand, so the packaged build
can prove on the clinic workstation itself that its arithmetic is the arithmetic that was checked.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from mscdose.core.engine import compute
from mscdose.core.paths import resource
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request
from mscdose.core.serialize import result_dict


def load_cases() -> list[dict[str, Any]]:
    return tomllib.loads(resource("reference_cases.toml").read_text(encoding="utf-8"))["case"]


def _matches(actual: Any, expected: str) -> bool:
    if not isinstance(actual, int | float | Decimal):
        return str(actual) == expected
    wanted = Decimal(expected)
    return Decimal(str(actual)).quantize(wanted) == wanted if wanted.as_tuple().exponent < 0 else (
        Decimal(str(actual)) == wanted)


def check_case(case: dict[str, Any]) -> list[str]:
    """Mismatches for one case (empty when it passes)."""
    request, errors = read_request(case["inputs"])
    if errors:
        return [f"input refused: {error}" for error in errors.values()]
    assert request is not None
    result = compute(request, load_protocol(case.get("protocol")))
    data = result_dict(result)
    problems = [f"{key}: expected {want}, got {data[key]}"
                for key, want in case["expected"].items() if not _matches(data[key], want)]
    raised = sorted(f.code for f in result.flags if f.severity != "info")
    if raised != sorted(case.get("flags", [])):
        problems.append(f"flags: expected {sorted(case.get('flags', []))}, got {raised}")
    return problems


def run_selftest(out: Callable[[str], None]) -> int:
    cases = load_cases()
    failures = 0
    for case in cases:
        problems = check_case(case)
        failures += bool(problems)
        out(f"{'FAIL' if problems else 'ok  '}  {case['name']}")
        for problem in problems:
            out(f"        {problem}")
    out(f"{len(cases) - failures} of {len(cases)} reference cases passed")
    return 1 if failures else 0
