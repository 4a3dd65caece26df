"""The command line: `mscdose COMMAND ...`, for scripts, the site's validation and the packaged build.

Each command lives in its own module and is imported only when it runs (as pip's `commands_dict` does):
`mscdose calc` never loads the record store or Qt. Every command returns an `ExitCode`; bad input is one
line naming the field, what was given and what is accepted (or, with --json, one `{"error": ...}`
object), never a traceback. The log file is set up for every command, so saved records, prints and
errors reach `mscdose.log` whichever way they were made: the file's handler is attached when `logging` is
first imported (`mscdose.after_import`), so a command that logs nothing never loads it (issue 18).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import NamedTuple

from mscdose import __version__
from mscdose.after_import import call_after_import
from mscdose.cli.status_codes import ExitCode


class CommandInfo(NamedTuple):
    module: str
    summary: str


COMMANDS: dict[str, CommandInfo] = {
    "calc": CommandInfo("mscdose.cli.calc", "compute a dose and print it"),
    "selftest": CommandInfo("mscdose.cli.calc", "run the shipped reference cases through the engine"),
    "validate": CommandInfo("mscdose.cli.validate", "run CSV validation cases, name every difference"),  # issue 18
    "worksheet": CommandInfo("mscdose.cli.worksheet", "compute, save the record and write the worksheet PDF"),
    "correct": CommandInfo("mscdose.cli.worksheet", "save a corrected record that supersedes an earlier one"),
    "protocol": CommandInfo("mscdose.cli.protocol", "approve, list or check protocol files"),
    "history": CommandInfo("mscdose.cli.records", "list saved records (oldest first)"),
    "show": CommandInfo("mscdose.cli.records", "print one saved record as it was saved"),
    "reprint": CommandInfo("mscdose.cli.records", "write a saved record's worksheet again, marked REPRINT"),
    "export": CommandInfo("mscdose.cli.records", "export all records, one row each, for the data manager"),
    "backup": CommandInfo("mscdose.cli.records", "copy the record database safely while it is in use"),
    "audit": CommandInfo("mscdose.cli.records", "check the records have not been changed"),
    "user": CommandInfo("mscdose.cli.users", "add, disable, unlock or list user accounts (issue 14)"),
    "check": CommandInfo("mscdose.cli.users", "check a saved record blind, by re-entering its inputs (issue 14)"),
    "label": CommandInfo("mscdose.cli.identity", "write the bag label of a saved record (PDF)"),  # issue 13
    "bedside": CommandInfo("mscdose.cli.identity", "bedside check of wristband and bag label: MATCH or MISMATCH"),
    "db": CommandInfo("mscdose.cli.db", "set up the shared PostgreSQL record store, copy records in"),  # issue 17
}


def _usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["usage: mscdose [--version] [COMMAND] [options]", "", "UC-MSC infusion dose calculator.", "",
             "commands:"]
    lines += [f"  {'gui'.ljust(width)}  open the window (the default with no command; `mscdose.entry`)"]
    lines += [f"  {name.ljust(width)}  {info.summary}" for name, info in COMMANDS.items()]
    lines += ["", "`mscdose COMMAND --help` lists a command's options. Exit status: 0 ok, 1 a failed check, "
              "2 bad input, 3 blocked."]
    return "\n".join(lines)


def _log_to_file() -> None:
    from mscdose.logsetup import log_on_first_record

    log_on_first_record()


def main(argv: Sequence[str] | None = None) -> int:
    from mscdose.cli.options import Problem, problem_from, report
    from mscdose.service.errors import ServiceError

    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        argv = ["--help"]
    name, rest = argv[0], argv[1:]
    as_json = "--json" in rest
    if name in ("-h", "--help"):
        print(_usage())
        return ExitCode.OK
    if name == "--version":
        print(f"mscdose {__version__}")
        return ExitCode.OK
    try:
        if name not in COMMANDS:
            raise Problem.bad_input("command", name, f"“{name}” is not a mscdose command. Accepted: gui, "
                                    + ", ".join(COMMANDS) + ". `mscdose --help` describes them.")
        call_after_import("logging", _log_to_file)
        module = importlib.import_module(COMMANDS[name].module)
        parser = module.build_parser(name)
        args = parser.parse_args(rest)
        return int(args.handler(args))
    except Problem as problem:
        return report(problem, as_json)
    except ServiceError as error:
        return report(problem_from(error), as_json)
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
