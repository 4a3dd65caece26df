"""StoreError: every failure of the record store, worded for the person at the bedside.

SQLite reports failures as terse codes ("attempt to write a readonly database"). A nurse finalising an
infusion needs to know what happened, that nothing was saved, and what to do next, so each code is
translated here once, and the GUI and CLI just show the message.

Issue 16: the messages are core.messages templates (`said(QT_TRANSLATE_NOOP("CoreMessage", ...))`, records may
import core, never Qt). `str(error)` is the English exactly as before (the CLI prints it, the log keeps it);
`error.template`/`error.params` let the window say it in Chinese (`mscdose.i18n.error_text`). What SQLite or the
operating system said (`{text}`, `{detail}`) and the file's path stay as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, Param, said, word

NOTHING_SAVED = "Nothing was saved; the calculation on screen is kept."
_NOTHING_SAVED_HINT = QT_TRANSLATE_NOOP("CoreMessage", " Nothing was saved; the calculation on screen is kept.")

# What the store was doing when it failed ("Could not {action}: ..."), each a phrase the window translates; an
# action not listed here (a record number in it) is shown in English inside the translated sentence.
ACTIONS = (
    QT_TRANSLATE_NOOP("CoreMessage", "open the record database"),
    QT_TRANSLATE_NOOP("CoreMessage", "create the record database"),
    QT_TRANSLATE_NOOP("CoreMessage", "check the database file"),
    QT_TRANSLATE_NOOP("CoreMessage", "save the record"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the records"),
    QT_TRANSLATE_NOOP("CoreMessage", "list the records"),
    QT_TRANSLATE_NOOP("CoreMessage", "count the records"),
    QT_TRANSLATE_NOOP("CoreMessage", "export the records"),
    QT_TRANSLATE_NOOP("CoreMessage", "verify the records"),
    QT_TRANSLATE_NOOP("CoreMessage", "verify the worksheet"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the chain head"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the print log"),
    QT_TRANSLATE_NOOP("CoreMessage", "log the printing of the worksheet"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the bedside checks"),
    QT_TRANSLATE_NOOP("CoreMessage", "log the bedside check"),
    QT_TRANSLATE_NOOP("CoreMessage", "find the record of the bag label"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the user accounts"),
    QT_TRANSLATE_NOOP("CoreMessage", "add the user"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the signatures"),
    QT_TRANSLATE_NOOP("CoreMessage", "save the signature"),
    QT_TRANSLATE_NOOP("CoreMessage", "record the sign-in"),
    QT_TRANSLATE_NOOP("CoreMessage", "record the failed sign-in"),
    QT_TRANSLATE_NOOP("CoreMessage", "read the protocol approvals"),
    QT_TRANSLATE_NOOP("CoreMessage", "record the protocol approval"),
    QT_TRANSLATE_NOOP("CoreMessage", "write the backup"),
    QT_TRANSLATE_NOOP("CoreMessage", "write the CSV export"),
    QT_TRANSLATE_NOOP("CoreMessage", "find the data folder"),
    QT_TRANSLATE_NOOP("CoreMessage", "open the shared record database"),
    QT_TRANSLATE_NOOP("CoreMessage", "check the shared record database"),
)


def _phrase(text: str) -> Message:
    """A phrase (an action, a reason) as a word the window translates when it is marked; one that could be read as
    a template (braces) is kept as plain text."""
    return said("{text}", text=text) if "{" in text or "}" in text else word(text)


class StoreError(Exception):
    """A record store failure; str(error) says what happened and what to do (one line). Raised with a
    core.messages.Message, it keeps `template` and `params` beside the English (issue 16)."""

    def __init__(self, message: str | Message = "", *args: object) -> None:
        text = message.text if isinstance(message, Message) else message
        super().__init__(text, *args)
        self.template: str = message.template if isinstance(message, Message) else ""
        self.params: Mapping[str, Param] = message.params if isinstance(message, Message) else {}

    @property
    def said(self) -> Message | None:
        """The message as a template and its values (None when it was raised as plain text)."""
        return Message(self.template, self.params) if self.template else None


class NotARecordStore(StoreError):
    """The file is empty, not SQLite, or another program's database: nothing was created or changed."""


