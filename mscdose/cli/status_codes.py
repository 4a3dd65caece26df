"""The exit status of every `mscdose` command, in one place (as pip keeps its status codes in one module).

Scripts and the site's validation rely on these numbers, so every command returns one of them and the
README's table is this enum, word for word:

- OK (0): done; a calculation with status ok or warning.
- FAILED (1): a check that was asked for failed: `selftest`, `validate`, `audit verify`, `backup --check`; or a
  record was saved but its worksheet could not be written (the message says how to reprint it).
- BAD_INPUT (2): bad input or an unusable environment: an option, a value, a file or record store that cannot
  be used. The message names the field, what was given and what is accepted. Nothing was saved.
- BLOCKED (3): a hard limit: the calculation may not be given, nothing was saved.
- INTERRUPTED (130): stopped with Ctrl+C.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    BAD_INPUT = 2
    BLOCKED = 3
    INTERRUPTED = 130


def for_status(status: str) -> ExitCode:
    """The exit status of a calculation: blocked is 3, ok and warning are 0."""
    return ExitCode.BLOCKED if status == "blocked" else ExitCode.OK
