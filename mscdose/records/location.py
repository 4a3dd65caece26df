"""Where the embedded store lives, without importing the store.

Issue 18: the window asks at start whether the site has a record store (for protocol approvals) before the
form is usable; importing records.store (and sqlite3, the schema, the ledger) just to learn that there is
no file cost about 20 ms of every start.
"""

from __future__ import annotations

from pathlib import Path


def default_path() -> Path:
    """The data folder's SQLite record store (it may not exist)."""
    from mscdose.datadir import data_dir

    return data_dir(create=False) / "records.sqlite3"
