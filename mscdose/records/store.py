"""The record store: every finalised calculation kept in SQLite, append-only and hash-chained.

Why it is built this way:
- A clinical trial must show months later exactly what was calculated, by whom, and that nobody changed
  it. Rows are never updated or deleted (triggers refuse it); a correction is a new record that
  supersedes the old one and says why; each record's SHA-256 covers the previous record's hash, so a
  changed, deleted or reordered row breaks the chain and `verify()` names it.
- A save is committed (WAL, synchronous=FULL) before `save()` returns, so the worksheet is only printed
  for a record that is on disk, and a killed process never loses a committed record.
- Saves take the write lock first (`BEGIN IMMEDIATE`) and only then read the chain's last hash, so two
  programs saving at once queue up instead of forking the chain.
- A blocked calculation can never be finalised: `save()` refuses it, whatever the caller did.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from mscdose import __version__
from mscdose.records.canonical import GENESIS, canonical_json, print_event_hash, record_hash
from mscdose.records.errors import StoreError, explain
from mscdose.records.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = ["PrintEvent", "RecordStore", "SavedRecord", "StoreError", "VerifyReport", "default_path"]

BUSY_TIMEOUT_S = 15.0
FINAL_STATUSES = ("ok", "warning")
_RECORD_COLUMNS = (
    "id, created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name, "
    "prepared_by, checked_by, status, supersedes, correction_reason, document, prev_sha256, sha256"
)
_SELECT_RECORDS = (
    f"SELECT {_RECORD_COLUMNS}, "
    "EXISTS (SELECT 1 FROM print_events p WHERE p.record_id = records.id AND p.ok = 1) AS printed, "
    "(SELECT MIN(s.id) FROM records s WHERE s.supersedes = records.id) AS superseded_by "
    "FROM records"
)


def default_path() -> Path:
    from mscdose.datadir import data_dir

    return data_dir() / "records.sqlite3"


def utc_now() -> datetime:
    return datetime.now(UTC)


def _timestamp(moment: datetime) -> str:
    """Fixed-width UTC ISO text, so that text order is time order in SQL comparisons."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class PrintEvent:
    id: int
    record_id: int
    at: datetime
    ok: bool
    detail: str


@dataclass(frozen=True)
class SavedRecord:
    """One stored record. `printed` is True when at least one print event succeeded."""

    id: int
    created_at: datetime
    document: dict[str, Any]
    sha256: str
    prev_sha256: str
    status: str
    patient_id: str
    printed: bool
    supersedes: int | None
    patient_name: str = ""
    prepared_by: str = ""
    checked_by: str = ""
    correction_reason: str = ""
    app_version: str = ""
    superseded_by: int | None = None
    protocol_id: str = ""
    protocol_version: str = ""
    protocol_sha256: str = ""

    @property
    def lot_number(self) -> str:
        return str(self.document.get("lot_number") or "")

    @property
    def din(self) -> str:
        inputs = self.document.get("inputs") or {}
        return str(inputs.get("din") or "")


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    count: int
    first_bad_id: int | None
    problem: str
    last_sha256: str = field(default=GENESIS)
    print_events: int = 0


def _header_from_document(document: dict[str, Any]) -> dict[str, Any]:
    """The searchable columns, taken from the document so they can never disagree with it."""
    patient = document.get("patient") or {}
    protocol = document.get("protocol") or {}
    if not isinstance(patient, dict) or not isinstance(protocol, dict):
        raise StoreError("Cannot save: the document's 'patient' and 'protocol' must be objects "
                         "(build it with mscdose.core.document.record_document).")
    return {
        "app_version": __version__,
        "protocol_id": str(protocol.get("id") or ""),
        "protocol_version": str(protocol.get("version") or ""),
        "protocol_sha256": str(protocol.get("sha256") or ""),
        "patient_id": str(patient.get("id") or "").strip(),
        "patient_name": str(patient.get("name") or "").strip(),
        "prepared_by": str(document.get("prepared_by") or "").strip(),
        "checked_by": str(document.get("checked_by") or "").strip(),
        "status": str(document.get("status") or ""),
    }


