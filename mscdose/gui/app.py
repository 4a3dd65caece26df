"""Entry point of the window (placeholder until the GUI is built)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    print("The mscdose window is not built yet; use `mscdose calc --help`.")
    return 0
