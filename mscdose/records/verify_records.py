"""verify()'s first step: every record, walked a span of ids at a time, on both cores when there are many.

What it proves of the records (see verify.py for the whole): ids without gaps, each record's hash (header +
document) recomputed and linked to the one before, its stored document JSON and final (the same status as
its header, ok or warning, no hard flag), and the canonical keys the one-infusion check uses are its own.

Why spans (issue 18): at 100,000 records this walk is most of verify's time, SQLite and hashing in one
process, one core. Spans are walked independently (each checks its own rows and links) and joined in order
(`joined`: each span starts at the id after the last and links to its hash), so the same first problem is
found whether one process walks them or two do. `RecordSpans` gives the later spans to a helper process
(two_process.py) to walk in the background while this one walks the earlier ones and then the other kinds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mscdose.records import two_process
from mscdose.records import verify_walk as walk  # issue 18: the fast path
from mscdose.records.canonical import GENESIS, RECORD_FIELDS, record_hash
from mscdose.records.digests import ById, Digests
from mscdose.records.schema import record_keys

FINAL_STATUSES = ("ok", "warning")
HEADER_COLUMNS = len(RECORD_FIELDS)
# The share of the spans this process walks itself while a helper walks the rest (`own_share`), so that both
# finish together: this process also walks the kinds that do not need the records (print events, signatures,
# approvals, the ledger's own chain) meanwhile. Their cost in records' worth, measured at 100,000 records on two
# cores (issue 18, session 8, CPU time): a record 40-50 µs in either process, a print event 6 µs, a signature
# 10 µs, a ledger entry 5 µs. A store without signatures gives 0.41 (session 7 measured 0.30-0.50 alike); one
# whose every record is signed twice, as finalising and the double check do, the floor of 0.1 (at 0.45 this
# process was still walking signatures and the ledger long after the helper had finished).
HELPER_RECORD, PRINT_EVENT, SIGNATURE, LEDGER_ENTRY = 1.0, 0.14, 0.22, 0.11
OWN_SHARE = 0.45  # when the counts cannot be read (a damaged sqlite_sequence): the figure before session 8


def own_share(conn: sqlite3.Connection) -> float:
    """This process's share of the record spans, from the counts of what else it walks meanwhile; only the
    walk's speed depends on it, never its result (the spans are joined in order, H18-R5)."""
    try:
        counts = {name: int(seq) for name, seq in conn.execute(
            "SELECT name, seq FROM sqlite_sequence WHERE name IN ('records', 'print_events', 'signatures', 'ledger')")}
    except (sqlite3.Error, TypeError, ValueError, OverflowError):
        return OWN_SHARE
    records = counts.get("records", 0)
    if records <= 0:
        return OWN_SHARE
    other = (PRINT_EVENT * counts.get("print_events", 0) + SIGNATURE * counts.get("signatures", 0)
             + LEDGER_ENTRY * counts.get("ledger", 0))
    return min(0.9, max(0.1, (HELPER_RECORD * records - other) / ((1 + HELPER_RECORD) * records)))


class Failed(Exception):
    """The first problem verify met, and the record it names (if one)."""

    def __init__(self, problem: str, record_id: int | None = None) -> None:
        super().__init__(problem)
        self.problem, self.record_id = problem, record_id


def sequence(conn: sqlite3.Connection, table: str) -> int:
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


# The SELECT of each record the original way (PostgreSQL's store, and any span SQLite cannot read the fast way)
_ORIGINAL = f"SELECT {', '.join(RECORD_FIELDS)}, NULL, prev_sha256, sha256 FROM records"
_SPAN = " WHERE records.id BETWEEN ? AND ? ORDER BY records.id"


class SpanWalk(NamedTuple):
    """One span's records walked (`walk_span`): the first row's id and stored previous hash (None when the span
    holds no row), the hashes of the rows accepted in order (32 bytes each, digests.py), and the first problem
    met, if any."""

    first_id: int | None
    first_prev: str | None
    hashes: Digests
    failure: tuple[str, int | None] | None


class RecordSpans:
    """The records of one verify: the spans this process walks (`walk_own`) and, with a helper, the later
    spans it walks meanwhile; `joined` joins them all in order. Without `path` (a copy in memory, PostgreSQL)
    or with few records, this process walks every span. The PostgreSQL store (its SQL has no BLOB or
    json_extract, and other placeholders) walks the original way, all records as one span."""

    def __init__(self, conn: Any, path: Path | None) -> None:
        self.conn = conn
        self.spans: list[tuple[int, ...]] = []
        self.cut = 0
        self.helper: two_process.Background | None = None
        if not isinstance(conn, sqlite3.Connection):
            return
        self.spans = list(two_process.id_spans(conn))
        self.cut = len(self.spans)
        threshold = two_process.parallel_from()
        if path is not None and threshold is not None and len(self.spans) > 1 \
                and len(self.spans) * two_process.SPAN >= threshold:
            self.cut = max(1, round(len(self.spans) * own_share(conn)))
            self.helper = two_process.Background(path, walk_span, self.spans[self.cut:])

    def walk_own(self) -> list[SpanWalk]:
        if not isinstance(self.conn, sqlite3.Connection):
            return [_walk_rows(self.conn, self.conn.execute(f"{_ORIGINAL} ORDER BY id"), fast=False)]
        reading = two_process.Reading(self.conn, None)
        walked = []
        for span in self.spans[: self.cut]:
            walked.append(walk_span(reading, span))
            if walked[-1].failure is not None:
                break  # the first problem is here: the later spans cannot change the report
        return walked

    def joined(self, own: list[SpanWalk], progress: dict[str, Any]) -> ById:
        """Every record's hash by id; raises Failed with the first problem, as one walk would meet it."""
        return joined(self.conn, self._then_the_rest(own), progress)

    def _then_the_rest(self, own: list[SpanWalk]) -> Iterator[SpanWalk]:
        yield from own
        if self.helper is not None:
            yield from self.helper.results(two_process.Reading(self.conn, None))

    def stop(self) -> None:
        if self.helper is not None:
            self.helper.stop()


