"""Where the shipped resources are, whether installed, frozen or run from a source checkout.

An installed wheel and the PyInstaller build carry `resources/` inside the package as
`mscdose/resources`; a source checkout (or an editable install) keeps it at the top of the repository.
Either way it is located relative to the package, never relative to the current directory.

Plain paths beside the package's own files, not `importlib.resources`: mscdose is only ever installed as
files (a wheel, the PyInstaller folder), never run from a zip, and `importlib.resources` (with the tempfile,
shutil and reader machinery it imports, and its first `files()` lookup) cost 5-7 ms of the window's time to
a usable form and of every command that reads a protocol (issue 18).

The root is found with `os.path`, and `resource_path` gives a file's path as text: reading a shipped protocol
for a calculation then needs no `pathlib`, which with the `urllib.parse` and `ipaddress` it imports is about
4 ms of every `mscdose calc` (issue 18). `resource` gives the same path as a `Path`, for everything else.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# .../mscdose (core/paths.py is two levels down)
_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(os.path.abspath(__file__))))


@cache
def resources_root_path() -> str:
    packaged = os.path.join(_PACKAGE, "resources")
    if os.path.isdir(packaged):
        return packaged
    checkout = os.path.join(os.path.dirname(_PACKAGE), "resources")
    if os.path.isdir(checkout):
        return checkout
    raise FileNotFoundError("mscdose resources are missing: the installation is incomplete")


def resource_path(*parts: str) -> str:
    """A shipped resource's path as text (`resource_path("protocols", "x.toml")`)."""
    return os.path.join(resources_root_path(), *parts)


def resource(*parts: str) -> Path:
    from pathlib import Path

    return Path(resource_path(*parts))
