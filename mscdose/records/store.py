"""The record store: every finalised calculation kept in SQLite, append-only and hash-chained.

Why it is built this way:
- A clinical trial must show months later exactly what was calculated, by whom, and that nobody changed
  it. Rows are never updated or deleted (triggers refuse it); a correction is a new record that
  supersedes the old one and says why; each record's SHA-256 covers the previous record's hash, and one
  ledger chains every record, print event and protocol approval in the order they happened (ledger.py),
  so a changed, deleted or reordered entry breaks the chain and `verify()` names it. Anchors (the ledger
  head written elsewhere) catch even a rewrite of the whole file.
- A save is committed (WAL, synchronous=FULL) before `save()` returns, so the worksheet is only printed
  for a record that is on disk, and a killed process never loses a committed record.
- Saves take the write lock first (`BEGIN IMMEDIATE`) and only then check the one-infusion limit and read
  the chain's head, so two programs saving at once queue up instead of forking the chain or both passing
  the limit.
- A blocked calculation can never be finalised: `save()` refuses it, whatever the caller did, and
  `verify()` fails any record whose stored document is not final.
- Reading never writes: `RecordStore.open_read_only()` (opening.py) for audit, history and export.

Where the code is: `RecordStore` is the one class to use, built from three modules so that each reads on its
own. This one opens the file, holds the two transactions (`_write`, `_reading`), reads records and history
and makes the copies (backup, CSV export); the writes (`save`, `mark_printed`, `approve_protocol`) are in
store_writing.py, auditing (`verify`, `verify_printed`, `integrity_problems`) in store_audit.py, and the SQL
they share in store_sql.py.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mscdose.core.identifiers import canonical_key
from mscdose.records import ledger, opening
from mscdose.records.errors import InfusionLimitReached, StoreError, damaged, explain
from mscdose.records.location import default_path
from mscdose.records.model import FINAL_STATUSES, PrintedCheck, PrintEvent, ProtocolApproval, SavedRecord
from mscdose.records.schema import SCHEMA_VERSION
from mscdose.records.store_audit import StoreAudit
from mscdose.records.store_sql import _DAMAGE, _SELECT_RECORDS, MAX_ID, _history_where, _one_snapshot
from mscdose.records.store_sql import _lower_bound as _lower_bound  # History's date filter (gui/history_model.py)
from mscdose.records.store_writing import StoreWriting
from mscdose.records.store_writing import utc_now as utc_now  # the writes' clock, importable here as before
from mscdose.records.verify import VerifyReport

if TYPE_CHECKING:  # issue 18
    from mscdose.records.summaries import RecordSummary, SummaryFilter

__all__ = [
    "FINAL_STATUSES",
    "SCHEMA_VERSION",
    "InfusionLimitReached",
    "PrintEvent",
    "PrintedCheck",
    "ProtocolApproval",
    "RecordStore",
    "SavedRecord",
    "StoreError",
    "VerifyReport",
    "default_path",
]

BUSY_TIMEOUT_S = 15.0


class RecordStore(StoreWriting, StoreAudit):
    """The append-only, hash-chained record store. One instance holds one SQLite connection.

    This public interface is the contract a PostgreSQL back end (issue 17) will implement unchanged: the
    methods take and return plain Python values (SavedRecord, PrintEvent, ProtocolApproval, VerifyReport,
    PrintedCheck) and raise only StoreError (and its subclasses NotARecordStore, InfusionLimitReached);
    nothing here hands out a database type. Writes are single transactions that check and insert together.
    """

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False,
                 anchor_file: Path | str | None = None) -> None:
        """Open (writable: creating or migrating it) the store at `path` (default: the data folder's).

        `anchor_file` (default: the MSCDOSE_ANCHOR_FILE setting) gets the anchor line after every write
        and is checked by verify()."""
        self.read_only = read_only
        self.migrated_in_memory = False
        self.last_anchor_problem: str | None = None
        self.anchor_file = Path(anchor_file) if anchor_file else ledger.anchor_file_from_environment()
        try:
            self.path = Path(path) if path is not None else default_path()
        except OSError as error:
            raise explain(error, Path(str(path or "the data folder")), "find the data folder") from None
        if read_only:
            self._conn, self.migrated_in_memory = opening.connect_read_only(self.path)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not opening.check_file(self.path, must_exist=False):
                opening.create_new(self.path, _connect)
        except OSError as error:
            raise explain(error, self.path, "open the record database") from None
        except sqlite3.Error as error:
            raise explain(error, self.path, "create the record database") from None
        self._conn = self._open()

    @classmethod
    def open_read_only(cls, path: Path | str | None = None, *, anchor_file: Path | str | None = None
                       ) -> RecordStore:
        """For verify, history, show, export: never creates, migrates or changes the file (see opening.py)."""
        return cls(path, read_only=True, anchor_file=anchor_file)

    def _open(self) -> sqlite3.Connection:
        action = "open the record database"
        try:
            conn = _connect(self.path)
        except sqlite3.Error as error:
            raise explain(error, self.path, action) from None
        try:
            opening.prepare_writable(conn, self.path)
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise explain(error, self.path, action) from None
        except _DAMAGE as error:  # e.g. SQLite's message quoting damaged bytes that are not UTF-8
            conn.close()
            raise damaged(self.path, action, f"{type(error).__name__}: {error}") from None
        return conn

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the database's write lock from its first statement; afterwards the
        new head goes to the anchor file (if the site set one)."""
        if self.read_only:
            raise StoreError(f"Could not {action}: {self.path} was opened read-only (for audit); nothing was "
                             "saved. Open it normally to save.")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise explain(error, self.path, action) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as error:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise explain(error, self.path, action) from None
            if isinstance(error, _DAMAGE) and not isinstance(error, StoreError):
                raise damaged(self.path, action, f"{type(error).__name__}: {error}; nothing was saved") from None
            raise
        self._append_anchor()

    def _append_anchor(self) -> None:
        self.last_anchor_problem = None
        if self.anchor_file is None:
            return
        try:
            entries, head = ledger.head(self._conn)
        except sqlite3.Error as error:
            self.last_anchor_problem = f"The entry was saved, but the anchor line could not be read ({error})."
            return
        self.last_anchor_problem = ledger.append_anchor(self.anchor_file, ledger.anchor_now(entries, head))

    @contextlib.contextmanager
    def _reading(self, action: str) -> Iterator[sqlite3.Connection]:
        """Every read: a damaged file or unreadable value becomes one StoreError line, never a traceback."""
        try:
            yield self._conn
        except StoreError:
            raise
        except sqlite3.Error as error:
            raise explain(error, self.path, action, writing=False) from None
        except _DAMAGE as error:
            raise damaged(self.path, action, f"{type(error).__name__}: {error}") from None

    # -- reading -------------------------------------------------------------------------------------

    def _query(self, where: str = "", params: tuple[Any, ...] = (), action: str = "read the records"
               ) -> list[SavedRecord]:
        with self._reading(action) as conn:
            rows = conn.execute(f"{_SELECT_RECORDS} {where} ORDER BY id", params).fetchall()
            return [_record_from_row(row, self.path) for row in rows]

    def get(self, record_id: int) -> SavedRecord:
        found = []
        if isinstance(record_id, int) and 1 <= record_id <= MAX_ID:
            found = self._query("WHERE id = ?", (record_id,), f"read record {record_id}")
        if not found:
            raise StoreError(f"There is no record {record_id} in {self.path}. "
                             "`mscdose history` (or the History window) lists the records.")
        return found[0]

    def history(self, patient_id: str | None = None, since: date | datetime | None = None) -> list[SavedRecord]:
        """Records oldest first, optionally of one patient (ID compared by canonical key: case, spaces,
        hyphens, zero-width characters and full-width forms ignored) and saved at or after `since` (a date
        means local midnight; a naive datetime is local time). For many records use `iter_history`."""
        return list(self.iter_history(patient_id, since))

    def iter_history(self, patient_id: str | None = None, since: date | datetime | None = None, *,
                     document_keys: Sequence[str] | None = None) -> Iterator[SavedRecord]:
        """As `history()`, yielded a batch at a time from one consistent read (issue 18: constant memory at
        100,000 records). Consume it before closing the store.

        `document_keys` (for listings: `history`, the CSV export): each record's `document` may hold only these
        top-level keys (one that the document lacks reads as None), picked out by SQLite, so a 5 KB document
        is not parsed whole for the few values a listing prints (other back ends give the whole document).
        A damaged document is still named as `history()` names it."""
        found = _history_where(patient_id, since)
        if found is None:
            return  # later than any time a record can carry
        where, params = found
        from mscdose.records.summaries import iter_records

        select, build = f"{_SELECT_RECORDS} {where} ORDER BY id", lambda row: _record_from_row(row, self.path)
        if document_keys is not None and isinstance(self._conn, sqlite3.Connection):  # SQLite's JSON functions
            from mscdose.records.summaries import projected_select

            select = projected_select(_SELECT_RECORDS, document_keys) + f" {where} ORDER BY id"
            build = self._projected_builder(tuple(document_keys))
        with self._reading("read the records") as conn:
            yield from iter_records(conn, select, params, build)

    def iter_history_lines(self, patient_id: str | None = None, since: date | datetime | None = None
                           ) -> Iterator[str]:
        """`mscdose history`'s lines (`readable.history_line` of each record of `iter_history`), streamed: SQLite
        reads only the columns a line shows (issue 18, records/listing.py)."""
        from mscdose.records import listing

        if not isinstance(self._conn, sqlite3.Connection):
            yield from listing.lines_of_records(self.iter_history(patient_id, since, document_keys=listing.LINE_KEYS))
            return
        found = _history_where(patient_id, since)
        if found is not None:
            with self._reading("read the records") as conn, _one_snapshot(conn):
                shared = None if self.migrated_in_memory else self.path
                yield from listing.iter_lines(conn, *found, self.get, self.path, shared)

    def _projected_builder(self, keys: tuple[str, ...]) -> Any:
        def build(row: tuple[Any, ...]) -> SavedRecord:
            picked = row[13]
            if picked is None:  # not JSON, or not an object: read it whole, which names the damage
                return self.get(row[0])
            values = json.loads(picked)[: len(keys)]
            return _record_from_row((*row[:13], None, *row[14:]), self.path,
                                    document=dict(zip(keys, values, strict=True)))
        return build

    # -- History window (issue 18): ids and summaries by SQL, no document parsed (records/summaries.py) --

    def history_ids(self, selection: SummaryFilter | None = None, column: str = "Record",
                    descending: bool = True) -> list[int]:
        """Ids of the records the filter keeps, sorted by a History column (ties by record number)."""
        from mscdose.records.summaries import SummaryFilter, ordered_ids

        with self._reading("list the records") as conn:
            return ordered_ids(conn, selection or SummaryFilter(), column, descending)

    def history_summaries(self, ids: Sequence[int]) -> list[RecordSummary]:
        """History's columns for these record ids, in the same order; `get(id)` reads a full record."""
        from mscdose.records.summaries import summaries

        with self._reading("read the records") as conn:
            return summaries(conn, ids)

    def earlier_infusions(self, patient_id: str, protocol_id: str | None = None) -> list[SavedRecord]:
        """A patient's standing infusions oldest first, each once: a record superseded by a correction is
        left out (its correction stands for it). With `protocol_id`, only under that protocol."""
        if not patient_id or not canonical_key(patient_id):
            return []
        records = [r for r in self.history(patient_id) if r.superseded_by is None]
        if protocol_id is not None:
            records = [r for r in records if canonical_key(r.protocol_id) == canonical_key(protocol_id)]
        return records

    def print_events(self, record_id: int | None = None) -> list[PrintEvent]:
        if record_id is not None and not (isinstance(record_id, int) and 1 <= record_id <= MAX_ID):
            return []
        where, params = ("WHERE record_id = ?", (record_id,)) if record_id is not None else ("", ())
        with self._reading("read the print log") as conn:
            rows = conn.execute(f"SELECT id, record_id, at, ok, detail FROM print_events {where} ORDER BY id",
                                params).fetchall()
            return [PrintEvent(r[0], r[1], datetime.fromisoformat(r[2]), bool(r[3]), str(r[4])) for r in rows]

    def approved_protocols(self) -> list[ProtocolApproval]:
        """Site protocol approvals, oldest first: (protocol_id, version, sha256, approved_by, at, reason)."""
        with self._reading("read the protocol approvals") as conn:
            return self._approvals(conn)

    @staticmethod
    def _approvals(conn: sqlite3.Connection) -> list[ProtocolApproval]:
        rows = conn.execute("SELECT protocol_id, version, protocol_sha256, approved_by, at, reason "
                            "FROM protocol_approvals ORDER BY id").fetchall()
        return [ProtocolApproval(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), r[5]) for r in rows]

    def count(self) -> int:
        with self._reading("count the records") as conn:
            return int(conn.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    # -- copies --------------------------------------------------------------------------------------

    def backup(self, path: Path | str) -> int:
        """A consistent copy made with SQLite's online backup API while the store stays in use.

        Written next to its destination first, verified there, and only then renamed into place, so a
        failed or unverifiable backup never appears under the requested name. Returns the records copied."""
        from mscdose.records.backups import write_backup

        return write_backup(self, self._conn, Path(path))

    @staticmethod
    def check_backup(path: Path | str) -> VerifyReport:
        """Verify a backup file without changing a byte of it (read-only, and SQLite's integrity check)."""
        from mscdose.records.backups import check_backup

        return check_backup(Path(path))

    def export_csv(self, path: Path | str) -> int:
        """One row a record for the trial's data manager; returns the number of rows written."""
        from mscdose.records.csv_export import DOCUMENT_KEYS, iter_texts, write_csv, write_texts

        with self._reading("export the records") as conn:  # issue 18: rows streamed, never all held
            if isinstance(conn, sqlite3.Connection):  # the cells made from SQLite's columns (csv_export.py)
                with _one_snapshot(conn):  # a span at a time, maybe by a helper process: one moment's records
                    shared = None if self.migrated_in_memory else self.path
                    return write_texts(iter_texts(conn, self.get, shared), Path(path))
            return write_csv(self.iter_history(document_keys=DOCUMENT_KEYS), Path(path))


def _connect(path: Path) -> sqlite3.Connection:
    """Open the database file. Separate so tests can open it read-only, as a locked-down folder would."""
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)


