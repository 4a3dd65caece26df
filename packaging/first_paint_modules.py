"""The modules build.spec stores uncompressed: those the frozen window imports before its first paint.

PyInstaller puts every pure-Python module in one zlib-compressed archive (the PYZ) and inflates each one as
it is imported. Before the window's first paint that is about 60 modules and 9-16 ms (issue 18). PyInstaller's
`module_collection_mode` "pyc" stores a module as a plain compiled file in `_internal/` instead, but a
setting for a package also reaches all of its submodules; `collection_modes` therefore gives each listed
package's unlisted submodules back to the archive, so that only the listed modules grow the build.

Run as a script on a frozen build to print the modules its window still inflates before the first paint:

    python packaging/first_paint_modules.py dist/mscdose/mscdose
"""

from __future__ import annotations

import importlib.util
import os
import pkgutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

LIST_FILE = Path(__file__).with_name("first_paint_modules.txt")
PROBE_LINE = "archive-module "


def listed_modules(path: Path = LIST_FILE) -> list[str]:
    """The module names of the list file: one per line; blank lines and `#` comments are skipped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def submodules(package: str) -> list[str]:
    """The direct submodules of `package` as found on this Python's path; [] for a module that is no package
    or a name that cannot be found here (e.g. one that only another platform imports)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    return [f"{package}.{info.name}" for info in pkgutil.iter_modules(spec.submodule_search_locations)]


def collection_modes(names: Iterable[str]) -> dict[str, str]:
    """PyInstaller's `module_collection_mode` for Analysis: "pyc" (a plain file) for each name, "pyz" (the
    compressed archive) for every other direct submodule of a listed package, so that the setting reaches
    no further than the list. (PyInstaller applies a package's setting to its submodules unless they have
    their own.)"""
    wanted = list(dict.fromkeys(names))
    modes = dict.fromkeys(wanted, "pyc")
    for name in wanted:
        for child in submodules(name):
            modes.setdefault(child, "pyz")
    return modes


def inflated_before_first_paint(executable: Path) -> list[str]:
    """The modules a frozen build's window inflates from its archive before the first paint, by its probe."""
    with tempfile.TemporaryDirectory(prefix="mscdose-probe-") as data:
        env = {**os.environ, "MSCDOSE_STARTUP_PROBE": "modules", "MSCDOSE_DATA_DIR": data}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        done = subprocess.run([str(executable), "gui"], env=env, capture_output=True, text=True, timeout=120,
                              check=True)  # fmt: skip
    return [line[len(PROBE_LINE):] for line in done.stdout.splitlines() if line.startswith(PROBE_LINE)]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print("\n".join(inflated_before_first_paint(Path(sys.argv[1]))))
