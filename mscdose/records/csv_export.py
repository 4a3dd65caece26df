"""CSV export: one row a record, for the trial's data manager.

Plain numbers in the unit the column names (cells in millions, volumes in mL), never `e` notation, so a
spreadsheet reads them as numbers. Text that a spreadsheet would run as a formula (a name typed as
`=...`) is prefixed with an apostrophe. Written to a temporary file and renamed, so a failed export never
leaves a half-written file under the requested name.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from mscdose.core.display import MILLION, plain
from mscdose.records.errors import StoreError, explain
from mscdose.records.store import SavedRecord


def _number(value: Any, scale: Decimal = Decimal(1), places: int = 6) -> str:
    try:
        return _number_cached(value, scale, places)
    except TypeError:  # an unhashable value (a damaged document): the same answer, uncached
        return _number_of(value, scale, places)


def _number_of(value: Any, scale: Decimal, places: int) -> str:
    if value is None or isinstance(value, bool):
        return ""
    return plain(Decimal(str(value)) / scale, places)


# Issue 18: the same few volumes and doses recur in thousands of rows. typed=True keeps True apart from 1 and 1
# from 1.0; equal values of one type have the same text (±0.0 both give "0").
_number_cached = functools.lru_cache(maxsize=8192, typed=True)(_number_of)


def _text(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _flags(flags: Any) -> str:
    return _text("; ".join(f"{f.get('code')} ({f.get('severity')})" for f in flags or []))


def _overrides(overrides: Any) -> str:
    return _text("; ".join(f"{o.get('code')}: {o.get('reason')} ({o.get('initials')})" for o in overrides or []))


def _inputs(r: SavedRecord) -> dict[str, Any]:
    return r.document.get("inputs") or {}


def _part(r: SavedRecord, key: str) -> dict[str, Any]:
    value = r.document.get(key)
    return value if isinstance(value, dict) else {}


COLUMNS: list[tuple[str, Callable[[SavedRecord], str]]] = [
    ("record_id", lambda r: str(r.id)),
    ("saved_at_utc", lambda r: r.created_at.isoformat(timespec="seconds")),
    ("patient_id", lambda r: _text(r.patient_id)),
    ("patient_name", lambda r: _text(r.patient_name)),
    ("status", lambda r: r.status),
    ("prepared_by", lambda r: _text(r.prepared_by)),
    ("checked_by", lambda r: _text(r.checked_by)),
    ("protocol_id", lambda r: _text(r.protocol_id)),
    ("protocol_version", lambda r: _text(r.protocol_version)),
    ("protocol_sha256", lambda r: r.protocol_sha256),
    ("lot_number", lambda r: _text(r.lot_number)),
    ("din", lambda r: _text(r.din)),
    ("weight_kg", lambda r: _number(_inputs(r).get("weight_kg"))),
    ("dose_entered", lambda r: _text(_inputs(r).get("dose_entered"))),
    ("target_dose_million_cells", lambda r: _number(r.document.get("target_dose_cells"), MILLION)),
    ("concentration_million_cells_per_ml", lambda r: _number(_inputs(r).get("concentration_cells_per_ml"), MILLION)),
    ("count_basis", lambda r: _text(_inputs(r).get("count_basis"))),
    ("viability_percent", lambda r: _number(_inputs(r).get("viability_percent"))),
    ("volume_exact_ml", lambda r: _number(r.document.get("volume_exact_ml"), places=4)),
    ("volume_to_draw_ml", lambda r: _number(r.document.get("volume_to_draw_ml"))),
    ("delivered_dose_million_cells", lambda r: _number(r.document.get("delivered_dose_cells"), MILLION)),
    ("delivered_dose_million_cells_per_kg",
     lambda r: _number(r.document.get("delivered_dose_cells_per_kg"), MILLION, places=4)),
    ("bags_needed", lambda r: _number(r.document.get("bags_needed"))),
    ("diluent_ml", lambda r: _number(r.document.get("diluent_volume_ml"))),
    ("final_volume_ml", lambda r: _number(r.document.get("final_volume_ml"))),
    ("infusion_rate_ml_per_h", lambda r: _number(r.document.get("infusion_rate_ml_per_h"))),
    ("drip_rate_gtt_per_min", lambda r: _number(r.document.get("drip_rate_gtt_per_min"))),
    ("flags", lambda r: _flags(r.document.get("flags"))),
    ("overrides", lambda r: _overrides(r.document.get("overrides"))),
    ("printed", lambda r: "yes" if r.printed else "no"),
    ("supersedes", lambda r: "" if r.supersedes is None else str(r.supersedes)),
    ("superseded_by", lambda r: "" if r.superseded_by is None else str(r.superseded_by)),
    ("correction_reason", lambda r: _text(r.correction_reason)),
    ("computed_at", lambda r: _text(r.document.get("computed_at"))),
    ("app_version", lambda r: _text(r.app_version)),
    ("sha256", lambda r: r.sha256),
    # issue 19, appended so that the columns above (and every old record's cells in them) stay as they were;
    # empty for records saved before it
    ("date_of_birth", lambda r: _text(_part(r, "patient").get("date_of_birth"))),
    ("prescriber", lambda r: _text(_part(r, "order").get("prescriber"))),
    ("order_reference", lambda r: _text(_part(r, "order").get("reference"))),
    ("order_date", lambda r: _text(_part(r, "order").get("date"))),
]


# The document keys the columns above read: the export asks the store for only these (issue 18: a listing
# need not parse each 5 KB document whole). tests/records/test_streaming.py proves the file is byte-identical
# to the one written from full records, so a column reading a key missing here fails there.
DOCUMENT_KEYS = ("inputs", "target_dose_cells", "volume_exact_ml", "volume_to_draw_ml", "delivered_dose_cells",
                 "delivered_dose_cells_per_kg", "bags_needed", "diluent_volume_ml", "final_volume_ml",
                 "infusion_rate_ml_per_h", "drip_rate_gtt_per_min", "flags", "overrides", "computed_at", "patient",
                 "order", "lot_number")


def partial_path(path: Path) -> Path:
    """Where the export is written before it is renamed into place."""
    return path.with_name(f".{path.name}.partial")


def write_csv(records: Iterable[SavedRecord], path: Path) -> int:
    """Write the records to `path` (UTF-8 with a byte-order mark so spreadsheets read accents right); returns
    the rows written. `records` is iterated once and may be a generator (`RecordStore.iter_history`: issue 18,
    never all held at once). Streaming means a record that cannot be read can be met halfway: whatever is
    raised, the temporary file is removed and the requested name never holds a partial export."""
    return write_rows(([cell(record) for _, cell in COLUMNS] for record in records), path)


def write_rows(rows: Iterable[list[str]], path: Path) -> int:
    """`write_csv` of rows already made (COLUMNS' cells of each record, in order)."""
    def fill(writer: Any, handle: TextIO) -> int:
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
        return count

    return _written(path, fill)


def write_texts(pieces: Iterable[tuple[int, str]], path: Path) -> int:
    """`write_csv` of rows already written as CSV text, a span at a time ((rows, text), in order): the SQLite
    store's export (`iter_texts`), whose spans may come from a helper process."""
    def fill(writer: Any, handle: TextIO) -> int:
        count = 0
        for rows, text in pieces:
            handle.write(text)
            count += rows
        return count

    return _written(path, fill)


def _written(path: Path, fill: Callable[[Any, TextIO], int]) -> int:
    """The file with its mark and header, then what `fill` writes, renamed into place only when whole."""
    temporary = partial_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # "utf-8" and the mark written once: the bytes of "utf-8-sig", whose encoder is Python code called for
        # every row (issue 18)
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write("\ufeff")
            writer = csv.writer(handle)
            writer.writerow([name for name, _ in COLUMNS])
            count = fill(writer, handle)
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise explain(error, path, "write the CSV export") from None
        if isinstance(error, (ValueError, TypeError)) and not isinstance(error, StoreError):
            raise StoreError(f"Could not write the CSV export {path}: {error}") from None
        raise
    return count


# --- issue 18: the rows made from SQLite's columns, without a SavedRecord or a parsed document -------------

# the document values COLUMNS read, as JSON paths (one JSON array from SQLite, numbers in their stored text)
_PATHS = ("inputs.weight_kg", "inputs.dose_entered", "target_dose_cells", "inputs.concentration_cells_per_ml",
          "inputs.count_basis", "inputs.viability_percent", "volume_exact_ml", "volume_to_draw_ml",
          "delivered_dose_cells", "delivered_dose_cells_per_kg", "bags_needed", "diluent_volume_ml",
          "final_volume_ml", "infusion_rate_ml_per_h", "drip_rate_gtt_per_min", "flags", "overrides",
          "computed_at", "patient.date_of_birth", "order.prescriber", "order.reference", "order.date",
          "lot_number", "inputs.din")
# the header's text columns already through `_text` when they are text (a formula-like start gets its
# apostrophe in SQL); any other type is left to `_text` itself (`_u`)
_GUARDED = ", ".join(
    f"CASE WHEN typeof({name}) = 'text' AND substr({name}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)) "
    f"THEN char(39) || {name} ELSE {name} END"
    for name in ("patient_id", "patient_name", "prepared_by", "checked_by", "protocol_id", "protocol_version",
                 "correction_reason", "app_version"))
ROW_SELECT = (
    f"SELECT id, created_at, {_GUARDED}, status, protocol_sha256, sha256, supersedes, "
    "EXISTS (SELECT 1 FROM print_events p WHERE p.record_id = records.id AND p.ok = 1 "
    "AND p.detail NOT LIKE 'label%'), "
    "(SELECT MIN(s.id) FROM records s WHERE s.supersedes = records.id), "
    # `inputs` an object, null or absent: its values are read by path (absent ones as null, as `or {}` reads
    # them); any other `inputs` (where COLUMNS may fail) and any document that is not a JSON object: NULL, and
    # the record is read whole and made by COLUMNS themselves
    "CASE WHEN NOT json_valid(document) THEN NULL WHEN json_type(document) = 'object' "
    "AND coalesce(json_type(document, '$.inputs'), 'null') IN ('object', 'null') THEN json_extract(document, "
    + ", ".join("'$." + ".".join(f'"{part}"' for part in path.split(".")) + "'" for path in _PATHS)
    + ") END FROM records ORDER BY id"
)
_FORMULA = frozenset(("=", "+", "-", "@", "\t", "\r"))


# Issue 18: a span of records at a time (two_process.py), every other span possibly in a helper process. The
# columns that depend on later rows (printed, superseded by) are bounded by the last record and print event of
# the caller's snapshot, so both processes read the store as it was when the export began.
SPAN_SELECT = (ROW_SELECT
               .replace("AND p.detail NOT LIKE 'label%')", "AND p.detail NOT LIKE 'label%' AND p.id <= ?)")
               .replace("WHERE s.supersedes = records.id)", "WHERE s.supersedes = records.id AND s.id <= ?)")
               .replace(" FROM records ORDER BY id", " FROM records WHERE id BETWEEN ? AND ? ORDER BY id"))


def iter_texts(conn: Any, get: Callable[[int], SavedRecord], path: Path | None) -> Iterator[tuple[int, str]]:
    """The CSV text of every record (rows, text), oldest first, a span at a time: COLUMNS' cells made from
    SQLite's columns (tests/records/test_listing_fast_paths.py proves them equal to COLUMNS' of the full
    records). With `path` (the store's file at the current schema) and many records, a helper process makes
    every other span. The caller holds one read transaction (store.export_csv)."""
    from mscdose.records import two_process

    spans = two_process.id_spans(conn)
    if not spans:
        return iter(())
    bounds = conn.execute("SELECT coalesce(max(id), 0) FROM print_events").fetchone()[0], spans[-1][1]
    threshold = two_process.parallel_from()
    helper = path is not None and threshold is not None and len(spans) * two_process.SPAN >= threshold
    return two_process.ordered_results(path or Path(), export_span, two_process.Reading(conn, get),
                                       [(*bounds, lo, hi) for lo, hi in spans], helper=helper)


def export_span(reading: Any, span: tuple[int, ...]) -> tuple[int, str]:
    """(rows, CSV text) of the records with ids from span[2] to span[3]; span[0] and span[1]: the last print
    event and record the export counts."""
    get = reading.get
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = reading.conn.execute(SPAN_SELECT, span).fetchall()
    writer.writerows(_row(row, get) for row in rows)
    return len(rows), buffer.getvalue()


def _t(value: Any) -> str:
    """_text, inlined for the common case (text not starting like a formula)."""
    if type(value) is str and value[:1] not in _FORMULA:
        return value
    return _text(value)


def _u(value: Any) -> str:
    """A header column from ROW_SELECT: text is already as `_text` makes it."""
    return value if type(value) is str else _text(value)


def _row(row: tuple[Any, ...], get: Callable[[int], SavedRecord]) -> list[str]:
    (rid, created_at, patient_id, patient_name, prepared_by, checked_by, protocol_id, protocol_version,
     correction_reason, app_version, status, protocol_sha256, sha256, supersedes, printed, superseded_by,
     picked) = row
    try:
        saved_at = datetime.fromisoformat(created_at).isoformat(timespec="seconds")
    except (ValueError, TypeError, OverflowError):
        picked = None
    if picked is None:
        record = get(rid)  # names a damaged document or time as history() does; else COLUMNS decide
        return [cell(record) for _, cell in COLUMNS]
    (weight, dose_entered, target, concentration, count_basis, viability, exact, draw, delivered, per_kg, bags,
     diluent, final, rate, drip, flags, overrides, computed_at, date_of_birth, prescriber, reference, order_date,
     lot, din) = json.loads(picked)
    number = _number
    return [
        str(rid), saved_at, _u(patient_id), _u(patient_name), status, _u(prepared_by),
        _u(checked_by), _u(protocol_id), _u(protocol_version), protocol_sha256, _t(str(lot or "")),
        _t(str(din or "")), number(weight), _t(dose_entered), number(target, MILLION), number(concentration, MILLION),
        _t(count_basis), number(viability), number(exact, places=4), number(draw), number(delivered, MILLION),
        number(per_kg, MILLION, places=4), number(bags), number(diluent), number(final), number(rate), number(drip),
        _flags(flags), _overrides(overrides), "yes" if printed else "no",
        "" if supersedes is None else str(supersedes), "" if superseded_by is None else str(superseded_by),
        _u(correction_reason), _t(computed_at), _u(app_version), sha256, _t(date_of_birth), _t(prescriber),
        _t(reference), _t(order_date),
    ]