def _refusal(document: Any) -> str | None:
    """Why this document cannot be finalised, or None."""
    if not isinstance(document, dict):
        return f"the document must be a dict from record_document(), not {type(document).__name__}"
    status = document.get("status")
    if status == "blocked":
        hard = [f.get("code", "?") for f in document.get("flags") or [] if f.get("severity") == "hard"]
        return ("the calculation is blocked by a hard limit (" + (", ".join(hard) or "hard flag")
                + ") and can never be finalised; change the prescription or the product")
    if status not in FINAL_STATUSES:
        return f"the document's status is {status!r}; only 'ok' or 'warning' calculations can be saved"
    if not str((document.get("patient") or {}).get("id") or "").strip():
        return "the patient ID is empty; enter the patient ID before finalising"
    from mscdose.core.overrides import override_problem

    overridden = {o.get("code") for o in document.get("overrides") or []
                  if override_problem(str(o.get("reason") or ""), str(o.get("initials") or "")) is None}
    missing = [f.get("code", "?") for f in document.get("flags") or []
               if f.get("severity") == "soft" and f.get("code") not in overridden]
    if missing:
        return ("soft limit " + ", ".join(missing) + " needs an override with a reason and initials "
                "before the calculation can be finalised")
    protocol = document.get("protocol")
    if not isinstance(protocol, dict) or not protocol.get("id") or not protocol.get("sha256"):
        return "the document does not name its protocol (id and SHA-256); build it with record_document()"
    return None


