"""Export CSV from the History window without holding the window (issue 18: 100,000 records take seconds).

The export runs in a worker thread on its own read-only connection to the same file (a SQLite connection
belongs to the thread that made it, and the window keeps reading its own). Meanwhile the window stays live,
its Export button off and a line saying the export is running; the worker hands back the rows written or the
error through a Qt signal, which Qt queues to the window's thread. The file appears whole or not at all
(`csv_export._written` renames it into place only when complete), and closing the window waits for the
export to finish, so a closed window is never told and never a half-made file left behind.

Where a second connection could read something other than what the window shows (a store migrated in memory,
PostgreSQL's own connections), the export runs as before, in the window's thread: `in_background` says which.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from mscdose.records.store import RecordStore, StoreError


def in_background(store: RecordStore) -> bool:
    """Whether `store` can be read again on a second connection of the worker's own: a SQLite file at the
    current schema (not PostgreSQL, not a copy migrated in memory)."""
    return type(store) is RecordStore and not store.migrated_in_memory and store.path is not None


class CsvExport(QObject):
    """One export at a time: `start` runs it in a worker thread; `finished(rows, error)` comes back in the
    thread of this object (the window's), rows None when it failed, error None when it worked."""

    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, store_path: Path, target: Path) -> None:
        if self.running():
            raise RuntimeError("an export is already running")
        # Not a daemon: an application quitting meanwhile finishes the file before the process ends.
        self._thread = threading.Thread(target=self._run, args=(store_path, target), name="mscdose-csv-export")
        self._thread.start()

    def wait(self) -> None:
        """Until the export has finished (closing the window waits, so the file is whole when it closes)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self, store_path: Path, target: Path) -> None:
        rows, error = export(store_path, target)
        self.finished.emit(rows, error)


def export(store_path: Path, target: Path) -> tuple[int | None, str | None]:
    """The worker's export: its own read-only connection to the file, then `outcome`. Whatever fails, an
    answer comes back (a window left saying "Exporting…" with its button off would be worse than an error)."""
    try:
        with RecordStore.open_read_only(store_path) as store:
            return outcome(store, target)
    except StoreError as error:
        return None, str(error)
    except Exception as error:  # a worker thread has no one else to tell
        return None, f"Could not open the records to export them to {target}: {error}"


def outcome(store: RecordStore, target: Path) -> tuple[int | None, str | None]:
    """(rows written, None), or (None, what went wrong): an error is always an answer, never lost with a
    thread. The store's own errors are its words; anything else is said with the file's name."""
    try:
        return store.export_csv(target), None
    except StoreError as error:
        return None, str(error)
    except Exception as error:  # a worker thread has no one else to tell
        return None, f"Could not write the CSV export {target}: {error}"
