"""`mscdose gui` on Linux names the missing display or X11 libraries before Qt would abort (entry.py).

Issue 18: the libraries are asked of the system's loader (dlopen, well under a millisecond) instead of
`ctypes.util.find_library`, which ran `ldconfig -p` in a subprocess for each of the four (37-52 ms of every
start on an X11 desktop); these tests pin what the check says, and that it asks for the very files Qt's xcb
plugin needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mscdose.entry import XCB_LIBRARIES, display_problem, loadable


def only_missing(*missing: str):  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def can_load(name: str) -> bool:
        asked.append(name)
        return name not in missing

    return can_load, asked


def test_missing_x11_libraries_are_named_with_their_packages() -> None:
    can_load, asked = only_missing("libxcb-icccm.so.4", "libxkbcommon-x11.so.0")
    problem = display_problem({"DISPLAY": ":0"}, "linux", can_load)
    assert problem == ("the window needs these X11 libraries, which are not installed: libxcb-icccm4, "
                       "libxkbcommon-x11-0 (e.g. `sudo apt install libxcb-icccm4 libxkbcommon-x11-0`). The command "
                       "line works without them: `mscdose calc --help`.")
    assert asked == list(XCB_LIBRARIES)


def test_nothing_to_say_when_they_load_or_are_not_needed() -> None:
    can_load, asked = only_missing()
    assert display_problem({"DISPLAY": ":0"}, "linux", can_load) is None and len(asked) == 4
    never, not_asked = only_missing(*XCB_LIBRARIES)
    assert display_problem({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", never) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", never) is None
    assert display_problem({}, "win32", never) is None
    assert not_asked == []
    assert "none was found" in str(display_problem({}, "linux", never))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the system's loader on Linux")
def test_the_loader_is_asked_for_real() -> None:
    assert loadable("libc.so.6")
    assert not loadable("libmscdose-no-such-library.so.9")


def test_the_names_are_the_files_qts_xcb_plugin_needs() -> None:
    import PySide6

    found = sorted(Path(PySide6.__file__).parent.rglob("libQt6XcbQpa.so*"))
    if not found:
        pytest.skip("this PySide6 has no xcb platform library (not Linux)")
    needed = found[0].read_bytes()
    assert all(name.encode() + b"\0" in needed for name in XCB_LIBRARIES)


def test_the_desktop_start_s_options_are_the_parser_s_defaults() -> None:
    """Issue 18: `mscdose` alone reads no options (building the parser imports `locale`); what it takes must be
    exactly what the parser gives for no options, and any option given still goes through the parser."""
    from mscdose.entry import gui_options, gui_parser

    assert gui_options([]) == gui_parser().parse_args([])
    assert gui_options(["--demo"]) == gui_parser().parse_args(["--demo"])
    with pytest.raises(SystemExit):
        gui_options(["--no-such-option"])
