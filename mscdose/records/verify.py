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

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mscdose.records import users
from mscdose.records import verify_walk as walk  # issue 18: the fast path
from mscdose.records.bedside import BedsideDamage, verify_bedside  # issue 13
from mscdose.records.canonical import GENESIS, approval_hash
from mscdose.records.digests import NOT_MISSING, ById, Digests, SeenIds, SeenSet
from mscdose.records.ledger import KINDS, Anchor
from mscdose.records.verify_records import FINAL_STATUSES, Failed, RecordSpans, sequence

__all__ = ["FINAL_STATUSES", "VerifyReport", "check_anchor", "verify_connection"]
T = TypeVar("T")


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


class _PrintWalk:
    """The print events walked (ids, links, hashes) before the records are known: which record each accepted
    event names is checked by `checked` once they are, so the first event with any problem is still the one
    named, as in one walk (issue 18: this runs while a helper process walks records)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        prev, expected = GENESIS, 1
        # each accepted event's hash and the record it names, by position: ids 1, 2, ... (digests.py)
        self.hashes, self.record_ids = Digests(), []
        self.failure: Failed | None = None
        for row in conn.execute("SELECT id, record_id, at, ok, detail, prev_sha256, sha256 FROM print_events "
                                "ORDER BY id"):
            event_id, record_id, stored_prev, stored = row[0], row[1], row[5], row[6]
            if event_id != expected or stored_prev != prev or walk.print_event_hash(row[:5], stored_prev) != stored:
                self.failure = self._problem(event_id, record_id)
                return
            self.hashes.append(stored)
            self.record_ids.append(record_id)
            prev, expected = stored, expected + 1
        if sequence(conn, "print_events") > len(self.hashes):
            self.failure = Failed(f"the last print event (number {len(self.hashes) + 1}) is missing (deleted?)")

    @staticmethod
    def _problem(event_id: Any, record_id: Any) -> Failed:
        return Failed(f"print event {event_id} of record {record_id} was changed, deleted or reordered",
                      record_id if isinstance(record_id, int) else None)

    def checked(self, records: ById) -> tuple[ById, int]:
        events = ById(self.hashes, self.record_ids)
        for event_id, record_id in events.named():
            if record_id not in records:
                raise self._problem(event_id, record_id)
        if self.failure is not None:
            raise self.failure
        return events, len(self.hashes)


def _approvals(conn: sqlite3.Connection) -> dict[int, str]:
    hashes = {}
    columns = "id, protocol_id, version, protocol_sha256, approved_by, at, reason"
    for row in conn.execute(f"SELECT {columns}, sha256 FROM protocol_approvals ORDER BY id"):
        approval = dict(zip(columns.split(", "), row[:7], strict=True))
        if approval_hash(approval) != row[7]:
            raise Failed(f"protocol approval {approval['id']} ({approval['protocol_id']} version "
                          f"{approval['version']}) was changed after it was made")
        hashes[approval["id"]] = row[7]
    if sequence(conn, "protocol_approvals") > len(hashes) or (hashes and max(hashes) != len(hashes)):
        raise Failed("a protocol approval is missing (deleted?)")
    return hashes


class _LedgerChain:
    """The ledger's own chain (seq 1..M, each entry's hash recomputed and linked to the one before), walked
    before the items it names are known: issue 18, this process does it while a helper walks records. Its
    problem is held; `checked` then matches each entry with its item, in order, so the first entry with any
    problem is still the one named, as in one walk. The caller holds one read snapshot (store.verify;
    PostgreSQL's reads are each one transaction), so both passes read the same entries."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        # SQLite: each entry's canonical JSON text made by SQLite (verify_walk.LEDGER_SELECT), NULL for an entry
        # of unexpected types, which is hashed the original way
        select = walk.LEDGER_SELECT if isinstance(conn, sqlite3.Connection) else \
            "SELECT seq, kind, ref, item_sha256, prev_sha256, sha256, NULL FROM ledger ORDER BY seq"
        sha256, prev = walk.sha256, GENESIS
        self.conn = conn
        self.chain = Digests()  # each entry's hash, in order (what anchors quote), 32 bytes each
        self.failure: Failed | None = None
        chain, batch, count = self.chain, [], 0  # the hashes go into the chain a batch at a time
        try:
            for seq, kind, ref, item_sha256, stored_prev, stored, text in conn.execute(select):
                if seq != count + 1:
                    self.failure = Failed(f"ledger entry {count + 1} is missing (deleted?)",
                                          ref if kind == "record" else None)
                    return
                if stored_prev != prev or (sha256(text.encode()).hexdigest() if text is not None else
                                           walk.ledger_hash((seq, kind, ref, item_sha256), stored_prev)) != stored:
                    self.failure = Failed(f"ledger entry {seq} ({kind} {ref}) was changed, removed or reordered: "
                                          "its hash does not match", ref if kind == "record" else None)
                    return
                batch.append(stored)
                count += 1
                if len(batch) == 1024:
                    chain.extend_texts(batch)
                    batch = []
                prev = stored
        finally:
            chain.extend_texts(batch)
        if sequence(conn, "ledger") > count:
            self.failure = Failed(f"ledger entry {count + 1} is missing (deleted?)")
            self.missing_last = True

    missing_last = False  # the last entries were deleted: found after every entry there is has been matched

    def checked(self, items: dict[str, Mapping[Any, Any]]) -> Digests:
        # what each kind has met: one byte an id for the kinds held by position (digests.ById), else a set
        seen: dict[str, SeenIds | SeenSet] = {
            kind: found.seen() if isinstance(found := items.get(kind), ById) else SeenSet() for kind in KINDS}
        empty: dict[int, Any] = {}
        # the accepted entries read again (the same snapshot), rather than held: 30 MB fewer at 100,000 records
        accepted = self.conn.execute("SELECT seq, kind, ref, item_sha256 FROM ledger WHERE seq <= ? ORDER BY seq",
                                     (len(self.chain),))
        # the common entry (a record or a signature, by a plain id, its hash as walked) accepted without a call:
        # one or three a record; print events and bedside checks, which name a record, take the general rule
        plain = {kind: (raw, len(found), kind_seen.flags) for kind in ("record", "signature")
                 if isinstance(found := items.get(kind), ById) and not found.names_records
                 and (raw := found.plain_bytes()) is not None and isinstance(kind_seen := seen[kind], SeenIds)}
        for seq, kind, ref, item_sha256 in accepted:
            short = plain.get(kind)
            if short is not None and type(ref) is int and 0 < ref <= short[1] and not short[2][ref - 1] \
                    and short[0][(ref - 1) * 32:ref * 32].hex() == item_sha256:
                short[2][ref - 1] = 1
                continue
            item = items.get(kind, empty).get(ref)  # any other entry: the general rule, which names a problem
            item_hash = item[0] if isinstance(item, tuple) else item
            kind_seen = seen[kind]
            if item is None or item_hash != item_sha256 or not kind_seen.first(ref):  # first: marks it met
                raise Failed(f"ledger entry {seq} ({kind} {ref}) names a {kind} that is not there or was changed",
                             ref if kind == "record" else None)
            if kind == "print" and item[1] not in seen["record"]:
                raise Failed(f"ledger entry {seq} ({kind} {ref}): a print event logged before its record was saved",
                             item[1])
            if kind == "bedside" and item[1] is not None and item[1] not in seen["record"]:  # issue 13
                raise Failed(f"ledger entry {seq} ({kind} {ref}): a bedside check logged before its record was "
                             "saved", item[1])
        if self.failure is not None and not self.missing_last:
            raise self.failure
        for kind in KINDS:
            kind_seen = seen[kind]
            first: Any = kind_seen.first_missing(items.get(kind, empty))
            if first is not NOT_MISSING:
                raise Failed(f"{kind} {first} is not in the ledger (added outside mscdose?)",
                             first if kind == "record" else None)
        if self.failure is not None:
            raise self.failure
        return self.chain


def _user_items(conn: sqlite3.Connection) -> dict[str, dict[int, Any]]:
    """Issue 14: every user event's and signature's hash recomputed (users.py), for the ledger walk."""
    try:
        return users.ledger_items(conn)  # type: ignore[return-value]
    except users.UserChainProblem as problem:
        raise Failed(str(problem), problem.record_id) from None


def check_anchor(chain: Sequence[str] | Digests, anchor: Anchor, label: str, *, partial_copy: bool = False) -> None:
    if anchor.entries > len(chain):
        if partial_copy:
            return  # a backup made before the anchor: the anchor speaks of entries this copy never had
        raise Failed(f"{label} says the chain had {anchor.entries} entries (head {anchor.head[:12]}, {anchor.at}) "
                      f"but it has only {len(chain)}: entries were removed, or this file is an older copy")
    actual = chain[anchor.entries - 1] if anchor.entries else GENESIS
    if not actual.startswith(anchor.head):
        raise Failed(f"{label} does not match: entry {anchor.entries} has hash {actual[:12]}, the anchor says "
                      f"{anchor.head[:12]} ({anchor.at}): something up to it was changed, removed or reordered")


def _attempt(walk_kind: Callable[..., T], *args: Any) -> tuple[T | None, Failed | None]:
    """A kind walked before the records are joined: its problem is held, and raised only when every kind
    checked before it in a one-pass walk has passed, so the report names the same first problem."""
    try:
        return walk_kind(*args), None
    except Failed as failed:
        return None, failed


def _held(attempt: tuple[T | None, Failed | None]) -> T:
    value, failure = attempt
    if failure is not None:
        raise failure
    return value  # type: ignore[return-value]


def verify_connection(conn: sqlite3.Connection, anchors: list[tuple[str, Anchor]], *, anchor_file_set: bool = False,
                      partial_copy: bool = False, path: Path | None = None) -> VerifyReport:
    """The whole walk; sqlite3 errors are the caller's to translate. `path`: the file `conn` reads (current
    schema, not a copy in memory), which a helper process may open read-only to walk the later records; the
    caller holds one read transaction on `conn` around this call (store.verify), so every count is of one
    snapshot."""
    progress: dict[str, Any] = {"count": 0, "last": GENESIS}
    events, approvals, entries, head = 0, 0, 0, GENESIS
    kinds = {"user_events": 0, "signatures": 0, "bedside_checks": 0}
    spans = RecordSpans(conn, path)
    try:
        own = spans.walk_own()
        # issue 18: while a helper walks the later records, this process walks the kinds that do not need them
        early = not any(walked.failure for walked in own)
        printed = _PrintWalk(conn) if early else None
        people_attempt = _attempt(_user_items, conn) if early else None
        approvals_attempt = _attempt(_approvals, conn) if early else None
        ledger = _LedgerChain(conn) if early else None
        records = spans.joined(own, progress)
        del own  # the spans' hashes are now in `records`: hold them once
        prints, events = (printed or _PrintWalk(conn)).checked(records)
        approval_hashes = _held(approvals_attempt or _attempt(_approvals, conn))
        approvals = len(approval_hashes)
        # issue 13: bedside checks (records/bedside.py), each hash recomputed and its result against its reasons
        try:
            bedside = verify_bedside(conn, records)
        except BedsideDamage as damage:
            raise Failed(str(damage)) from None
        people = _held(people_attempt or _attempt(_user_items, conn))  # issue 14: user events and signatures
        kinds.update(user_events=len(people.get("user", {})), signatures=len(people.get("signature", {})),
                     bedside_checks=len(bedside))
        chain = (ledger or _LedgerChain(conn)).checked({"record": records, "print": prints, "approval": approval_hashes,
                                                        "bedside": bedside, **people})
        entries, head = len(chain), (chain[-1] if chain else GENESIS)
        for label, anchor in anchors:
            check_anchor(chain, anchor, label, partial_copy=partial_copy)
        covered = max((a.entries for label, a in anchors if label.startswith("anchor file")), default=None)
        unanchored = 0
        if anchor_file_set and covered is not None and entries > covered and not partial_copy:
            raise Failed(f"ledger entries {covered + 1} to {entries} are not in the anchor file: added outside "
                         "mscdose, or the file could not be written at the time (the save said so). Check them; "
                         "`mscdose audit anchor` gives the line to add once they are confirmed")
        if anchors:
            unanchored = max(0, entries - max(a.entries for _, a in anchors))
    except Failed as failed:
        count, last = progress["count"], progress["last"]
        return VerifyReport(False, count, failed.record_id, failed.problem, last_sha256=last, print_events=events,
                            approvals=approvals, entries=entries, head=head, **kinds)
    finally:
        spans.stop()
    return VerifyReport(True, progress["count"], None, "", last_sha256=progress["last"], print_events=events,
                        approvals=approvals, entries=entries, head=head, anchors_checked=len(anchors),
                        unanchored=unanchored, **kinds)
