"""Where the shipped resources are, whether installed, frozen or run from a source checkout.

An installed wheel and the PyInstaller build carry `resources/` inside the package as
`mscdose/resources`; a source checkout (or an editable install) keeps it at the top of the repository.
Either way it is located relative to the package, never relative to the current directory.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def resources_root() -> Traversable:
    packaged = files("mscdose") / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("mscdose resources are missing: the installation is incomplete")


def resource(*parts: str) -> Traversable:
    node = resources_root()
    for part in parts:
        node = node / part
    return node
