"""`mscdose calc` (one calculation, readable or JSON) and `mscdose selftest` (the shipped reference cases)."""

from __future__ import annotations

import argparse
import json

from mscdose.cli.options import Parser, add_calc_options, calc_texts, new_parser
from mscdose.cli.status_codes import ExitCode, for_status


def build_parser(name: str) -> Parser:
    if name == "selftest":
        parser = new_parser(name, "run the shipped reference cases through the engine")
        parser.set_defaults(handler=_selftest)
        return parser
    parser = new_parser(name, "compute a dose and print it")
    add_calc_options(parser)
    parser.set_defaults(handler=_calc)
    return parser


def _calc(args: argparse.Namespace) -> int:
    from mscdose.service.calculation import calculate

    result = calculate(calc_texts(args), args.protocol)
    if args.json:
        from mscdose.core.serialize import result_dict

        print(json.dumps(result_dict(result), ensure_ascii=False, indent=2))
    else:
        from mscdose.core.summary import summary_text

        print(summary_text(result))
    return for_status(result.status)


def _selftest(args: argparse.Namespace) -> int:
    from mscdose.core.selftest import run_selftest

    return ExitCode.OK if run_selftest(print) == 0 else ExitCode.FAILED
