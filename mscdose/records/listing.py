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

from mscdose.records import two_process
from mscdose.records.errors import damaged
from mscdose.records.readable import history_line, line_of

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
# issue 18: the same columns a span of ids at a time, the later-rows columns bounded by the snapshot's last ids
_SPAN_SELECT = (_LINE_SELECT.replace("AND p.detail NOT LIKE 'label%')", "AND p.detail NOT LIKE 'label%' AND p.id <= ?)")
                .replace("WHERE s.supersedes = records.id)", "WHERE s.supersedes = records.id AND s.id <= ?)"))


def lines_of_records(records: Iterable[Any]) -> Iterator[str]:
    """The other back ends: history_line of each record."""
    return map(history_line, records)


def iter_lines(conn: sqlite3.Connection, where: str, params: list[Any], get: Callable[[int], Any], path: Path,
               shared: Path | None = None) -> Iterator[str]:
    """The lines of the records the WHERE clause keeps, oldest first, a span of ids at a time. With `shared`
    (the store's file at the current schema), no filter and many records, a helper process makes every other
    span (two_process.py); the caller holds one read transaction, and the columns that depend on later rows
    are bounded by the last ids of that snapshot, as csv_export's are."""
    spans = two_process.id_spans(conn)
    if not spans:
        return
    last_print = conn.execute("SELECT coalesce(max(id), 0) FROM print_events").fetchone()[0]
    threshold = two_process.parallel_from()
    helper = (shared is not None and not where and threshold is not None
              and len(spans) * two_process.SPAN >= threshold)
    filters = where.replace("WHERE ", " AND ", 1) if where else ""
    asked = [(last_print, spans[-1][1], lo, hi, filters, *params) for lo, hi in spans]
    for lines in two_process.ordered_results(shared or path, lines_span, two_process.Reading(conn, get, path),
                                             asked, helper=helper):
        yield from lines


def lines_span(reading: two_process.Reading, span: tuple[Any, ...]) -> list[str]:
    """The lines of the records from span[2] to span[3] that span[4]'s filters (" AND ..." with span[5:] as
    parameters) keep; span[0] and span[1]: the last print event and record the listing counts."""
    last_print, last_record, lo, hi, filters, *params = span
    rows = reading.conn.execute(f"{_SPAN_SELECT} WHERE id BETWEEN ? AND ?{filters} ORDER BY id",
                                (last_print, last_record, lo, hi, *params)).fetchall()
    fromisoformat, loads, get, made = datetime.fromisoformat, json.loads, reading.get, []
    for rid, created_at, patient_id, name, status, prepared_by, supersedes, printed, later, picked in rows:
        if picked is None:  # not JSON, or not an object: read it whole, which names the damage
            made.append(history_line(get(rid)))  # type: ignore[misc]
            continue
        try:
            moment = fromisoformat(created_at)
        except _DAMAGE as error:  # as store._record_from_row names it
            raise damaged(reading.path, f"read record {rid}", f"record {rid}: {error}") from None
        volume, dose_text, dose_cells = loads(picked)
        made.append(line_of(rid, moment, patient_id, name, status, volume, dose_text, dose_cells, prepared_by,
                            bool(printed), supersedes, later))
    return made
