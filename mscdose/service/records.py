"""Opening the record store for a use case, with every failure as one `StoreUnavailable` message.

The window and the command line both open it here, so a damaged, locked or read-only database gives the
same words (and, on the command line, the same exit status) whichever command met it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.service.errors import InvalidInput, StoreUnavailable

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore


def open_store(path: str | Path | None = None, *, must_exist: bool = False) -> RecordStore:
    """The record store at `path` (default: the shared PostgreSQL store when MSCDOSE_DATABASE_URL is set, else
    the data folder's SQLite file). `must_exist` refuses a file that is not there
    rather than creating an empty store (for --database, which names a copy that should exist)."""
    from mscdose.records.store import StoreError

    if path is not None and must_exist and not Path(path).is_file():
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--database: “{path}” is not a file; give an existing record database (or leave "
                           "--database out to use the data folder's)."),
            path=path), field="database", given=str(path))
    try:
        # --- issue 17 (pg): MSCDOSE_DATABASE_URL=postgresql://... chooses the shared PostgreSQL store when no
        # --database file is named; without it, the SQLite file as before. Both are a RecordStore. ---
        from mscdose.records.postgres import open_record_store

        return open_record_store(Path(path) if path is not None else None)
        # --- end issue 17 ---
    except StoreError as error:
        raise StoreUnavailable(error.said or str(error), field="database", given=str(path or "")) from None


@contextlib.contextmanager
def store_errors() -> Iterator[None]:
    """Turn the store's own errors inside the block into `StoreUnavailable`."""
    from mscdose.records.store import StoreError

    try:
        yield
    except StoreError as error:
        raise StoreUnavailable(error.said or str(error)) from None


@contextlib.contextmanager
def opened_store(path: str | Path | None = None, *, must_exist: bool = False) -> Iterator[RecordStore]:
    """`open_store` for the length of a block, closed afterwards; store errors become `StoreUnavailable`."""
    store = open_store(path, must_exist=must_exist)
    try:
        with store_errors():
            yield store
    finally:
        store.close()
