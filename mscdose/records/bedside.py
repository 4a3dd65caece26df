"""Bedside checks in the record chain: every check, MATCH or MISMATCH, is one append-only, hashed entry.

Why every attempt is kept: a MISMATCH must never turn into a MATCH by scanning again. A retry is a new
entry; the first MISMATCH stays in the chain beside it, with its reasons and time, so the history shows a
wrong bag that nearly reached a patient even when the right one was then found. Unreadable scans and labels
naming no record are checks too (MISMATCH), never silently dropped.

Layout (schema migration 5, `MIGRATION`): table `bedside_checks` (id, record_id, at, result, detail, sha256).
`record_id` is the record the bag label named when this store has it, else NULL; `detail` is the canonical
JSON of `core.bedside.BedsideCheck.as_dict()` (result, every reason, the scans as read, the check time).
The entry's own hash (`bedside_hash`) covers all of these; its place in time is its ledger entry, kind
"bedside", like a protocol approval. `verify_bedside` is what `verify()` walks: each hash recomputed, ids
without gaps, the result agreeing with its reasons, the record named existing.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mscdose.core.bedside import MATCH, MISMATCH, BedsideCheck, WristbandPattern, bedside_check, unresolved_check
from mscdose.records import ledger
from mscdose.records.canonical import canonical_json, sha256_text

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore

KIND = "bedside"
TABLE = "bedside_checks"
FIELDS = ("id", "record_id", "at", "result", "detail")

# --- schema migration 5 (issue 13, identity2): appended to records/schema.py MIGRATIONS ---
MIGRATION: list[str] = [
    f"""
    CREATE TABLE {TABLE} (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id INTEGER,
        at TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('MATCH', 'MISMATCH')),
        detail TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE
    )
    """,
    f"""
    CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{TABLE} are append-only: a new check is a new entry'); END
    """,
    f"""
    CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{TABLE} are append-only: bedside checks are never deleted'); END
    """,
    f"CREATE INDEX {TABLE}_by_record ON {TABLE} (record_id)",
]


@dataclass(frozen=True)
class BedsideEntry:
    """One bedside check as kept: `id` is its number in this store, `ledger_seq` its place in the chain."""

    id: int
    record_id: int | None
    at: datetime
    result: str
    reasons: tuple[str, ...]
    detail: dict[str, Any]
    sha256: str
    ledger_seq: int = 0

    @property
    def matched(self) -> bool:
        return self.result == MATCH


def bedside_hash(entry: dict[str, Any]) -> str:
    """SHA-256 of {id, record_id, at, result, detail, kind} as canonical JSON (an auditor's recipe)."""
    content = {key: entry[key] for key in FIELDS}
    content["kind"] = "bedside_check"
    return sha256_text(canonical_json(content))


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def append_check(store: RecordStore, check: BedsideCheck) -> BedsideEntry:
    """Append one bedside check to the chain (its own row and a ledger entry, one transaction)."""
    detail = check.as_dict()
    detail_json = canonical_json(detail)
    # store._write: the store's one write transaction (write lock first, anchor line after); same package
    with store._write("log the bedside check") as conn:
        record_id: int | None = None
        if check.record_id.isdigit() and conn.execute(
                "SELECT 1 FROM records WHERE id = ?", (int(check.record_id),)).fetchone() is not None:
            record_id = int(check.record_id)
        row = conn.execute(f"SELECT seq FROM sqlite_sequence WHERE name = '{TABLE}'").fetchone()
        top = conn.execute(f"SELECT MAX(id) FROM {TABLE}").fetchone()[0] or 0
        entry = {"id": max(int(row[0]) if row else 0, top) + 1, "record_id": record_id,
                 "at": _timestamp(datetime.now(UTC)), "result": check.result, "detail": detail_json}
        digest = bedside_hash(entry)
        conn.execute(f"INSERT INTO {TABLE} (id, record_id, at, result, detail, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                     (entry["id"], record_id, entry["at"], check.result, detail_json, digest))
        seq, _ = ledger.append_entry(conn, KIND, entry["id"], digest)
    return BedsideEntry(entry["id"], record_id, datetime.fromisoformat(entry["at"]), check.result,
                        check.reasons, detail, digest, seq)


def check_and_log(store: RecordStore, wristband_scan: str, bag_label_scan: str, *, now: datetime,
                  wristband_pattern: WristbandPattern | None = None, product_scan: str = "",
                  require_check: bool = False) -> tuple[BedsideCheck, BedsideEntry]:
    """The whole bedside check: find the record the bag label names, compare (core.bedside), log the result.

    A label that cannot be read, or names a record this store does not have, is a MISMATCH and logged too.
    Raises StoreError only when the store itself cannot be read or written (then nothing was logged, and
    the caller must say so: the check did not happen)."""
    from mscdose.core.errors import InputError
    from mscdose.core.label_code import parse_label_code
    from mscdose.core.messages import QT_TRANSLATE_NOOP, said

    check: BedsideCheck
    try:
        label = parse_label_code(bag_label_scan)
    except InputError:
        check = unresolved_check(wristband_scan, bag_label_scan, "", now=now, wristband_pattern=wristband_pattern,
                                 product_scan=product_scan)
    else:
        wanted = int(label.record_id)
        with store._reading("find the record of the bag label") as conn:
            known = conn.execute("SELECT 1 FROM records WHERE id = ?", (wanted,)).fetchone() is not None
        if not known:
            check = unresolved_check(
                wristband_scan, bag_label_scan,
                said(QT_TRANSLATE_NOOP("CoreMessage", "UNKNOWN RECORD: the bag label names record {record}, which is "
                                                      "not in this record store. Do not give this bag: call the "
                                                      "pharmacy."), record=label.record_id),
                now=now, wristband_pattern=wristband_pattern, product_scan=product_scan)
        else:
            record = store.get(wanted)
            check = bedside_check(wristband_scan, bag_label_scan, record.document, record_id=record.id,
                                  superseded=record.superseded_by is not None, now=now,
                                  wristband_pattern=wristband_pattern, product_scan=product_scan)
            if require_check and not _independently_checked(store, record.id):
                # issue 14: where the site requires the independent check, a bag without one is not given
                not_checked = said(QT_TRANSLATE_NOOP(
                    "CoreMessage", "NOT CHECKED: record {record} has no independent check, and this site requires "
                                   "one before the bag is given. Do not give this bag: call the pharmacy."),
                    record=record.id)
                check = dataclasses.replace(check, result=MISMATCH, reasons=(*check.reasons, not_checked.text),
                                            said_reasons=(*check.said_reasons, not_checked))
    return check, append_check(store, check)


def _independently_checked(store: RecordStore, record_id: int) -> bool:
    from mscdose.records.users import signatures

    return any(signature.meaning == "checked" for signature in signatures(store, record_id))


def _entry(row: tuple[Any, ...], seq: int) -> BedsideEntry:
    entry_id, record_id, at, result, detail_json, sha256 = row
    detail = json.loads(detail_json)
    return BedsideEntry(entry_id, record_id, datetime.fromisoformat(at), result, tuple(detail.get("reasons") or ()),
                        detail, sha256, seq)


def bedside_checks(store: RecordStore, record_id: int | None = None) -> list[BedsideEntry]:
    """The bedside checks kept, oldest first (of one record when `record_id` is given)."""
    where, params = ("WHERE b.record_id = ?", (record_id,)) if record_id is not None else ("", ())
    with store._reading("read the bedside checks") as conn:
        if not _has_table(conn):
            return []
        rows = conn.execute(
            f"SELECT b.id, b.record_id, b.at, b.result, b.detail, b.sha256, "
            f"(SELECT l.seq FROM ledger l WHERE l.kind = '{KIND}' AND l.ref = b.id) "
            f"FROM {TABLE} b {where} ORDER BY b.id", params).fetchall()
        return [_entry(row[:6], int(row[6] or 0)) for row in rows]


def _has_table(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
    return found is not None


class BedsideDamage(Exception):
    """A bedside entry that fails verification; verify() turns it into its report."""


def verify_bedside(conn: sqlite3.Connection, records: Container[Any]) -> Mapping[int, tuple[str, int | None]]:
    """Every bedside check's own hash, for the ledger walk: {id: (sha256, record_id)}, held by position (ids
    1, 2, ... as checked, digests.py). Raises BedsideDamage naming the first entry changed, deleted, or whose
    stored result disagrees with its reasons."""
    from mscdose.records.digests import ById, Digests

    if not _has_table(conn):
        return {}
    hashes, record_ids = Digests(), []
    for row in conn.execute(f"SELECT {', '.join(FIELDS)}, sha256 FROM {TABLE} ORDER BY id"):
        entry = dict(zip(FIELDS, row[:5], strict=True))
        where = f"bedside check {entry['id']}"
        if entry["id"] != len(hashes) + 1:
            raise BedsideDamage(f"bedside check {len(hashes) + 1} is missing (deleted?)")
        if bedside_hash(entry) != row[5]:
            raise BedsideDamage(f"{where} was changed after it was logged: it no longer matches its SHA-256")
        try:
            detail = json.loads(entry["detail"])
            said, reasons = detail["result"], detail["reasons"]
        except (ValueError, TypeError, KeyError):
            raise BedsideDamage(f"{where} has an unreadable detail") from None
        if said != entry["result"] or (said == MATCH) != (not reasons) or said not in (MATCH, MISMATCH):
            raise BedsideDamage(f"{where} says {entry['result']} but its reasons say otherwise")
        if entry["record_id"] is not None and entry["record_id"] not in records:
            raise BedsideDamage(f"{where} names record {entry['record_id']}, which is not there")
        hashes.append(row[5])
        record_ids.append(entry["record_id"])
    row = conn.execute(f"SELECT seq FROM sqlite_sequence WHERE name = '{TABLE}'").fetchone()
    if row and int(row[0]) > len(hashes):
        raise BedsideDamage(f"bedside check {len(hashes) + 1} is missing (deleted?)")
    return ById(hashes, record_ids)
