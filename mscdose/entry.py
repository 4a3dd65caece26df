"""The `mscdose` program: the window (`mscdose` alone or `mscdose gui`), else the command line.

This module sits above both front ends so that neither imports the other: the command line never loads
Qt widgets, and the window never parses options of the command line.

On a machine without a display Qt would abort with its plugin message (exit 134); here the missing piece is
named (a display, or the xcb libraries Qt needs on Linux) with the command line as the way on, exit 2.
`--screenshot` needs no display: it renders offscreen by itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

# The X11 libraries Qt's xcb platform plugin loads (Qt 6.5+), by the file name the plugin asks the system's
# loader for, with the Debian/Ubuntu package that has each.
XCB_LIBRARIES = {"libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
                 "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0"}


def loadable(file_name: str) -> bool:
    """Can the system's loader load this library, as Qt's plugin will? Asking the loader itself (dlopen)
    costs well under a millisecond and also finds the copies a frozen build carries (its loader path);
    `ctypes.util.find_library` ran `ldconfig -p` in a subprocess for each name: 37-52 ms a start on an X11
    desktop (issue 18), and knew only the system's copies."""
    import ctypes

    try:
        ctypes.CDLL(file_name)
    except OSError:
        return False
    return True


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mscdose gui", description="Open the window (the default with no "
                                     "command).")
    parser.add_argument("--demo", action="store_true", help="fill in the worked example of the protocol")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit (no display "
                        "needed)")
    parser.add_argument("--language", metavar="LANG", help="en or zh_CN (taken by mscdose.entry before this parser; "
                        "also MSCDOSE_LANGUAGE or Preferences; default: the system locale)")  # issue 16
    return parser


def display_problem(environ: os._Environ[str] | dict[str, str] = os.environ, platform: str = sys.platform,
                    can_load: Callable[[str], bool] = loadable) -> str | None:
    """Why the window cannot open here, or None. Only Linux and the BSDs need a display server named."""
    if environ.get("QT_QPA_PLATFORM") or not platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return ("the window needs a display, and none was found (DISPLAY and WAYLAND_DISPLAY are unset). Run it "
                "on the workstation's desktop, or use the command line: `mscdose calc --help`.")
    if environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        missing = [package for name, package in XCB_LIBRARIES.items() if not can_load(name)]
        if missing:
            return ("the window needs these X11 libraries, which are not installed: " + ", ".join(missing)
                    + f" (e.g. `sudo apt install {' '.join(missing)}`). The command line works without them: "
                    "`mscdose calc --help`.")
    return None


def gui_options(argv: Sequence[str]) -> argparse.Namespace:
    """The window's options. The desktop's start gives none, and then none are read: building the parser asks
    gettext for argparse's own texts, which imports `locale`, about 2 ms before the first paint (issue 18).
    tests/test_entry_display.py checks these are exactly the parser's defaults."""
    if not argv:
        return argparse.Namespace(demo=False, screenshot=None, language=None)
    return gui_parser().parse_args(list(argv))


def run_window(argv: Sequence[str]) -> int:
    args = gui_options(argv)
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM") and display_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = display_problem()
    if problem:
        print(f"mscdose: cannot open the window: {problem}", file=sys.stderr)
        return 2  # ExitCode.BAD_INPUT of mscdose.cli.status_codes: an unusable environment
    from mscdose.gui.app import run_gui

    return run_gui(args)


def take_language(argv: list[str]) -> str | None:
    """issue 16: remove `--language X` / `--language=X` (any position, any command) from argv and return X."""
    for index, arg in enumerate(argv):
        if arg == "--":
            return None
        if arg.startswith("--language="):
            del argv[index]
            return arg.split("=", 1)[1]
        if arg == "--language":
            value = argv[index + 1] if index + 1 < len(argv) else ""
            del argv[index: index + 2]
            return value
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # issue 16: --language zh_CN (or MSCDOSE_LANGUAGE) for the window and the worksheet; a language mscdose has
    # no translation for is bad input (exit 2), named with the accepted ones, never a silent English.
    from mscdose import i18n

    try:
        language = take_language(argv)
        if language is not None or os.environ.get(i18n.ENVIRONMENT_VARIABLE, "").strip():
            i18n.set_language(i18n.choose_language(language))
    except i18n.LanguageError as error:
        print(f"mscdose: {error}", file=sys.stderr)
        return 2
    if not argv or argv[0] == "gui":
        return run_window(argv[1:])
    from mscdose.cli import main as command_line

    return command_line(argv)
