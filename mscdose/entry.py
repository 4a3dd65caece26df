"""The `mscdose` program: the window (`mscdose` alone or `mscdose gui`), else the command line.

This module sits above both front ends so that neither imports the other: the command line never loads
Qt widgets, and the window never parses options of the command line.

On a machine without a display Qt would abort with its plugin message (exit 134); here the missing piece is
named (a display, or the xcb libraries Qt needs on Linux) with the command line as the way on, exit 2.
`--screenshot` needs no display: it renders offscreen by itself.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from collections.abc import Sequence

# The X11 libraries Qt's xcb platform plugin loads (Qt 6.5+), by the Debian/Ubuntu package that has each.
XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1",
                 "xkbcommon-x11": "libxkbcommon-x11-0"}


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mscdose gui", description="Open the window (the default with no "
                                     "command).")
    parser.add_argument("--demo", action="store_true", help="fill in the worked example of the protocol")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit (no display "
                        "needed)")
    return parser


def display_problem(environ: os._Environ[str] | dict[str, str] = os.environ, platform: str = sys.platform
                    ) -> str | None:
    """Why the window cannot open here, or None. Only Linux and the BSDs need a display server named."""
    if environ.get("QT_QPA_PLATFORM") or not platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return ("the window needs a display, and none was found (DISPLAY and WAYLAND_DISPLAY are unset). Run it "
                "on the workstation's desktop, or use the command line: `mscdose calc --help`.")
    if environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        missing = [package for name, package in XCB_LIBRARIES.items() if ctypes.util.find_library(name) is None]
        if missing:
            return ("the window needs these X11 libraries, which are not installed: " + ", ".join(missing)
                    + f" (e.g. `sudo apt install {' '.join(missing)}`). The command line works without them: "
                    "`mscdose calc --help`.")
    return None


def run_window(argv: Sequence[str]) -> int:
    args = gui_parser().parse_args(list(argv))
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM") and display_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = display_problem()
    if problem:
        print(f"mscdose: cannot open the window: {problem}", file=sys.stderr)
        return 2  # ExitCode.BAD_INPUT of mscdose.cli.status_codes: an unusable environment
    from mscdose.gui.app import run_gui

    return run_gui(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] == "gui":
        return run_window(argv[1:])
    from mscdose.cli import main as command_line

    return command_line(argv)
