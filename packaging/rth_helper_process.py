"""PyInstaller run-time hook: makes the frozen executable serve as mscdose's helper process (issue 18).

Why our own: `audit verify`, `export --csv` and `history` start one helper process with multiprocessing's
`spawn` (mscdose/records/two_process.py). In a frozen program that process is this executable again, started
as `mscdose --multiprocessing-fork pipe_handle=... ...` (and, on Linux and macOS, multiprocessing's resource
tracker as `mscdose ... -c "from multiprocessing.resource_tracker import main; main(fd)"`). PyInstaller's own
`pyi_rth_multiprocessing` handles both, but imports multiprocessing (socket, pickle, subprocess, selectors)
at EVERY start, before the window's first paint. This hook looks at the command line first and imports
multiprocessing only in those two cases, doing what PyInstaller's hook does for them; the program itself
pays nothing. Proven by tests/packaging/test_frozen_build.py::test_export_uses_a_helper_process_frozen.
"""

import sys


def _serve_as_helper() -> None:
    argv = sys.argv
    if len(argv) >= 2 and argv[1] == "--multiprocessing-fork":  # the helper itself (multiprocessing.spawn)
        import multiprocessing.spawn

        # multiprocessing would run the parent's main script again here, to find functions defined there. The
        # frozen one is inside the executable (no file), and the helper only runs functions of mscdose's own
        # modules (records/two_process.py names them by module), so there is nothing to find there.
        multiprocessing.spawn._fixup_main_from_path = lambda path: None
        told = {}
        for arg in argv[2:]:
            name, value = arg.split("=", 1)
            told[name] = None if value == "None" else int(value)
        multiprocessing.spawn.spawn_main(**told)
        sys.exit()
    if "-c" in argv:  # the resource tracker the spawn start method runs beside it (Linux, macOS)
        index = argv.index("-c")
        command = argv[index + 1] if index + 1 < len(argv) else ""
        if command.startswith("from multiprocessing.resource_tracker import main"):
            exec(command)  # the statement multiprocessing itself wrote, as PyInstaller's hook runs it
            sys.exit()


_serve_as_helper()
del _serve_as_helper
