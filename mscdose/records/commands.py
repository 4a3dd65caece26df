"""Command-line subcommands of this room. Keep this module cheap to import: heavy imports go in handlers."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this room's subcommands to the `mscdose` parser (none yet)."""
