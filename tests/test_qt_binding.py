"""Guards against a broken Qt binding release being installed.

PySide6 6.12.0 drops a reference to None on every call of a method returning nothing; on CPython 3.11 the
process then dies with "none_dealloc" after a few thousand calls (pyproject.toml excludes that release).
"""

from __future__ import annotations

import subprocess
import sys


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(20000): o.setObjectName('x')\n"
        "print(before - sys.getrefcount(None))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert int(done.stdout) < 100
