"""The command line: the same engine as the window, for scripts, the selftest and the packaged build.

Exit status: 0 ok or warning; 3 blocked; 2 bad input; 1 a failed selftest or audit. Never a traceback:
bad input is reported with the field, what was given and what is accepted.

Subcommands of other rooms (worksheet, records) register themselves through `register(subparsers)` in
their own `commands` module, which must stay cheap to import (heavy imports go inside the handlers).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any

from mscdose import __version__

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_BLOCKED = 0, 1, 2, 3

COMMAND_MODULES = ("mscdose.worksheet.commands", "mscdose.records.commands")

# option -> field name used in requests and errors
CALC_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--weight", "weight", "patient weight with unit, e.g. '62 kg' or '136 lb'"),
    ("--dose", "dose", "prescribed dose: '150 million cells' or per kg '2 million cells/kg'"),
    ("--concentration", "concentration", "lot concentration, e.g. '5 million cells/mL'"),
    ("--viability", "viability", "post-thaw viability, e.g. '92 %%'"),
    ("--bag-volume", "bag_volume", "volume of one bag, e.g. '20 mL'"),
    ("--bags", "bags", "bags available (default 1)"),
    ("--basis", "basis", "what the lot count counts: total (default) or viable"),
    ("--age", "age", "patient age in years"),
    ("--final-volume", "final_volume", "final infusion volume (default: protocol site value)"),
    ("--duration", "duration", "infusion duration (default: protocol site value)"),
    ("--drop-factor", "drop_factor", "drop factor in gtt/mL (default: protocol site value)"),
    ("--increment", "increment", "smallest measurable volume step (default: protocol site value)"),
    ("--din", "din", "ISBT 128 donation identification number with its check character"),
    ("--thawed-at", "thawed_at", "thaw time, ISO 8601 (e.g. 2026-11-25T09:30)"),
    ("--now", "now", "the time to check against (default: now), ISO 8601"),
)


def add_calc_options(parser: argparse.ArgumentParser) -> None:
    """The calculation inputs, shared by `calc`, `worksheet` and anything else that computes a dose."""
    group = parser.add_argument_group("calculation inputs")
    for option, field, help_text in CALC_OPTIONS:
        group.add_argument(option, dest=field, metavar=field.upper(), help=help_text)
    group.add_argument("--protocol", default=None, help="protocol id or .toml file (default NCT03055078)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


class BadInput(Exception):
    """Raised by `compute_from_args`; carries the JSON error body."""

    def __init__(self, field: str, given: str, message: str) -> None:
        super().__init__(message)
        self.body = {"field": field, "given": given, "message": message}


def compute_from_args(args: argparse.Namespace) -> Any:
    """Parse the calc options and compute. Raises BadInput for the first bad field (in option order)."""
    from mscdose.core.engine import compute
    from mscdose.core.errors import ProtocolError
    from mscdose.core.protocol import load_protocol
    from mscdose.core.request import read_request

    try:
        protocol = load_protocol(args.protocol)
    except ProtocolError as error:
        raise BadInput("protocol", args.protocol or "", str(error)) from None
    texts = {field: getattr(args, field) for _, field, _ in CALC_OPTIONS}
    request, errors = read_request(texts)
    if errors:
        first = next(iter(errors.values()))
        raise BadInput(first.field, first.given, first.message)
    assert request is not None
    return compute(request, protocol)


def report_bad_input(error: BadInput, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"error": error.body}, ensure_ascii=False))
    else:
        print(f"mscdose: {error.body['message']}", file=sys.stderr)
    return EXIT_BAD_INPUT


def exit_code_for(status: str) -> int:
    return EXIT_BLOCKED if status == "blocked" else EXIT_OK


def _calc(args: argparse.Namespace) -> int:
    try:
        result = compute_from_args(args)
    except BadInput as error:
        return report_bad_input(error, args.json)
    if args.json:
        from mscdose.core.serialize import result_dict

        print(json.dumps(result_dict(result), ensure_ascii=False, indent=2))
    else:
        from mscdose.core.summary import summary_text

        print(summary_text(result))
    return exit_code_for(result.status)


def _selftest(args: argparse.Namespace) -> int:
    from mscdose.core.selftest import run_selftest

    return run_selftest(print)


def _gui(args: argparse.Namespace) -> int:
    from mscdose.gui.app import run_gui

    return run_gui(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mscdose", description="UC-MSC infusion dose calculator.")
    parser.add_argument("--version", action="version", version=f"mscdose {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    calc = sub.add_parser("calc", help="compute a dose and print it")
    add_calc_options(calc)
    calc.set_defaults(handler=_calc)

    selftest = sub.add_parser("selftest", help="run the shipped reference cases through the engine")
    selftest.set_defaults(handler=_selftest)

    gui = sub.add_parser("gui", help="open the window (the default with no command)")
    gui.add_argument("--demo", action="store_true", help="fill in the worked example of the protocol")
    gui.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    gui.set_defaults(handler=_gui)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        argv = ["gui"]
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
