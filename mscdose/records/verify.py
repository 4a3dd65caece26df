"""What `verify()` proves, walked in one pass: every kind's own hashes, the one ledger over them, the anchors.

1. Records: ids 1..N without gaps, each record's hash (header + document) recomputed, each linked to the one
   before; the stored document is JSON, says the same status as its header, that status is final ("ok" or
   "warning") and it carries no hard flag, so a record whose document says blocked never passes; the
   canonical keys used by the one-infusion check are those of the record.
2. Print events and protocol approvals: each hash recomputed (print events also linked to the one before);
   user events and signatures (issue 14, users.py) likewise, a signature after its record.
3. The ledger: seq 1..M without gaps, each entry's hash recomputed and linked, each naming an existing item
   by its current hash, every item exactly once, a print event after its record.
4. Anchors (a line from a logbook, the worksheet, the site's anchor file): the entry at the anchor's position
   has the anchor's hash, so nothing up to it was changed, removed or reordered; with an anchor file every
   entry must be covered by one of its lines.
See docs/audit.md for what this cannot prove.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from mscdose.records import users
from mscdose.records import verify_walk as walk  # issue 18: the fast path
from mscdose.records.bedside import BedsideDamage, verify_bedside  # issue 13
from mscdose.records.canonical import (
    GENESIS,
    RECORD_FIELDS,
    approval_hash,
    record_hash,
)
from mscdose.records.ledger import KINDS, Anchor
from mscdose.records.schema import record_keys

FINAL_STATUSES = ("ok", "warning")
HEADER_COLUMNS = len(RECORD_FIELDS)


@dataclass(frozen=True)
class VerifyReport:
    """ok, or the first problem. `head` is the ledger head (what anchors quote); `last_sha256` the last
    record's hash. `unanchored`: entries after the newest anchor (0 when everything is anchored).

    The counts say how many of each kind of entry the walk checked (records, print events, protocol
    approvals, user events, signatures and bedside checks): an auditor compares them with what the site
    knows it did, since a chain whose every entry verifies can still be missing a whole kind it never had."""

    ok: bool
    count: int
    first_bad_id: int | None
    problem: str
    last_sha256: str = GENESIS
    print_events: int = 0
    approvals: int = 0
    entries: int = 0
    head: str = GENESIS
    anchors_checked: int = 0
    unanchored: int = 0
    user_events: int = 0  # issue 14
    signatures: int = 0  # issue 14
    bedside_checks: int = 0  # issue 13


class _Failed(Exception):
    def __init__(self, problem: str, record_id: int | None = None) -> None:
        super().__init__(problem)
        self.problem, self.record_id = problem, record_id


def _sequence(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return int(row[0]) if row else 0


def document_problem(document_json: str, status: str) -> str | None:
    """Why a stored document can never be a final record, or None."""
    try:
        document = json.loads(document_json)
    except ValueError:
        return "its stored document is not readable JSON"
    return _parsed_problem(document, status)


def _parsed_problem(document: Any, status: str) -> str | None:
    if not isinstance(document, dict):
        return "its stored document is not a calculation"
    said = document.get("status")
    if said != status or status not in FINAL_STATUSES:
        return f"its stored document says status {said!r} (record header {status!r}); only ok or warning is final"
    flags = document.get("flags") or []
    hard = [f.get("code", "?") for f in flags if isinstance(f, dict) and f.get("severity") == "hard"] \
        if isinstance(flags, list) else ["unreadable flags"]
    if hard:
        return f"its stored document carries hard flag(s) {', '.join(map(str, hard))}: it was never finalisable"
    return None


def _lots(document: dict[str, Any]) -> tuple[str, str]:
    """schema.document_lots of an already parsed document (the same values: lot number and DIN)."""
    try:
        inputs = document.get("inputs") or {}
        return str(document.get("lot_number") or ""), str(inputs.get("din") or "")
    except (AttributeError, TypeError):
        return "", ""


def _records(conn: sqlite3.Connection, progress: dict[str, Any]) -> tuple[dict[int, str], str]:
    """Issue 18: one statement reads each record with the hash text and the document facts SQLite makes
    (verify_walk.py); a record not plainly fine there is checked again by `_check_record`, which decides and
    words the problem. The PostgreSQL store (its SQL has no BLOB or json_extract) walks the original way."""
    if not isinstance(conn, sqlite3.Connection):
        original_way = f"SELECT {', '.join(RECORD_FIELDS)}, NULL, prev_sha256, sha256 FROM records ORDER BY id"
        return _walk_records(conn, progress, original_way)
    try:
        return _walk_records(conn, progress, walk.FAST_SELECT)
    except sqlite3.OperationalError:  # SQLite met a document that is not JSON: every record the original way
        original_way = f"SELECT {', '.join(RECORD_FIELDS)}, NULL, prev_sha256, sha256 FROM records ORDER BY id"
        return _walk_records(conn, progress, original_way)


def _walk_records(conn: sqlite3.Connection, progress: dict[str, Any], select: str) -> tuple[dict[int, str], str]:
    prev, expected, hashes = GENESIS, 1, {}
    cache = walk.KeyCache(_parsed_problem)
    fast = select == walk.FAST_SELECT
    where = 1 if fast else HEADER_COLUMNS + 1  # the stored previous hash, then the hash
    for row in conn.execute(select):
        rid, stored_prev, stored = row[0], row[where], row[where + 1]
        if rid != expected:
            raise _Failed(f"record {expected} is missing (deleted?): the record after record {expected - 1} "
                          f"is record {rid}", expected)
        if stored_prev != prev:
            raise _Failed(f"record {rid} does not follow on from record {rid - 1}: its stored previous hash "
                          "differs (a record was deleted, reordered or rewritten)", rid)
        if not (fast and walk.plainly_final(row, cache)):
            _check_record(conn, rid)
        hashes[rid] = stored
        prev, expected = stored, expected + 1
        progress["count"], progress["last"] = len(hashes), prev
    allocated = _sequence(conn, "records")
    if allocated > len(hashes):
        raise _Failed(f"record {len(hashes) + 1} is missing (deleted?): records up to {allocated} were saved "
                      f"but only {len(hashes)} are there", len(hashes) + 1)
    return hashes, prev


def _check_record(conn: sqlite3.Connection, rid: int) -> None:
    """The original checks of one record (its order in the chain is already checked): its hash, that its
    document is final, that its keys are its own. Raises _Failed naming the problem."""
    columns = ", ".join(RECORD_FIELDS)
    row = conn.execute(f"SELECT {columns}, document, prev_sha256, sha256 FROM records WHERE id = ?", (rid,)).fetchone()
    header = dict(zip(RECORD_FIELDS, row[: len(RECORD_FIELDS)], strict=True))
    document_json, stored_prev, stored = row[len(RECORD_FIELDS):]
    if not isinstance(document_json, str) or record_hash(header, document_json, stored_prev) != stored:
        raise _Failed(f"record {rid} was changed after it was saved: its content no longer matches its "
                      "SHA-256", rid)
    try:
        document = json.loads(document_json)
    except ValueError:
        document, problem = None, "its stored document is not readable JSON"
    else:
        problem = _parsed_problem(document, str(header["status"]))
    if problem:
        raise _Failed(f"record {rid} cannot be a final record: {problem}", rid)
    expected_keys = record_keys(header["patient_id"], header["protocol_id"], *_lots(document))
    stored_keys = conn.execute("SELECT patient_key, protocol_key, lot_key, din_key FROM record_keys "
                               "WHERE record_id = ?", (rid,)).fetchone()
    if stored_keys is None or tuple(stored_keys) != expected_keys:
        raise _Failed(f"record {rid}'s patient/lot keys (used by the one-infusion check) were changed or "
                      "removed", rid)


def _prints(conn: sqlite3.Connection, records: dict[int, str]) -> tuple[dict[int, tuple[str, int]], int]:
    prev, expected, hashes = GENESIS, 1, {}
    for row in conn.execute("SELECT id, record_id, at, ok, detail, prev_sha256, sha256 FROM print_events ORDER BY id"):
        event = dict(zip(("id", "record_id", "at", "ok", "detail"), row[:5], strict=True))
        stored_prev, stored = row[5:]
        if (event["id"] != expected or stored_prev != prev or event["record_id"] not in records
                or walk.print_event_hash(row[:5], stored_prev) != stored):
            raise _Failed(f"print event {event['id']} of record {event['record_id']} was changed, deleted or "
                          "reordered", event["record_id"] if isinstance(event["record_id"], int) else None)
        hashes[event["id"]] = (stored, event["record_id"])
        prev, expected = stored, expected + 1
    if _sequence(conn, "print_events") > len(hashes):
        raise _Failed(f"the last print event (number {len(hashes) + 1}) is missing (deleted?)")
    return hashes, len(hashes)


def _approvals(conn: sqlite3.Connection) -> dict[int, str]:
    hashes = {}
    columns = "id, protocol_id, version, protocol_sha256, approved_by, at, reason"
    for row in conn.execute(f"SELECT {columns}, sha256 FROM protocol_approvals ORDER BY id"):
        approval = dict(zip(columns.split(", "), row[:7], strict=True))
        if approval_hash(approval) != row[7]:
            raise _Failed(f"protocol approval {approval['id']} ({approval['protocol_id']} version "
                          f"{approval['version']}) was changed after it was made")
        hashes[approval["id"]] = row[7]
    if _sequence(conn, "protocol_approvals") > len(hashes) or (hashes and max(hashes) != len(hashes)):
        raise _Failed("a protocol approval is missing (deleted?)")
    return hashes


def _ledger(conn: sqlite3.Connection, items: dict[str, dict[int, Any]]) -> list[str]:
    prev, chain, seen = GENESIS, [], {kind: set() for kind in KINDS}
    # SQLite: each entry's canonical JSON text made by SQLite (verify_walk.LEDGER_SELECT), NULL for an entry of
    # unexpected types, which is hashed the original way
    select = walk.LEDGER_SELECT if isinstance(conn, sqlite3.Connection) else \
        "SELECT seq, kind, ref, item_sha256, prev_sha256, sha256, NULL FROM ledger ORDER BY seq"
    sha256, empty = walk.sha256, {}
    for seq, kind, ref, item_sha256, stored_prev, stored, text in conn.execute(select):
        if seq != len(chain) + 1:
            raise _Failed(f"ledger entry {len(chain) + 1} is missing (deleted?)", ref if kind == "record" else None)
        if stored_prev != prev or (sha256(text.encode()).hexdigest() if text is not None else
                                   walk.ledger_hash((seq, kind, ref, item_sha256), stored_prev)) != stored:
            raise _Failed(f"ledger entry {seq} ({kind} {ref}) was changed, removed or reordered: its hash does not "
                          "match", ref if kind == "record" else None)
        item = items.get(kind, empty).get(ref)
        item_hash = item[0] if isinstance(item, tuple) else item
        kind_seen = seen[kind]
        if item is None or item_hash != item_sha256 or ref in kind_seen:
            raise _Failed(f"ledger entry {seq} ({kind} {ref}) names a {kind} that is not there or was changed",
                          ref if kind == "record" else None)
        if kind == "print" and item[1] not in seen["record"]:
            raise _Failed(f"ledger entry {seq} ({kind} {ref}): a print event logged before its record was saved",
                          item[1])
        if kind == "bedside" and item[1] is not None and item[1] not in seen["record"]:  # issue 13
            raise _Failed(f"ledger entry {seq} ({kind} {ref}): a bedside check logged before its record was saved",
                          item[1])
        kind_seen.add(ref)
        chain.append(stored)
        prev = stored
    for kind in KINDS:
        missing = sorted(set(items.get(kind, {})) - seen[kind])
        if missing:
            raise _Failed(f"{kind} {missing[0]} is not in the ledger (added outside mscdose?)",
                          missing[0] if kind == "record" else None)
    if _sequence(conn, "ledger") > len(chain):
        raise _Failed(f"ledger entry {len(chain) + 1} is missing (deleted?)")
    return chain


def _user_items(conn: sqlite3.Connection) -> dict[str, dict[int, Any]]:
    """Issue 14: every user event's and signature's hash recomputed (users.py), for the ledger walk."""
    try:
        return users.ledger_items(conn)  # type: ignore[return-value]
    except users.UserChainProblem as problem:
        raise _Failed(str(problem), problem.record_id) from None


def check_anchor(chain: list[str], anchor: Anchor, label: str, *, partial_copy: bool = False) -> None:
    if anchor.entries > len(chain):
        if partial_copy:
            return  # a backup made before the anchor: the anchor speaks of entries this copy never had
        raise _Failed(f"{label} says the chain had {anchor.entries} entries (head {anchor.head[:12]}, {anchor.at}) "
                      f"but it has only {len(chain)}: entries were removed, or this file is an older copy")
    actual = chain[anchor.entries - 1] if anchor.entries else GENESIS
    if not actual.startswith(anchor.head):
        raise _Failed(f"{label} does not match: entry {anchor.entries} has hash {actual[:12]}, the anchor says "
                      f"{anchor.head[:12]} ({anchor.at}): something up to it was changed, removed or reordered")


def verify_connection(conn: sqlite3.Connection, anchors: list[tuple[str, Anchor]], *, anchor_file_set: bool = False,
                      partial_copy: bool = False) -> VerifyReport:
    """The whole walk; sqlite3 errors are the caller's to translate."""
    progress: dict[str, Any] = {"count": 0, "last": GENESIS}
    events, approvals, entries, head = 0, 0, 0, GENESIS
    kinds = {"user_events": 0, "signatures": 0, "bedside_checks": 0}
    try:
        records, _ = _records(conn, progress)
        prints, events = _prints(conn, records)
        approval_hashes = _approvals(conn)
        approvals = len(approval_hashes)
        # issue 13: bedside checks (records/bedside.py), each hash recomputed and its result against its reasons
        try:
            bedside = verify_bedside(conn, records)
        except BedsideDamage as damage:
            raise _Failed(str(damage)) from None
        people = _user_items(conn)  # issue 14: user events and signatures (users.py)
        kinds.update(user_events=len(people.get("user", {})), signatures=len(people.get("signature", {})),
                     bedside_checks=len(bedside))
        chain = _ledger(conn, {"record": records, "print": prints, "approval": approval_hashes, "bedside": bedside,
                               **people})
        entries, head = len(chain), (chain[-1] if chain else GENESIS)
        for label, anchor in anchors:
            check_anchor(chain, anchor, label, partial_copy=partial_copy)
        covered = max((a.entries for label, a in anchors if label.startswith("anchor file")), default=None)
        unanchored = 0
        if anchor_file_set and covered is not None and entries > covered and not partial_copy:
            raise _Failed(f"ledger entries {covered + 1} to {entries} are not in the anchor file: added outside "
                          "mscdose, or the file could not be written at the time (the save said so). Check them; "
                          "`mscdose audit anchor` gives the line to add once they are confirmed")
        if anchors:
            unanchored = max(0, entries - max(a.entries for _, a in anchors))
    except _Failed as failed:
        count, last = progress["count"], progress["last"]
        return VerifyReport(False, count, failed.record_id, failed.problem, last_sha256=last, print_events=events,
                            approvals=approvals, entries=entries, head=head, **kinds)
    return VerifyReport(True, progress["count"], None, "", last_sha256=progress["last"], print_events=events,
                        approvals=approvals, entries=entries, head=head, anchors_checked=len(anchors),
                        unanchored=unanchored, **kinds)