class InfusionLimitReached(StoreError):
    """The patient already has as many standing final records under this protocol as it allows.

    `earlier` holds their record ids (oldest first) so the caller can show them and offer a correction."""

    def __init__(self, message: str | Message, earlier: tuple[int, ...], limit: int) -> None:
        super().__init__(message)
        self.earlier = earlier
        self.limit = limit


_RESTORE = QT_TRANSLATE_NOOP("CoreMessage", "Do not delete it; keep it for investigation and restore the latest "
                                           "backup (see docs/audit.md, \"Restoring a backup\").")
RESTORE = _RESTORE


def damaged(path: Path, action: str, detail: str) -> StoreError:
    """A file SQLite can open but whose content cannot be what mscdose wrote (bad JSON, bad time, ...)."""
    return StoreError(said(QT_TRANSLATE_NOOP("CoreMessage", "Could not {action}: the record database {path} is "
                                                            "damaged ({detail}). {restore}"),
                           action=_phrase(action), path=path, detail=detail, restore=word(_RESTORE)))


def not_a_store(path: Path, why: str) -> NotARecordStore:
    return NotARecordStore(said(QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} is not a mscdose record store ({why}); it was not changed. If your records were kept "
                       "there, restore the latest backup; otherwise point --database or MSCDOSE_DATA_DIR at the right "
                       "file."), path=path, why=_phrase(why)))


# Why a file is not a record store (records/opening.py passes these to `not_a_store`)
NOT_A_STORE_REASONS = (
    QT_TRANSLATE_NOOP("CoreMessage", "it is a folder or a device, not a file"),
    QT_TRANSLATE_NOOP("CoreMessage", "the file is empty, 0 bytes"),
    QT_TRANSLATE_NOOP("CoreMessage", "it is not an SQLite database, or its first bytes are damaged"),
    QT_TRANSLATE_NOOP("CoreMessage", "an SQLite database of another program"),
    QT_TRANSLATE_NOOP("CoreMessage", "it has no records tables"),
)


def explain(error: BaseException, path: Path, action: str, *, writing: bool = True) -> StoreError:
    """Translate an sqlite3/OS error raised while doing `action` (e.g. "save the record") on `path`.

    `writing` adds that nothing was saved; a read (history, verify) changes nothing either way."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = " ".join(str(error).split())
    lowered = text.lower()
    kept = word(_NOTHING_SAVED_HINT) if writing else ""
    doing = _phrase(action)
    if name.startswith("SQLITE_READONLY") or "readonly" in lowered or isinstance(error, PermissionError):
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: the record database {path} or its folder is read-only.{hint} Ask for "
                           "write access to that folder, or set MSCDOSE_DATA_DIR to a writable folder."),
            action=doing, path=path, hint=kept))
    if name.startswith("SQLITE_FULL") or "disk is full" in lowered or "no space" in lowered:
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: the disk holding {path} is full.{hint} Free some space on that disk "
                           "(or ask IT to), then try again."), action=doing, path=path, hint=kept))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: the record database {path} is busy (another mscdose window or a "
                           "backup is using it).{hint} Wait a moment and try again."),
            action=doing, path=path, hint=kept))
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in lowered or "malformed" in lowered:
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: {path} is not an mscdose record database or it is damaged.{hint} "
                           "{restore}"), action=doing, path=path, hint=kept, restore=word(_RESTORE)))
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in lowered:
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: the disk holding {path} reported an input/output error.{hint} Check "
                           "that it has free space and is still attached, then try again; if it keeps failing, "
                           "restore the latest backup onto a sound disk or set MSCDOSE_DATA_DIR to another folder."),
            action=doing, path=path, hint=kept))
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in lowered or isinstance(error, OSError):
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: the record database {path} cannot be opened or created ({text}).{hint} "
                           "Check that its folder exists and is writable, or set MSCDOSE_DATA_DIR to one that is."),
            action=doing, path=path, text=text, hint=kept))
    if isinstance(error, sqlite3.Error) and not writing:  # while reading, anything else is damage
        return damaged(path, action, f"SQLite: {text}")
    if isinstance(error, sqlite3.Error):
        return StoreError(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {action}: the record database {path} reported: {text}.{hint}"),
            action=doing, path=path, text=text, hint=kept))
    return StoreError(said(QT_TRANSLATE_NOOP("CoreMessage", "Could not {action} ({path}): {text}"),
                           action=doing, path=path, text=text))
