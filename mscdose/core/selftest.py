"""`mscdose selftest`: the shipped reference cases run through the installed (or frozen) engine.

The cases live in resources/reference_cases.csv, one row a calculation with its values worked out by hand
(the working is in the `note` column, never copied from the program's output), so the packaged build can
prove on the clinic workstation itself that its arithmetic is the arithmetic that was checked. The file is
in the format of `mscdose validate` (core/validation.py): one source of truth, which a site can copy and
extend for its own validation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from mscdose.core.paths import resource
from mscdose.core.validation import ValidationReport, report_lines, validate_text

REFERENCE_CASES = "reference_cases.csv"


def reference_report() -> ValidationReport:
    """Every shipped reference case, checked."""
    data = resource(REFERENCE_CASES).read_bytes()
    return validate_text(data.decode("utf-8-sig"), REFERENCE_CASES, hashlib.sha256(data).hexdigest())


def run_selftest(out: Callable[[str], None]) -> int:
    """Print one line a case (differences under it) and the count; 0 when every case passed."""
    report = reference_report()
    for line in report_lines(report, "reference cases"):
        out(line)
    return 0 if report.ok else 1
