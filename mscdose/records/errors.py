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
    """A record store failure; str(error) says what happened and what to do (one line)."""


class NotARecordStore(StoreError):
    """The file is empty, not SQLite, or another program's database: nothing was created or changed."""


class InfusionLimitReached(StoreError):
    """The patient already has as many standing final records under this protocol as it allows.

    `earlier` holds their record ids (oldest first) so the caller can show them and offer a correction."""

    def __init__(self, message: str, earlier: tuple[int, ...], limit: int) -> None:
        super().__init__(message)
        self.earlier = earlier
        self.limit = limit


RESTORE = ("Do not delete it; keep it for investigation and restore the latest backup "
           "(see docs/audit.md, \"Restoring a backup\").")


def damaged(path: Path, action: str, detail: str) -> StoreError:
    """A file SQLite can open but whose content cannot be what mscdose wrote (bad JSON, bad time, ...)."""
    return StoreError(f"Could not {action}: the record database {path} is damaged ({detail}). {RESTORE}")


def not_a_store(path: Path, why: str) -> NotARecordStore:
    return NotARecordStore(f"{path} is not a mscdose record store ({why}); it was not changed. If your records "
                           "were kept there, restore the latest backup; otherwise point --database or "
                           "MSCDOSE_DATA_DIR at the right file.")


def explain(error: BaseException, path: Path, action: str, *, writing: bool = True) -> StoreError:
    """Translate an sqlite3/OS error raised while doing `action` (e.g. "save the record") on `path`.

    `writing` adds that nothing was saved; a read (history, verify) changes nothing either way."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = " ".join(str(error).split())
    lowered = text.lower()
    kept = f" {NOTHING_SAVED}" if writing else ""
    if name.startswith("SQLITE_READONLY") or "readonly" in lowered or isinstance(error, PermissionError):
        return StoreError(
            f"Could not {action}: the record database {path} or its folder is read-only.{kept} "
            "Ask for write access to that folder, or set MSCDOSE_DATA_DIR to a writable folder."
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in lowered or "no space" in lowered:
        return StoreError(
            f"Could not {action}: the disk holding {path} is full.{kept} "
            "Free some space on that disk (or ask IT to), then try again."
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        return StoreError(
            f"Could not {action}: the record database {path} is busy (another mscdose window or a backup "
            f"is using it).{kept} Wait a moment and try again."
        )
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in lowered or "malformed" in lowered:
        return StoreError(
            f"Could not {action}: {path} is not an mscdose record database or it is damaged.{kept} {RESTORE}"
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in lowered:
        return StoreError(
            f"Could not {action}: the disk holding {path} reported an input/output error.{kept} Check that it "
            "has free space and is still attached, then try again; if it keeps failing, restore the latest "
            "backup onto a sound disk or set MSCDOSE_DATA_DIR to another folder."
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in lowered or isinstance(error, OSError):
        return StoreError(
            f"Could not {action}: the record database {path} cannot be opened or created ({text}).{kept} "
            "Check that its folder exists and is writable, or set MSCDOSE_DATA_DIR to one that is."
        )
    if isinstance(error, sqlite3.Error) and not writing:  # while reading, anything else is damage
        return damaged(path, action, f"SQLite: {text}")
    if isinstance(error, sqlite3.Error):
        return StoreError(f"Could not {action}: the record database {path} reported: {text}.{kept}")
    return StoreError(f"Could not {action} ({path}): {text}")
