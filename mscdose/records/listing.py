"""`mscdose history` at 100,000 records (issue 18): each line built from the few columns it shows.

Why: a line shows eleven values. Building a full SavedRecord for it (its hash columns, the ledger's chain head,
a dict of the document) cost more than the line itself. Here SQLite reads those values only — the three
document values through its JSON functions, in C, as one JSON array so numbers keep their stored text — and
`readable.line_of`, the very function `history_line` calls, formats them. A document SQLite cannot read as a
JSON object is read whole (`RecordStore.get`), which names the damage exactly as `history()` does.
tests/records/test_listing_fast_paths.py proves the lines equal those of full records.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from mscdose.records.errors import damaged
from mscdose.records.readable import history_line, line_of
from mscdose.records.summaries import BATCH

LINE_KEYS = ("volume_to_draw_ml", "delivered_dose_text", "delivered_dose_cells")  # what history_line reads
_DAMAGE = (ValueError, TypeError, KeyError, OverflowError, AttributeError, ArithmeticError, UnicodeError)
_LINE_SELECT = (
    "SELECT id, created_at, patient_id, patient_name, status, prepared_by, supersedes, "
    "EXISTS (SELECT 1 FROM print_events p WHERE p.record_id = records.id AND p.ok = 1 "
    "AND p.detail NOT LIKE 'label%'), "
    "(SELECT MIN(s.id) FROM records s WHERE s.supersedes = records.id), "
    "CASE WHEN NOT json_valid(document) THEN NULL WHEN json_type(document) = 'object' THEN json_extract(document, "
    + ", ".join(f"'$.\"{key}\"'" for key in LINE_KEYS) + ") END FROM records"
)


def lines_of_records(records: Iterable[Any]) -> Iterator[str]:
    """The other back ends: history_line of each record."""
    return map(history_line, records)


def iter_lines(conn: sqlite3.Connection, where: str, params: list[Any], get: Callable[[int], Any], path: Path
               ) -> Iterator[str]:
    """The lines of the records the WHERE clause keeps, oldest first, a batch of rows at a time."""
    cursor = conn.execute(f"{_LINE_SELECT} {where} ORDER BY id", params)
    fromisoformat, loads = datetime.fromisoformat, json.loads
    try:
        while True:
            rows = cursor.fetchmany(BATCH)
            if not rows:
                return
            for rid, created_at, patient_id, name, status, prepared_by, supersedes, printed, later, picked in rows:
                if picked is None:  # not JSON, or not an object: read it whole, which names the damage
                    yield history_line(get(rid))
                    continue
                try:
                    moment = fromisoformat(created_at)
                except _DAMAGE as error:  # as store._record_from_row names it
                    raise damaged(path, f"read record {rid}", f"record {rid}: {error}") from None
                volume, dose_text, dose_cells = loads(picked)
                yield line_of(rid, moment, patient_id, name, status, volume, dose_text, dose_cells, prepared_by,
                              bool(printed), supersedes, later)
    finally:
        cursor.close()
