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
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mscdose.core.identifiers import canonical_key
from mscdose.records import ledger, opening
from mscdose.records.canonical import GENESIS, approval_hash, canonical_json, print_event_hash, record_hash
from mscdose.records.errors import InfusionLimitReached, StoreError, damaged, explain
from mscdose.records.location import default_path
from mscdose.records.model import (
    FINAL_STATUSES,
    PrintedCheck,
    PrintEvent,
    ProtocolApproval,
    SavedRecord,
    header_from_document,
    refusal,
)
from mscdose.records.same_lot_rule import check_same_lot, pending_check
from mscdose.records.schema import SCHEMA_VERSION, document_lots, record_keys
from mscdose.records.verify import VerifyReport, verify_connection

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
MAX_ID = 2**63 - 1
_RECORD_COLUMNS = (
    "id, created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name, "
    "prepared_by, checked_by, status, supersedes, correction_reason, document, prev_sha256, sha256"
)
_SELECT_RECORDS = (
    f"SELECT {_RECORD_COLUMNS}, "
    "EXISTS (SELECT 1 FROM print_events p WHERE p.record_id = records.id AND p.ok = 1 "
    "AND p.detail NOT LIKE 'label%') AS printed, "
    "(SELECT MIN(s.id) FROM records s WHERE s.supersedes = records.id) AS superseded_by, "
    "(SELECT l.sha256 FROM ledger l WHERE l.kind = 'record' AND l.ref = records.id) AS chain_head "
    "FROM records"
)
_DAMAGE = (ValueError, TypeError, KeyError, OverflowError, AttributeError, ArithmeticError, UnicodeError)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _timestamp(moment: datetime) -> str:
    """Fixed-width UTC ISO text, so that text order is time order in SQL comparisons."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class RecordStore:
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

    # -- writing -------------------------------------------------------------------------------------

    def save(self, document: dict[str, Any], *, supersedes: int | None = None, correction_reason: str = "",
             infusion_limit: int | None = None) -> SavedRecord:
        """Append a finalised calculation; it is on disk when this returns. Raises StoreError if refused.

        `infusion_limit` (the protocol's `infusions`): the patient's standing final records under the same
        protocol id (compared by canonical key) are counted in the same transaction as the insert; at the
        limit, InfusionLimitReached names them. A correction (`supersedes`) replaces its record, so it
        passes the limit; the superseded record stays in the chain."""
        problem = refusal(document)
        if problem:
            raise StoreError(f"Cannot save: {problem}.")
        correction_reason = (correction_reason or "").strip()
        if supersedes is not None and not correction_reason:
            raise StoreError(f"Cannot save a correction of record {supersedes} without a reason: "
                             "say why the earlier record is being corrected.")
        if supersedes is None and correction_reason:
            raise StoreError("Cannot save: a correction reason was given but no record to supersede.")
        if infusion_limit is not None and (isinstance(infusion_limit, bool) or not isinstance(infusion_limit, int)
                                           or infusion_limit < 1):
            raise StoreError(f"Cannot save: the protocol's infusion limit {infusion_limit!r} is not a whole "
                             "number of at least 1; fix the protocol file.")
        try:
            document_json = canonical_json(document)
        except (TypeError, ValueError) as error:
            raise StoreError(f"Cannot save: the document is not plain JSON data ({error}).") from None
        header = header_from_document(document)
        header.update(supersedes=supersedes, correction_reason=correction_reason)
        lots = document_lots(document_json)
        keys = record_keys(header["patient_id"], header["protocol_id"], *lots)
        same_lot = pending_check(document, lots, supersedes)
        with self._write("save the record") as conn:
            if supersedes is not None:
                self._check_supersedable(conn, supersedes)
            check_same_lot(conn, same_lot)  # a same-lot record saved since the review (records/same_lot_rule.py)
            if infusion_limit is not None:
                self._check_infusion_limit(conn, keys, infusion_limit, supersedes, header)
            last = conn.execute("SELECT id, sha256 FROM records ORDER BY id DESC LIMIT 1").fetchone()
            prev = last[1] if last else GENESIS
            header["id"] = _next_id(conn, "records", last[0] if last else 0)
            header["created_at"] = _timestamp(utc_now())
            digest = record_hash(header, document_json, prev)
            conn.execute(
                f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (header["id"], header["created_at"], header["app_version"], header["protocol_id"],
                 header["protocol_version"], header["protocol_sha256"], header["patient_id"],
                 header["patient_name"], header["prepared_by"], header["checked_by"], header["status"],
                 supersedes, correction_reason, document_json, prev, digest),
            )
            conn.execute("INSERT INTO record_keys VALUES (?, ?, ?, ?, ?)", (header["id"], *keys))
            if isinstance(conn, sqlite3.Connection):  # issue 18: History's sort keys (schema version 6)
                from mscdose.records.summaries import add_summary

                add_summary(conn, header["id"])
            _, chain_head = ledger.append_entry(conn, "record", header["id"], digest)
        # Built from what was written, not read back: once committed, a failed read must not look like a
        # failed save (the caller would save again).
        return SavedRecord(
            id=header["id"], created_at=datetime.fromisoformat(header["created_at"]),
            document=json.loads(document_json), sha256=digest, prev_sha256=prev, status=header["status"],
            patient_id=header["patient_id"], printed=False, supersedes=supersedes,
            patient_name=header["patient_name"], prepared_by=header["prepared_by"],
            checked_by=header["checked_by"], correction_reason=correction_reason,
            app_version=header["app_version"], superseded_by=None, protocol_id=header["protocol_id"],
            protocol_version=header["protocol_version"], protocol_sha256=header["protocol_sha256"],
            chain_head=chain_head,
        )

    def _check_supersedable(self, conn: sqlite3.Connection, record_id: int) -> None:
        if not isinstance(record_id, int) or not 1 <= record_id <= MAX_ID or conn.execute(
                "SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
            raise StoreError(f"Cannot correct record {record_id}: there is no such record. "
                             "`mscdose history` lists the records.")
        later = conn.execute("SELECT MIN(id) FROM records WHERE supersedes = ?", (record_id,)).fetchone()[0]
        if later is not None:
            raise StoreError(f"Cannot correct record {record_id}: it was already corrected by record {later}. "
                             f"Correct record {later} instead, so the corrections form one line.")

    def _check_infusion_limit(self, conn: sqlite3.Connection, keys: tuple[str, ...], limit: int,
                              supersedes: int | None, header: dict[str, Any]) -> None:
        earlier = tuple(row[0] for row in conn.execute(
            "SELECT r.id FROM records r JOIN record_keys k ON k.record_id = r.id "
            "WHERE k.patient_key = ? AND k.protocol_key = ? AND r.id IS NOT ? "
            "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id) ORDER BY r.id",
            (keys[0], keys[1], supersedes)))
        if len(earlier) >= limit:
            listed = ", ".join(f"#{rid}" for rid in earlier)
            raise InfusionLimitReached(
                f"Cannot save: patient {header['patient_id']} already has {len(earlier)} final record(s) under "
                f"protocol {header['protocol_id']} ({listed}) and the protocol allows {limit} infusion(s) per "
                "patient (INFUSION_LIMIT_REACHED). Nothing was saved. If an earlier record is wrong, correct it "
                "(Correct… in History, or `mscdose correct RECORD_ID`) instead of saving a new one.",
                earlier, limit)

    def mark_printed(self, record_id: int, ok: bool, detail: str = "") -> None:
        """Log that a worksheet of this record was (ok=True) or failed to be (ok=False) printed."""
        with self._write("log the printing of the worksheet") as conn:
            if not isinstance(record_id, int) or not 1 <= record_id <= MAX_ID or conn.execute(
                    "SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
                raise StoreError(f"Cannot log printing of record {record_id}: there is no such record.")
            last = conn.execute("SELECT id, sha256 FROM print_events ORDER BY id DESC LIMIT 1").fetchone()
            event = {"id": _next_id(conn, "print_events", last[0] if last else 0), "record_id": int(record_id),
                     "at": _timestamp(utc_now()), "ok": 1 if ok else 0, "detail": str(detail)}
            prev = last[1] if last else GENESIS
            digest = print_event_hash(event, prev)
            conn.execute(
                "INSERT INTO print_events (id, record_id, at, ok, detail, prev_sha256, sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event["id"], event["record_id"], event["at"], event["ok"], event["detail"], prev, digest),
            )
            ledger.append_entry(conn, "print", event["id"], digest)

    def approve_protocol(self, sha256: str, protocol_id: str, version: str, by: str, reason: str
                         ) -> ProtocolApproval:
        """Record that the protocol file with this SHA-256 is approved for final calculations.

        Idempotent for the same file (returns the existing approval). A different SHA-256 for an id and
        version already approved (id compared by canonical key) is refused naming both hashes: a changed
        file must get a new version."""
        sha256 = (sha256 or "").strip().lower()
        protocol_id, version, by, reason = (str(v or "").strip() for v in (protocol_id, version, by, reason))
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise StoreError(f"Cannot approve: {sha256!r:.80} is not a SHA-256 (64 hexadecimal digits).")
        for name, value in (("protocol id", protocol_id), ("version", version), ("--by", by), ("--reason", reason)):
            if not canonical_key(value):
                raise StoreError(f"Cannot approve: the {name} is empty; give it (who approves, and why).")
        with self._write("record the protocol approval") as conn:
            row = conn.execute("SELECT protocol_sha256 FROM protocol_approvals WHERE protocol_key = ? AND version = ?",
                               (canonical_key(protocol_id), version)).fetchone()
            if row is not None:
                if row[0] == sha256:
                    return next(a for a in self._approvals(conn)
                                if canonical_key(a.protocol_id) == canonical_key(protocol_id) and a.version == version)
                raise StoreError(f"Cannot approve {protocol_id} version {version} with SHA-256 {sha256}: that id and "
                                 f"version is already approved with SHA-256 {row[0]}. A changed protocol file "
                                 "needs a new version number.")
            approval = {"id": _next_id(conn, "protocol_approvals", 0), "protocol_id": protocol_id, "version": version,
                        "protocol_sha256": sha256, "approved_by": by, "at": _timestamp(utc_now()), "reason": reason}
            digest = approval_hash(approval)
            conn.execute("INSERT INTO protocol_approvals (id, protocol_id, protocol_key, version, protocol_sha256, "
                         "approved_by, at, reason, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (approval["id"], protocol_id, canonical_key(protocol_id), version, sha256, by,
                          approval["at"], reason, digest))
            ledger.append_entry(conn, "approval", approval["id"], digest)
        return ProtocolApproval(protocol_id, version, sha256, by, datetime.fromisoformat(approval["at"]), reason)

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

    # -- auditing ------------------------------------------------------------------------------------

    def head(self) -> tuple[int, str]:
        """(number of ledger entries, head hash): the state an anchor pins."""
        with self._reading("read the chain head") as conn:
            return ledger.head(conn)

    def anchor_line(self) -> str:
        """One line to keep outside the file: `mscdose-anchor v1 entries=N head=<sha256> at=<UTC time>`."""
        return ledger.anchor_now(*self.head()).line()

    def verify(self, anchor: str | None = None, *, partial_copy: bool = False) -> VerifyReport:
        """Walk every hash (records, print events, approvals, the ledger) and check the anchors: `anchor`
        (a line from `anchor_line()`) and every line of the anchor file when one is set. `partial_copy`
        (backups): anchors beyond this copy's end are skipped, not failed."""
        anchors = [("the anchor given", ledger.parse_anchor(anchor))] if anchor is not None else []
        if self.anchor_file is not None:
            lines = ledger.read_anchor_file(self.anchor_file)
            anchors += [(f"anchor file line {n}", a) for n, a in enumerate(lines, 1)]
        with self._reading("verify the records") as conn, _one_snapshot(conn):
            # issue 18: a helper process may walk half the records from the file itself (never from a copy
            # migrated in memory); the one read transaction makes every count and span of one moment
            shared = None if self.migrated_in_memory else self.path
            return verify_connection(conn, anchors, anchor_file_set=self.anchor_file is not None,
                                     partial_copy=partial_copy, path=shared)

    def verify_printed(self, record_id: int, record_hash_prefix: str, head_prefix: str) -> PrintedCheck:
        """Does a printed worksheet (its record id, record hash and chain head, at least 12 hex digits each)
        match this store? The chain must verify, the record's hash must start with the printed one, and the
        printed head must be a ledger entry at or after the record's: then the record is in the chain
        unchanged and nothing before the printed head was rewritten."""
        record_prefix, head_prefix = (str(p or "").strip().lower() for p in (record_hash_prefix, head_prefix))
        for name, prefix in (("record hash", record_prefix), ("chain head", head_prefix)):
            if len(prefix) < ledger.MIN_PREFIX or any(c not in "0123456789abcdef" for c in prefix):
                return PrintedCheck(False, record_id, f"the printed {name} {prefix!r} is not at least "
                                                      f"{ledger.MIN_PREFIX} hexadecimal digits")
        report = self.verify()
        if not report.ok:
            return PrintedCheck(False, record_id, f"the record store does not verify: {report.problem}")
        try:
            record = self.get(record_id)
        except StoreError:
            return PrintedCheck(False, record_id, f"record {record_id} is not in this record store")
        if not record.sha256.startswith(record_prefix):
            return PrintedCheck(False, record_id, f"record {record_id} now has hash {record.short_hash}, the worksheet "
                                                  f"says {record_prefix[:12]}: it is not the record printed")
        with self._reading("verify the worksheet") as conn:
            seq = conn.execute("SELECT seq FROM ledger WHERE kind = 'record' AND ref = ?", (record_id,)).fetchone()[0]
            found = conn.execute("SELECT seq FROM ledger WHERE substr(sha256, 1, ?) = ? AND seq >= ?",
                                 (len(head_prefix), head_prefix, seq)).fetchone()
        if found is None:
            return PrintedCheck(False, record_id, f"the chain head printed with record {record_id} "
                                                  f"({head_prefix[:12]}) "
                                                  "is not in this chain: it was rewritten after the worksheet was "
                                                  "printed, or the worksheet is from another record store")
        return PrintedCheck(True, record_id)

    def integrity_problems(self) -> list[str]:
        """SQLite's own page-level check (`PRAGMA integrity_check`); empty when the file is sound."""
        previous = self._conn.text_factory
        self._conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # its messages quote damaged bytes
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as error:
            if "malformed" in str(error) or getattr(error, "sqlite_errorname", "").startswith(
                    ("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                return [str(error)]  # so damaged that the check itself stops: that is its answer
            raise explain(error, self.path, "check the database file", writing=False) from None
        except UnicodeDecodeError:  # SQLite's own report quotes the damaged bytes
            return ["the integrity check stopped on unreadable (damaged) bytes"]
        finally:
            self._conn.text_factory = previous
        return [] if [r[0] for r in rows] == ["ok"] else [str(r[0]) for r in rows]

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


@contextlib.contextmanager
def _one_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction around several statements: they all see the store as it was at the first one,
    whatever other programs save meanwhile. Nothing is written, so it always ends with ROLLBACK."""
    if not isinstance(conn, sqlite3.Connection) or conn.in_transaction:
        yield  # PostgreSQL: every read is already one REPEATABLE READ transaction (postgres/store.py)
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _connect(path: Path) -> sqlite3.Connection:
    """Open the database file. Separate so tests can open it read-only, as a locked-down folder would."""
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)


def _sequence(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return int(row[0]) if row else 0


def _next_id(conn: sqlite3.Connection, table: str, last_id: int) -> int:
    """The id AUTOINCREMENT would give; known before the insert because the hash covers it."""
    last = last_id or (conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0)
    return max(_sequence(conn, table), last) + 1


def _history_where(patient_id: str | None, since: date | datetime | None) -> tuple[str, list[Any]] | None:
    """The WHERE clause (and its parameters) of `iter_history`'s filters; None when no record can match."""
    clauses: list[str] = []
    params: list[Any] = []
    if patient_id is not None and patient_id.strip():
        clauses.append("id IN (SELECT record_id FROM record_keys WHERE patient_key = ?)")
        params.append(canonical_key(patient_id))
    if since is not None:
        bound = _lower_bound(since)
        if bound is None:
            return None
        if bound:
            clauses.append("created_at >= ?")
            params.append(bound)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _lower_bound(since: date | datetime) -> str | None:
    """`created_at >= bound` text for `since`; "" for no bound (before any record), None for after any."""
    try:
        if isinstance(since, datetime):
            moment = since if since.tzinfo else since.astimezone()
        else:
            moment = datetime.combine(since, time.min).astimezone()
        return _timestamp(moment)
    except (OverflowError, ValueError, OSError):
        return "" if since.year < 5000 else None


def _record_from_row(row: tuple[Any, ...], path: Path, document: dict[str, Any] | None = None) -> SavedRecord:
    """`document`: already read (a projection, see iter_history); otherwise the row's JSON is parsed."""
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
