"""Backups that can be trusted: written whole, verified before they get their name, checked without a write.

A backup is made with SQLite's online backup API (consistent while the store is in use), switched to a
single self-contained file (no -wal beside it), verified read-only under its temporary name and only then
renamed into place. `check_backup` opens a backup read-only (see opening.py) and runs the full verify and
SQLite's integrity check; anchors from the site's anchor file that lie beyond the backup's end are expected
(the live store has grown since) and are skipped, but every anchor the backup covers must match.
The restore procedure is in docs/audit.md.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from mscdose.records.errors import StoreError, explain

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore
    from mscdose.records.verify import VerifyReport


def write_backup(store: RecordStore, conn: sqlite3.Connection, target: Path) -> int:
    if target.resolve() == store.path.resolve():
        raise StoreError(f"Cannot back up {store.path} onto itself; choose another file.")
    temporary = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            copy.close()
        report = check_backup(temporary)
        if not report.ok:
            raise StoreError(f"The backup was not written: the copy does not verify ({report.problem}). Run "
                             "`mscdose audit verify` on the record database and report the result.")
        os.replace(temporary, target)
    except (sqlite3.Error, OSError) as error:
        raise explain(error, target, "write the backup") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return report.count


def check_backup(path: Path) -> VerifyReport:
    """The backup's own verify report; not ok also when SQLite finds damaged pages. Changes nothing."""
    from mscdose.records.store import RecordStore

    with RecordStore.open_read_only(path) as copy:
        report, damage = copy.audit(partial_copy=True)
    if damage:
        return replace(report, ok=False, problem="the file is damaged (SQLite integrity check: "
                                                 + "; ".join(damage[:3]) + ")")
    return report
