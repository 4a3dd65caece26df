"""Reprint a saved record's worksheet: the saved document, never a recomputation, marked REPRINT.

Shared by `mscdose reprint` and the History window. Every attempt is logged as a print event, success or
failure, so the record always says truthfully whether a worksheet exists.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from mscdose.records.store import RecordStore, SavedRecord


def reprint(store: RecordStore, record: SavedRecord, path: Path, *, page_size: str = "A4",
            site_name: str = "") -> str | None:
    """Write the reprint PDF; return None on success or a message saying what went wrong.

    Raises StoreError only if the print event itself cannot be logged."""
    try:
        from mscdose.worksheet.render import write_worksheet_pdf
    except ImportError as error:
        problem = f"the worksheet printer is not available in this build ({error}); nothing was printed"
        store.mark_printed(record.id, False, f"reprint to {path} failed: {problem}")
        return f"Could not reprint record {record.id}: {problem}."
    try:
        write_worksheet_pdf(record.document, path, page_size=page_size, record_id=record.id,
                            reprint_at=datetime.now(UTC), preview_reason=None, site_name=site_name)
    except Exception as error:  # the renderer's failure must be logged whatever it is, then reported
        store.mark_printed(record.id, False, f"reprint to {path} failed: {error}")
        return (f"Could not reprint record {record.id} to {path}: {error}. The failure is logged; "
                "check the folder is writable and try again.")
    store.mark_printed(record.id, True, f"reprint to {path}")
    return None
