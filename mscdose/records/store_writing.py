"""The record store's three writes: a record (`save`), a print event and a protocol approval.

Why a module of its own: these are the only places that append to the chain, so the rules of what may be
appended are read together here: a blocked calculation is refused, a correction corrects a standing record
once and says why, the infusion limit and the same-lot rule are checked inside the save's transaction, and
each new row's hash covers the one before it. `RecordStore` (store.py) inherits them and supplies `_write`,
the one transaction that takes the write lock first and writes the anchor line after; store.py's docstring
says why the store is built this way.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mscdose.core.identifiers import canonical_key
from mscdose.records import ledger
from mscdose.records.canonical import GENESIS, approval_hash, canonical_json, print_event_hash, record_hash
from mscdose.records.errors import InfusionLimitReached, StoreError
from mscdose.records.model import ProtocolApproval, SavedRecord, header_from_document, refusal
from mscdose.records.same_lot_rule import check_same_lot, pending_check
from mscdose.records.schema import document_lots, record_keys
from mscdose.records.store_sql import _RECORD_COLUMNS, MAX_ID, _next_id, _timestamp


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreWriting:
    """RecordStore's writes (a mixin: RecordStore in store.py is the class to use)."""

    if TYPE_CHECKING:  # RecordStore's own (store.py)
        def _write(self, action: str) -> AbstractContextManager[sqlite3.Connection]: ...

        @staticmethod
        def _approvals(conn: sqlite3.Connection) -> list[ProtocolApproval]: ...

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
