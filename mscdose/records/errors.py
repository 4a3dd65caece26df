"""StoreError: every failure of the record store, worded for the person at the bedside.

SQLite reports failures as terse codes ("attempt to write a readonly database"). A nurse finalising an
infusion needs to know what happened, that nothing was saved, and what to do next, so each code is
translated here once, and the GUI and CLI just show the message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

NOTHING_SAVED = "Nothing was saved; the calculation on screen is kept."


class StoreError(Exception):
    """A record store failure; str(error) says what happened and what to do."""


def explain(error: BaseException, path: Path, action: str) -> StoreError:
    """Translate an sqlite3/OS error raised while doing `action` (e.g. "save the record") on `path`."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    lowered = text.lower()
    if name.startswith("SQLITE_READONLY") or "readonly" in lowered or isinstance(error, PermissionError):
        return StoreError(
            f"Could not {action}: the record database {path} or its folder is read-only. "
            f"{NOTHING_SAVED} Ask for write access to that folder, or set MSCDOSE_DATA_DIR to a writable folder."
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in lowered or "no space" in lowered:
        return StoreError(
            f"Could not {action}: the disk holding {path} is full. {NOTHING_SAVED} "
            "Free some space on that disk (or ask IT to), then save again."
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        return StoreError(
            f"Could not {action}: the record database {path} is busy (another mscdose window or a backup "
            f"is using it). {NOTHING_SAVED} Wait a moment and try again."
        )
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in lowered or "malformed" in lowered:
        return StoreError(
            f"Could not {action}: {path} is not an mscdose record database or it is damaged. "
            "Do not delete it; restore the latest backup (`mscdose backup` makes them) and keep this file "
            "for investigation."
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in lowered or isinstance(error, OSError):
        return StoreError(
            f"Could not {action}: the record database {path} cannot be opened or created ({text}). "
            f"{NOTHING_SAVED} Check that its folder exists and is writable, or set MSCDOSE_DATA_DIR to one that is."
        )
    if isinstance(error, sqlite3.Error):
        return StoreError(f"Could not {action}: the record database {path} reported: {text}. {NOTHING_SAVED}")
    return StoreError(f"Could not {action} ({path}): {text}")