class RecordStore:
    """The append-only, hash-chained record database. One instance holds one SQLite connection."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise explain(error, self.path, "open the record database") from None
        self._conn = self._open()

    # -- opening and migrating ----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        action = "open the record database"
        try:
            conn = _connect(self.path)
        except sqlite3.Error as error:
            raise explain(error, self.path, action) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._check_version(conn)  # before anything writes to a file we may not own
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise explain(error, self.path, action) from None
        return conn

    def _check_version(self, conn: sqlite3.Connection) -> int:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            raise StoreError(f"{self.path} is an SQLite database of another program, not mscdose records; "
                             "it was not changed. Point mscdose at its own record database.")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The record database {self.path} was written by a newer mscdose (schema version {version}; "
                f"this mscdose {__version__} knows up to version {SCHEMA_VERSION}). It was not changed. "
                "Use the newer mscdose (or update this one); never open it with an older one."
            )
        if version == 0:
            tables = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                                  "AND name NOT LIKE 'sqlite_%'").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path} is an SQLite database of another program, not mscdose records; "
                                 "it was not changed. Point mscdose at its own record database.")
        return int(version)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if self._check_version(conn) == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._check_version(conn)  # another process may have migrated while we waited
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[number - 1]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

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
        """One write transaction holding the database's write lock from its first statement."""
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
            raise

    # -- writing -------------------------------------------------------------------------------------

    def save(self, document: dict[str, Any], *, supersedes: int | None = None,
             correction_reason: str = "") -> SavedRecord:
        """Append a finalised calculation; it is on disk when this returns. Raises StoreError if refused."""
        problem = _refusal(document)
        if problem:
            raise StoreError(f"Cannot save: {problem}.")
        correction_reason = (correction_reason or "").strip()
        if supersedes is not None and not correction_reason:
            raise StoreError(f"Cannot save a correction of record {supersedes} without a reason: "
                             "say why the earlier record is being corrected.")
        if supersedes is None and correction_reason:
            raise StoreError("Cannot save: a correction reason was given but no record to supersede.")
        try:
            document_json = canonical_json(document)
        except (TypeError, ValueError) as error:
            raise StoreError(f"Cannot save: the document is not plain JSON data ({error}).") from None
        header = _header_from_document(document)
        header.update(supersedes=supersedes, correction_reason=correction_reason)
        with self._write("save the record") as conn:
            if supersedes is not None:
                self._check_supersedable(conn, supersedes)
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
        )

    def _check_supersedable(self, conn: sqlite3.Connection, record_id: int) -> None:
        if conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
            raise StoreError(f"Cannot correct record {record_id}: there is no such record. "
                             "`mscdose history` lists the records.")
        later = conn.execute("SELECT MIN(id) FROM records WHERE supersedes = ?", (record_id,)).fetchone()[0]
        if later is not None:
            raise StoreError(f"Cannot correct record {record_id}: it was already corrected by record {later}. "
                             f"Correct record {later} instead, so the corrections form one line.")

    def mark_printed(self, record_id: int, ok: bool, detail: str = "") -> None:
        """Log that a worksheet of this record was (ok=True) or failed to be (ok=False) printed."""
        with self._write("log the printing of the worksheet") as conn:
            if conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
                raise StoreError(f"Cannot log printing of record {record_id}: there is no such record.")
            last = conn.execute("SELECT id, sha256 FROM print_events ORDER BY id DESC LIMIT 1").fetchone()
            event = {"id": _next_id(conn, "print_events", last[0] if last else 0), "record_id": int(record_id),
                     "at": _timestamp(utc_now()), "ok": 1 if ok else 0, "detail": str(detail)}
            prev = last[1] if last else GENESIS
            conn.execute(
                "INSERT INTO print_events (id, record_id, at, ok, detail, prev_sha256, sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event["id"], event["record_id"], event["at"], event["ok"], event["detail"], prev,
                 print_event_hash(event, prev)),
            )

    # -- reading -------------------------------------------------------------------------------------

    def _query(self, where: str = "", params: tuple[Any, ...] = (), action: str = "read the records"
               ) -> list[SavedRecord]:
        try:
            rows = self._conn.execute(f"{_SELECT_RECORDS} {where} ORDER BY id", params).fetchall()
        except sqlite3.Error as error:
            raise explain(error, self.path, action) from None
        return [_record_from_row(row) for row in rows]

    def get(self, record_id: int) -> SavedRecord:
        found = self._query("WHERE id = ?", (int(record_id),), f"read record {record_id}")
        if not found:
            raise StoreError(f"There is no record {record_id} in {self.path}. "
                             "`mscdose history` (or the History window) lists the records.")
        return found[0]

    def history(self, patient_id: str | None = None, since: date | datetime | None = None) -> list[SavedRecord]:
        """Records oldest first, optionally of one patient (ID compared ignoring case and outer spaces) and
        saved at or after `since` (a date means local midnight; a naive datetime is local time)."""
        clauses: list[str] = []
        params: list[Any] = []
        if patient_id is not None and patient_id.strip():
            clauses.append("patient_id = ? COLLATE NOCASE")
            params.append(patient_id.strip())
        if since is not None:
            clauses.append("created_at >= ?")
            params.append(_timestamp(_as_moment(since)))
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._query(where, tuple(params))

    def earlier_infusions(self, patient_id: str) -> list[SavedRecord]:
        """A patient's infusions oldest first, each once: a record superseded by a correction is left out
        (its correction stands for it)."""
        if not patient_id or not patient_id.strip():
            return []
        return [r for r in self.history(patient_id) if r.superseded_by is None]

    def print_events(self, record_id: int | None = None) -> list[PrintEvent]:
        where, params = ("WHERE record_id = ?", (record_id,)) if record_id is not None else ("", ())
        try:
            rows = self._conn.execute(f"SELECT id, record_id, at, ok, detail FROM print_events {where} ORDER BY id",
                                      params).fetchall()
        except sqlite3.Error as error:
            raise explain(error, self.path, "read the print log") from None
        return [PrintEvent(r[0], r[1], datetime.fromisoformat(r[2]), bool(r[3]), r[4]) for r in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    # -- auditing ------------------------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Walk both hash chains (records, then print events); name the first record that does not match."""
        try:
            return self._verify()
        except sqlite3.Error as error:
            raise explain(error, self.path, "verify the records") from None

    def _verify(self) -> VerifyReport:
        from mscdose.records.canonical import RECORD_FIELDS

        conn = self._conn
        prev, expected_id, count = GENESIS, 1, 0
        columns = ", ".join(RECORD_FIELDS)
        for row in conn.execute(f"SELECT {columns}, document, prev_sha256, sha256 FROM records ORDER BY id"):
            header = dict(zip(RECORD_FIELDS, row[: len(RECORD_FIELDS)], strict=True))
            document_json, stored_prev, stored = row[len(RECORD_FIELDS):]
            record_id = header["id"]
            if record_id != expected_id:
                return _bad(count, expected_id, f"record {expected_id} is missing (deleted?): the record after "
                            f"record {expected_id - 1} is record {record_id}")
            if stored_prev != prev:
                return _bad(count, record_id, f"record {record_id} does not follow on from record {record_id - 1}: "
                            "its stored previous hash differs (a record was deleted, reordered or rewritten)")
            if record_hash(header, document_json, stored_prev) != stored:
                return _bad(count, record_id, f"record {record_id} was changed after it was saved: its content "
                            "no longer matches its SHA-256")
            prev, expected_id, count = stored, expected_id + 1, count + 1
        allocated = _sequence(conn, "records")
        if allocated > count:
            return _bad(count, count + 1, f"record {count + 1} is missing (deleted?): records up to {allocated} "
                        f"were saved but only {count} are there")
        events, event_prev, expected_event = 0, GENESIS, 1
        for row in conn.execute("SELECT id, record_id, at, ok, detail, prev_sha256, sha256 FROM print_events "
                                "ORDER BY id"):
            event = dict(zip(("id", "record_id", "at", "ok", "detail"), row[:5], strict=True))
            stored_prev, stored = row[5:]
            if (event["id"] != expected_event or stored_prev != event_prev
                    or print_event_hash(event, stored_prev) != stored):
                return _bad(count, int(event["record_id"]), f"print event {event['id']} of record "
                            f"{event['record_id']} was changed, deleted or reordered", last=prev)
            event_prev, expected_event, events = stored, expected_event + 1, events + 1
        if _sequence(conn, "print_events") > events:
            return _bad(count, None, f"the last print event (number {events + 1}) is missing (deleted?)", last=prev)
        return VerifyReport(True, count, None, "", last_sha256=prev, print_events=events)

    def integrity_problems(self) -> list[str]:
        """SQLite's own page-level check (`PRAGMA integrity_check`); empty when the file is sound."""
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as error:
            if "malformed" in str(error) or getattr(error, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
                return [str(error)]  # so damaged that the check itself stops: that is its answer
            raise explain(error, self.path, "check the database file") from None
        return [] if [r[0] for r in rows] == ["ok"] else [str(r[0]) for r in rows]

    # -- copies --------------------------------------------------------------------------------------

    def backup(self, path: Path | str) -> int:
        """A consistent copy made with SQLite's online backup API while the store stays in use.

        Written next to its destination first and renamed into place, so a failed backup never leaves a
        half-written file under the requested name. Returns the number of records copied."""
        target = Path(path)
        if target.resolve() == self.path.resolve():
            raise StoreError(f"Cannot back up {self.path} onto itself; choose another file.")
        temporary = target.with_name(f".{target.name}.partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.unlink(missing_ok=True)
            copy = sqlite3.connect(temporary, isolation_level=None)
            try:
                self._conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
                count = int(copy.execute("SELECT COUNT(*) FROM records").fetchone()[0])
            finally:
                copy.close()
            os.replace(temporary, target)
        except (sqlite3.Error, OSError) as error:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            raise explain(error, target, "write the backup") from None
        return count

    def export_csv(self, path: Path | str) -> int:
        """One row a record for the trial's data manager; returns the number of rows written."""
        from mscdose.records.csv_export import write_csv

        return write_csv(self.history(), Path(path))


def _connect(path: Path) -> sqlite3.Connection:
    """Open the database file. Separate so tests can open it read-only, as a locked-down folder would."""
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)


def _sequence(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return int(row[0]) if row else 0


def _next_id(conn: sqlite3.Connection, table: str, last_id: int) -> int:
    """The id AUTOINCREMENT would give; known before the insert because the hash covers it."""
    return max(_sequence(conn, table), last_id) + 1


def _bad(count: int, record_id: int | None, problem: str, last: str = GENESIS) -> VerifyReport:
    return VerifyReport(False, count, record_id, problem, last_sha256=last)


def _as_moment(since: date | datetime) -> datetime:
    if isinstance(since, datetime):
        return since if since.tzinfo else since.astimezone()
    return datetime.combine(since, time.min).astimezone()


def _record_from_row(row: tuple[Any, ...]) -> SavedRecord:
    (record_id, created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name,
     prepared_by, checked_by, status, supersedes, correction_reason, document, prev_sha256, sha256, printed,
     superseded_by) = row
    return SavedRecord(
        id=record_id, created_at=datetime.fromisoformat(created_at), document=json.loads(document), sha256=sha256,
        prev_sha256=prev_sha256, status=status, patient_id=patient_id, printed=bool(printed), supersedes=supersedes,
        patient_name=patient_name, prepared_by=prepared_by, checked_by=checked_by,
        correction_reason=correction_reason, app_version=app_version, superseded_by=superseded_by,
        protocol_id=protocol_id, protocol_version=protocol_version, protocol_sha256=protocol_sha256,
    )
