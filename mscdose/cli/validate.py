"""`mscdose validate CASES.csv [--json]`: a site's validation cases run through the engine in one process.

The file format is core/validation.py's (the calc options as columns, `expected_*` columns for the outputs).
Exit status: 0 every row matched, 1 a row differs (each difference named), 2 the file itself cannot be
used (unreadable, an unknown column, no rows): then nothing was checked.
"""

from __future__ import annotations

import argparse
import json

from mscdose.cli.options import Parser, Problem, add_json, new_parser
from mscdose.cli.status_codes import ExitCode


def build_parser(name: str) -> Parser:
    parser = new_parser(name, "run a CSV of validation cases through the engine and report every difference",
                        "Each row: the calculation inputs (columns named like the calc options: weight, dose, "
                        "concentration, viability, bag_volume, ...) and the outputs expected (expected_status, "
                        "expected_volume_to_draw_ml, expected_flags, ...). The shipped reference cases "
                        "(`mscdose selftest`) are such a file.")
    parser.add_argument("cases", metavar="CASES.csv", help="the validation cases (CSV, UTF-8)")
    add_json(parser)
    parser.set_defaults(handler=_validate)
    return parser


def _validate(args: argparse.Namespace) -> int:
    from mscdose.core.validation import CaseFileError, report_lines, validate_file

    try:
        report = validate_file(args.cases)
    except CaseFileError as error:
        raise Problem.bad_input("cases", args.cases, f"Cannot validate with {args.cases}: {error}. "
                                "Nothing was checked.") from None
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(report):
            print(line)
        print(f"file {args.cases}, SHA-256 {report.sha256}")
    return ExitCode.OK if report.ok else ExitCode.FAILED