def _record_from_row(row: tuple[Any, ...], path: Path, document: dict[str, Any] | None = None) -> SavedRecord:
    """`document`: already read (a projection, see iter_history); otherwise the row's JSON is parsed.

    The one place a stored document becomes a SavedRecord, called by its name in this module (tests count the
    documents read by replacing `store._record_from_row`)."""
    (record_id, created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name,
     prepared_by, checked_by, status, supersedes, correction_reason, stored, prev_sha256, sha256, printed,
     superseded_by, chain_head) = row
    try:
        parsed = json.loads(stored) if document is None else document
        if not isinstance(parsed, dict):
            raise ValueError("the document is not an object")
        return SavedRecord(
            id=record_id, created_at=datetime.fromisoformat(created_at), document=parsed, sha256=sha256,
            prev_sha256=prev_sha256, status=status, patient_id=patient_id, printed=bool(printed),
            supersedes=supersedes, patient_name=patient_name, prepared_by=prepared_by, checked_by=checked_by,
            correction_reason=correction_reason, app_version=app_version, superseded_by=superseded_by,
            protocol_id=protocol_id, protocol_version=protocol_version, protocol_sha256=protocol_sha256,
            chain_head=chain_head or "",
        )
    except _DAMAGE as error:
        raise damaged(path, f"read record {record_id}", f"record {record_id}: {error}") from None
