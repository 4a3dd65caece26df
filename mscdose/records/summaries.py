"""Reading records at 100,000: streamed full records, and the History window's summaries read by SQL.

Why: building every record with its JSON document parsed took 12 s and 3 GB at 100,000 records (issue 18).
- `iter_records` yields full records a batch at a time (`fetchmany`) from ONE statement, so `history` and
  `export` hold a batch, never the store, and still read one consistent snapshot (SQLite keeps a statement's
  read transaction until it ends, even while other programs save).
- History shows a dozen columns, not documents: `ordered_ids` lets SQLite filter and sort (the few document
  fields through `json_extract`, in C) and returns only record ids, in order; `summaries` then reads the
  columns of one page of ids. A full record (`RecordStore.get`) is read only to Show or Reprint one.
Patient text is compared with Python's `casefold` (registered as an SQL function), as before: SQLite's
`lower()` folds only ASCII, and "Émile" must match "émile".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

BATCH = 500  # rows a fetchmany brings at once: a few MB at most, whatever the store's size
PAGE = 200  # summaries the History window loads at a time
CASEFOLD = "mscdose_casefold"

STATUS_ALL, STATUS_OK, STATUS_WARNING, STATUS_SUPERSEDED = "all", "ok", "warning", "superseded"

_PRINTED = "EXISTS (SELECT 1 FROM print_events p WHERE p.record_id = r.id AND p.ok = 1)"
_SUPERSEDED_BY = "(SELECT MIN(s.id) FROM records s WHERE s.supersedes = r.id)"
_VOLUME = "json_extract(r.document, '$.volume_to_draw_ml')"
_DOSE = "json_extract(r.document, '$.delivered_dose_cells')"
_LOT = "json_extract(r.document, '$.lot_number')"
_DIN = "json_extract(r.document, '$.inputs.din')"

# the History columns' sort keys in SQL: the same order the old Python keys gave (raw numbers, UTC time,
# case-folded text); a missing number sorts as -1, below every real one
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "Record": ("r.id",),
    "Saved": ("r.created_at",),
    "Patient ID": (f"{CASEFOLD}(r.patient_id)",),
    "Name": (f"{CASEFOLD}(r.patient_name)",),
    "Status": ("r.status",),
    "Volume to draw": (f"COALESCE(CAST({_VOLUME} AS REAL), -1)",),
    "Dose delivered": (f"COALESCE(CAST({_DOSE} AS REAL), -1)",),
    "Lot / DIN": (f"{CASEFOLD}(COALESCE({_LOT}, '') || ' / ' || COALESCE({_DIN}, ''))",),
    "Prepared by": (f"{CASEFOLD}(r.prepared_by)",),
    "Checked by": (f"{CASEFOLD}(r.checked_by)",),
    "Printed": (_PRINTED,),
    "Correction": ("COALESCE(r.supersedes, 0)", f"{_SUPERSEDED_BY} IS NOT NULL"),
}


@dataclass(frozen=True)
class RecordSummary:
    """What one row of History shows; no document. `RecordStore.get(id)` reads the full record."""

    id: int
    created_at: datetime
    patient_id: str
    patient_name: str
    status: str
    volume_to_draw_ml: Any
    delivered_dose_cells: Any
    lot_number: str
    din: str
    prepared_by: str
    checked_by: str
    printed: bool
    supersedes: int | None
    superseded_by: int | None
    correction_reason: str
    sha256: str


@dataclass(frozen=True)
class SummaryFilter:
    """History's filters: patient ID or name contains `patient` (any case), saved at or after `since_utc`
    (fixed-width UTC text, see store_sql._lower_bound), and a status (all, ok, warning, superseded)."""

    patient: str = ""
    since_utc: str = ""
    status: str = STATUS_ALL


def _casefold(value: Any) -> str:
    return value.casefold() if isinstance(value, str) else ""


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function(CASEFOLD, 1, _casefold, deterministic=True)


def _where(selection: SummaryFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    patient = (selection.patient or "").strip().casefold()
    if patient:
        clauses.append(f"(instr({CASEFOLD}(r.patient_id), ?) > 0 OR instr({CASEFOLD}(r.patient_name), ?) > 0)")
        params += [patient, patient]
    if selection.since_utc:
        clauses.append("r.created_at >= ?")
        params.append(selection.since_utc)
    if selection.status == STATUS_SUPERSEDED:
        clauses.append("EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id)")
    elif selection.status in (STATUS_OK, STATUS_WARNING):
        clauses.append("r.status = ?")
        params.append(selection.status)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def ordered_ids(conn: sqlite3.Connection, selection: SummaryFilter, column: str = "Record",
                descending: bool = True) -> list[int]:
    """The ids of the records the filter keeps, in the column's order (ties by record number, so the order is
    the same every time). Ids only: 100,000 of them are under 4 MB. The document columns sort on the indexed
    summary table (schema version 6) when it covers every record; else on the documents themselves."""
    register_functions(conn)
    where, params = _where(selection)
    direction = "DESC" if descending else "ASC"
    if (column in SUMMARY_SORT_KEYS or (column == "Record" and not where)) and _summaries_complete(conn):
        key = SUMMARY_SORT_KEYS.get(column, "record_id")
        order = f"s.{key} {direction}" + (f", s.record_id {direction}" if key != "record_id" else "")
        # unfiltered: the summary index alone (a few MB), never the records' pages (hundreds of MB at 100,000)
        joined = f"JOIN records r ON r.id = s.record_id {where} " if where else ""
        return [row[0] for row in conn.execute(
            f"SELECT s.record_id FROM {SUMMARY_TABLE} s {joined}ORDER BY {order}", params)]
    keys = ", ".join(f"{key} {direction}" for key in SORT_KEYS[column])
    order = f"r.id {direction}" if column == "Record" else f"{keys}, r.id {direction}"
    return [row[0] for row in conn.execute(f"SELECT r.id FROM records r {where} ORDER BY {order}", params)]


# --- schema version 6 (issue 18): History's document columns as sort keys, one row a record --------------

SUMMARY_TABLE = "record_summaries"
SUMMARY_SORT_KEYS = {"Volume to draw": "volume_key", "Dose delivered": "dose_key", "Lot / DIN": "lot_din_key"}
# The values are exactly SORT_KEYS' expressions for that record (a damaged document: -1, -1, ""), so sorting on
# them gives the same order. Computed once when the record is saved (in its transaction) or by the migration.
_SUMMARY_VALUES = (
    "SELECT r.id, "
    f"CASE WHEN json_valid(r.document) THEN {SORT_KEYS['Volume to draw'][0]} ELSE -1 END, "
    f"CASE WHEN json_valid(r.document) THEN {SORT_KEYS['Dose delivered'][0]} ELSE -1 END, "
    f"CASE WHEN json_valid(r.document) THEN {SORT_KEYS['Lot / DIN'][0]} ELSE '' END "
    "FROM records r"
)
MIGRATION_6: list[Any] = [
    f"""
    CREATE TABLE {SUMMARY_TABLE} (
        record_id INTEGER PRIMARY KEY REFERENCES records(id),
        volume_key REAL NOT NULL,
        dose_key REAL NOT NULL,
        lot_din_key TEXT NOT NULL
    )
    """,
    f"CREATE TRIGGER {SUMMARY_TABLE}_no_update BEFORE UPDATE ON {SUMMARY_TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{SUMMARY_TABLE} are append-only: they follow their record'); END",
    f"CREATE TRIGGER {SUMMARY_TABLE}_no_delete BEFORE DELETE ON {SUMMARY_TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{SUMMARY_TABLE} are append-only: they follow their record'); END",
    f"CREATE INDEX {SUMMARY_TABLE}_by_volume ON {SUMMARY_TABLE} (volume_key, record_id)",
    f"CREATE INDEX {SUMMARY_TABLE}_by_dose ON {SUMMARY_TABLE} (dose_key, record_id)",
    f"CREATE INDEX {SUMMARY_TABLE}_by_lot ON {SUMMARY_TABLE} (lot_din_key, record_id)",
    lambda conn: backfill_summaries(conn),
]


def backfill_summaries(conn: sqlite3.Connection) -> None:
    """Migration 6: one summary row for every existing record, by INSERTs only (no record is touched)."""
    register_functions(conn)
    conn.execute(f"INSERT INTO {SUMMARY_TABLE} {_SUMMARY_VALUES} ORDER BY r.id")


def add_summary(conn: sqlite3.Connection, record_id: int) -> None:
    """The summary row of a record just inserted, in the save's transaction."""
    register_functions(conn)
    conn.execute(f"INSERT INTO {SUMMARY_TABLE} {_SUMMARY_VALUES} WHERE r.id = ?", (record_id,))