def walk_span(reading: two_process.Reading, span: tuple[int, ...]) -> SpanWalk:
    """The records whose ids are in `span` (inclusive), the fast way; a span with a document SQLite cannot
    read as JSON (its JSON functions stop the statement) is walked again the original way."""
    conn = reading.conn
    try:
        return _walk_rows(conn, conn.execute(walk.FAST_SELECT.replace(" ORDER BY records.id", _SPAN), span),
                          fast=True)
    except sqlite3.OperationalError:
        return _walk_rows(conn, conn.execute(f"{_ORIGINAL}{_SPAN}", span), fast=False)


def _walk_rows(conn: sqlite3.Connection, rows: Any, *, fast: bool) -> SpanWalk:
    """Consecutive rows: ids without gaps, each linked to the one before, each record checked."""
    first_id = first_prev = prev = None
    expected, hashes = 0, []  # made Digests once the span is walked: one conversion, not one a row
    cache = walk.KeyCache(_parsed_problem)
    where = 1 if fast else HEADER_COLUMNS + 1  # the stored previous hash, then the hash
    try:
        for row in rows:
            rid, stored_prev, stored = row[0], row[where], row[where + 1]
            if first_id is None:
                first_id, first_prev, prev, expected = rid, stored_prev, stored_prev, rid
            if rid != expected:
                raise Failed(_missing(expected, rid), expected)
            if stored_prev != prev:
                raise Failed(_not_following(rid), rid)
            if not (fast and walk.plainly_final(row, cache)):
                _check_record(conn, rid)
            hashes.append(stored)
            prev, expected = stored, expected + 1
    except Failed as failed:
        return SpanWalk(first_id, first_prev, Digests.of(hashes), (failed.problem, failed.record_id))
    return SpanWalk(first_id, first_prev, Digests.of(hashes), None)


def joined(conn: Any, walks: Iterable[SpanWalk], progress: dict[str, Any]) -> ById:
    """The spans' chains joined in order: each span must start at the id after the last one and link to its
    hash. Raises Failed with the first problem, as one walk over every record would meet it. What it gives is
    every record's hash by id, ids 1..N (the spans proved them consecutive), 32 bytes a record."""
    prev, expected, hashes = GENESIS, 1, Digests()
    for span in walks:
        if span.first_id is not None:
            if span.first_id != expected:
                raise Failed(_missing(expected, span.first_id), expected)
            if span.first_prev != prev:
                raise Failed(_not_following(span.first_id), span.first_id)
        if len(span.hashes):
            hashes.extend(span.hashes)
            prev = span.hashes[-1]
            expected += len(span.hashes)
        progress["count"], progress["last"] = len(hashes), prev
        if span.failure is not None:
            raise Failed(*span.failure)
    allocated = sequence(conn, "records")
    if allocated > len(hashes):
        raise Failed(f"record {len(hashes) + 1} is missing (deleted?): records up to {allocated} were saved "
                      f"but only {len(hashes)} are there", len(hashes) + 1)
    return ById(hashes)


def _missing(expected: int, rid: Any) -> str:
    return f"record {expected} is missing (deleted?): the record after record {expected - 1} is record {rid}"


def _not_following(rid: Any) -> str:
    return (f"record {rid} does not follow on from record {rid - 1}: its stored previous hash differs (a record "
            "was deleted, reordered or rewritten)")


def _check_record(conn: sqlite3.Connection, rid: int) -> None:
    """The original checks of one record (its order in the chain is already checked): its hash, that its
    document is final, that its keys are its own. Raises Failed naming the problem."""
    columns = ", ".join(RECORD_FIELDS)
    row = conn.execute(f"SELECT {columns}, document, prev_sha256, sha256 FROM records WHERE id = ?", (rid,)).fetchone()
    header = dict(zip(RECORD_FIELDS, row[: len(RECORD_FIELDS)], strict=True))
    document_json, stored_prev, stored = row[len(RECORD_FIELDS):]
    if not isinstance(document_json, str) or record_hash(header, document_json, stored_prev) != stored:
        raise Failed(f"record {rid} was changed after it was saved: its content no longer matches its "
                      "SHA-256", rid)
    try:
        document = json.loads(document_json)
    except ValueError:
        document, problem = None, "its stored document is not readable JSON"
    else:
        problem = _parsed_problem(document, str(header["status"]))
    if problem:
        raise Failed(f"record {rid} cannot be a final record: {problem}", rid)
    expected_keys = record_keys(header["patient_id"], header["protocol_id"], *_lots(document))
    stored_keys = conn.execute("SELECT patient_key, protocol_key, lot_key, din_key FROM record_keys "
                               "WHERE record_id = ?", (rid,)).fetchone()
    if stored_keys is None or tuple(stored_keys) != expected_keys:
        raise Failed(f"record {rid}'s patient/lot keys (used by the one-infusion check) were changed or "
                      "removed", rid)


