"""Where the shipped resources are, whether installed, frozen or run from a source checkout.

An installed wheel and the PyInstaller build carry `resources/` inside the package as
`mscdose/resources`; a source checkout (or an editable install) keeps it at the top of the repository.
Either way it is located relative to the package, never relative to the current directory.

Plain paths beside the package's own files, not `importlib.resources`: mscdose is only ever installed as
files (a wheel, the PyInstaller folder), never run from a zip, and `importlib.resources` (with the tempfile,
shutil and reader machinery it imports, and its first `files()` lookup) cost 5-7 ms of the window's time to
a usable form and of every command that reads a protocol (issue 18).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # .../mscdose (core/paths.py is two levels down)


@cache
def resources_root() -> Path:
    packaged = _PACKAGE / "resources"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("mscdose resources are missing: the installation is incomplete")


def resource(*parts: str) -> Path:
    node = resources_root()
    for part in parts:
        node = node / part
    return node
