"""Running `mscdose` in-process for the command-line tests: its exit status and what it printed.

One copy for every CLI test module (they had two). Import `Done` for type hints and use the `run` fixture,
which `tests/conftest.py` makes available everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from mscdose.cli import main


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str

    # the short names some tests read
    @property
    def code(self) -> int:
        return self.returncode

    @property
    def out(self) -> str:
        return self.stdout

    @property
    def err(self) -> str:
        return self.stderr


def in_process(capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    def run_in_process(*args: str) -> Done:
        code = main(list(args))
        captured = capsys.readouterr()
        return Done(int(code), captured.out, captured.err)

    return run_in_process