def _summaries_complete(conn: sqlite3.Connection) -> bool:
    """The table exists (version 6) and has a row for every record (it always should: same transaction)."""
    if not isinstance(conn, sqlite3.Connection) or conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (SUMMARY_TABLE,)).fetchone() is None:
        return False
    return bool(conn.execute(f"SELECT (SELECT COUNT(*) FROM records) = (SELECT COUNT(*) FROM {SUMMARY_TABLE})"
                             ).fetchone()[0])


def summaries(conn: sqlite3.Connection, ids: Sequence[int]) -> list[RecordSummary]:
    """The summaries of these records, in the order of `ids` (one page: a few hundred at most)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(
        "SELECT r.id, r.created_at, r.patient_id, r.patient_name, r.status, "
        f"{_VOLUME}, {_DOSE}, {_LOT}, {_DIN}, r.prepared_by, r.checked_by, {_PRINTED}, r.supersedes, "
        f"{_SUPERSEDED_BY}, r.correction_reason, r.sha256 FROM records r WHERE r.id IN ({marks})", list(ids))
    found = {}
    for row in rows:
        (record_id, created_at, patient_id, patient_name, status, volume, dose, lot, din, prepared_by, checked_by,
         printed, supersedes, superseded_by, reason, sha256) = row
        found[record_id] = RecordSummary(
            record_id, datetime.fromisoformat(created_at), patient_id, patient_name, status, volume, dose,
            "" if lot is None else str(lot), "" if din is None else str(din), prepared_by, checked_by,
            bool(printed), supersedes, superseded_by, reason, sha256)
    return [found[i] for i in ids if i in found]


def iter_records(conn: sqlite3.Connection, select: str, params: Sequence[Any],
                 build: Callable[[tuple[Any, ...]], Any], batch: int = BATCH) -> Iterator[Any]:
    """Every row of one SELECT as built by `build`, `batch` rows at a time: memory stays flat."""
    cursor = conn.execute(select, params)
    try:
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            for row in rows:
                yield build(row)
    finally:
        cursor.close()  # a caller that stops early ends the statement (and its read snapshot) at once


def projected_select(select_records: str, keys: Sequence[str]) -> str:
    """store_sql._SELECT_RECORDS with its `document` column replaced by a JSON array of the document's values at
    these top-level keys (one parse in SQLite, in C), or NULL when the document is not a JSON object."""
    if not keys:
        raise ValueError("a projection needs at least one document key")
    padded = list(keys) * 2 if len(keys) == 1 else keys  # one path would give the bare value, not an array
    paths = ", ".join("'$.\"" + key.replace('"', "").replace("'", "") + "\"'" for key in padded)
    picked = (f"CASE WHEN NOT json_valid(document) THEN NULL WHEN json_type(document) = 'object' "
              f"THEN json_extract(document, {paths}) END")
    head, tail = select_records.split(", document, ", 1)
    return f"{head}, {picked}, {tail}"
