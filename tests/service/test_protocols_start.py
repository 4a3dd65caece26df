"""Issue 18: a window at start lists the protocols; with no record store it must not load the store's code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_listing_protocols_without_a_store_does_not_import_the_store(tmp_path: Path) -> None:
    code = ("import sys; from mscdose.service.protocols import available; protocols = available(); "
            "print(len(protocols), sorted(m for m in sys.modules if m.startswith('mscdose.records.')))")
    env = {**os.environ, "MSCDOSE_DATA_DIR": str(tmp_path)}
    env.pop("MSCDOSE_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    count, modules = done.stdout.strip().split(" ", 1)
    assert int(count) >= 1
    assert "mscdose.records.store" not in modules and "mscdose.records.location" in modules
