"""What several commands share: the calculation options, `--database`, `--json`, and how bad input is said.

One definition of each option means `calc`, `worksheet` and `correct` read the same text the same way, and
one `Problem` type means every command reports bad input the same way: one line on stderr naming the field,
what was given and what is accepted, or with `--json` one `{"error": {...}}` object on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, NoReturn

from mscdose.cli.status_codes import ExitCode

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
    ("--now", "now", "the time to check against (default: now), ISO 8601; calc and previews only"),
    ("--date-of-birth", "date_of_birth", "patient's date of birth, YYYY-MM-DD (the age is worked out from it)"),
    ("--label-cells", "label_cells", "total cells per bag as printed on the label, e.g. '100 million cells'"),
    ("--dmso", "dmso", "DMSO concentration of the lot, % v/v (default: the protocol's site value)"),
    ("--expires-at", "expires_at", "the product's expiry from its label, ISO 8601"),
)


class Problem(Exception):
    """A command cannot go on: the exit code, the message, and the JSON error body (field, given)."""

    def __init__(self, code: ExitCode, message: str, field: str = "", given: str = "",
                 **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.body: dict[str, Any] = {"field": field, "given": given, **extra}

    @classmethod
    def bad_input(cls, field: str, given: str, message: str, **extra: Any) -> Problem:
        return cls(ExitCode.BAD_INPUT, message, field, given, **extra)


def report(problem: Problem, as_json: bool) -> int:
    """Say what went wrong (stdout JSON or one stderr line) and return the exit code."""
    if as_json:
        print(json.dumps({"error": {**problem.body, "message": str(problem)}}, ensure_ascii=False))
    else:
        print(f"mscdose: {problem}", file=sys.stderr)
    return int(problem.code)


def say(as_json: bool, outcome: dict[str, Any], message: str) -> None:
    """A command's result: the JSON object, or the readable line."""
    print(json.dumps(outcome, ensure_ascii=False) if as_json else message)


def terminal_width() -> int:
    """The terminal's width in columns, as `shutil.get_terminal_size` finds it (COLUMNS, then the terminal of
    standard output, else 80), without importing shutil (see `HelpFormatter`)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, told the width. argparse makes a formatter for every option it adds (to check
    the option's metavar), and without a width each one imports shutil to ask the terminal: shutil's zlib,
    bz2 and lzma were about 3 ms of every command (issue 18). The width is argparse's own: the terminal's
    less 2."""

    def __init__(self, prog: str, *args: Any, width: int | None = None, **kwargs: Any) -> None:
        super().__init__(prog, *args, width=terminal_width() - 2 if width is None else width, **kwargs)


class Parser(argparse.ArgumentParser):
    """An argparse parser that raises `Problem` instead of printing usage and exiting, so that an unknown or
    missing option is reported like any bad value (and as JSON with --json). Its help is formatted by
    `HelpFormatter`, and so is that of its subcommands' parsers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        field, given = "", ""
        if "required: " in message:
            field = message.split("required: ", 1)[1].split(",")[0].strip().lstrip("-").replace("-", "_")
        elif "unrecognized arguments: " in message:
            given = message.split("unrecognized arguments: ", 1)[1]
            field = "arguments"
        raise Problem.bad_input(field, given, f"{self.prog}: {message}. `{self.prog} --help` lists the options.")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object (errors too)")


def add_calc_options(parser: argparse.ArgumentParser) -> None:
    """The calculation inputs, shared by `calc`, `worksheet`, `correct` and anything else that computes a dose."""
    group = parser.add_argument_group("calculation inputs")
    for option, field, help_text in CALC_OPTIONS:
        # argparse formats help with %: a literal "% v/v" must be written %% (it was a traceback on --help)
        group.add_argument(option, dest=field, metavar=field.upper(), help=help_text.replace("%", "%%"))
    group.add_argument("--protocol", default=None, help="protocol id or .toml file (default NCT03055078)")
    # issue 13 (identity2): product label scans; repeatable, one per bag or barcode, kept as a list
    group.add_argument("--scan", dest="scan", action="append", metavar="SCAN",
                       help="ISBT 128 product label scan (DIN, product code, expiry); repeat for each bag")
    add_json(parser)


def add_database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", metavar="FILE", default=None,
                        help="record database to use (default: records.sqlite3 in the data folder; "
                             "MSCDOSE_DATA_DIR overrides the folder)")


def calc_texts(args: argparse.Namespace) -> dict[str, Any]:
    """The calculation options as the field texts the core reads (`scan`: the list of --scan, issue 13)."""
    return {**{field: getattr(args, field, None) for _, field, _ in CALC_OPTIONS}, "scan": getattr(args, "scan", None)}


def problem_from(error: Exception) -> Problem:
    """A service refusal as a command-line problem with its exit status."""
    from mscdose.service import errors

    code = ExitCode.BAD_INPUT
    if isinstance(error, errors.Blocked):
        code = ExitCode.BLOCKED
    elif isinstance(error, errors.OutputFailed):
        code = ExitCode.FAILED
    extra: dict[str, Any] = {}
    if isinstance(error, errors.Blocked | errors.NotFinalisable):
        extra["problems"] = error.problems
    if isinstance(error, errors.OutputFailed):
        extra["record_id"] = error.record_id
    return Problem(code, str(error), getattr(error, "field", ""), getattr(error, "given", ""), **extra)


def new_parser(name: str, help_text: str, description: str = "") -> Parser:
    return Parser(prog=f"mscdose {name}", description=description or help_text)


class Passwords:
    """Hidden prompts, or lines of standard input with --password-stdin (never an argument)."""

    def __init__(self, from_stdin: bool) -> None:
        self.lines = iter(sys.stdin.read().splitlines()) if from_stdin else None

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        if self.lines is not None:
            value = next(self.lines, None)
            if value is None:
                raise Problem.bad_input("password", "", f"--password-stdin: no line for “{prompt}”. Give one "
                                        "password per line, in the order asked.")
            return value
        import getpass

        try:
            value = getpass.getpass(f"{prompt}: ", stream=sys.stderr)
            if confirm and getpass.getpass(f"{prompt} again: ", stream=sys.stderr) != value:
                raise Problem.bad_input("password", "", "The two passwords typed differ; nothing was changed.")
        except EOFError:
            raise Problem.bad_input("password", "", f"No password was typed for “{prompt}”; nothing was "
                                    "changed. Use --password-stdin to give it from a script.") from None
        return value


def add_signer(parser: argparse.ArgumentParser) -> None:
    """`--user ID` and `--password-stdin`: an electronic signature where the store has accounts (the password
    is asked with a hidden prompt, or read from standard input; never an argument)."""
    parser.add_argument("--user", default="", metavar="ID", help="your user id, when the record store has accounts")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
