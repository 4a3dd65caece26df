"""The ledger: one hash chain over everything the store keeps, and the anchors that pin it from outside.

Why one chain: records, print events and protocol approvals used to have separate chains, so a forged print
event or approval only had to be consistent with its own kind. Now every entry of every kind is also a row
of the ledger, in the order it happened, and the ledger's last hash (the *head*) covers all of them. Later
kinds (user changes, checks, bedside checks) only add a table and a `kind`.

Why anchors: a chain kept inside the file cannot catch someone who rewrites the whole file (re-hashing
everything, or deleting the last rows and clearing sqlite_sequence). An anchor is the head at a moment
written somewhere else (a logbook, the data manager's mail, a worksheet in the patient's file, the site's
MSCDOSE_ANCHOR_FILE on another machine); verify proves the ledger still contains that exact head at that
position, so nothing up to it was changed, removed or reordered.

Anchor line (one line, stable): `mscdose-anchor v1 entries=<N> head=<64 hex> at=<UTC ISO time>`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mscdose.records.canonical import GENESIS, ledger_hash
from mscdose.records.errors import StoreError

ANCHOR_FILE_ENV = "MSCDOSE_ANCHOR_FILE"
KINDS = ("record", "print", "approval", "user", "signature")  # issue 14: users.py; later: "bedside"
_ANCHOR = re.compile(r"^\s*mscdose-anchor\s+v1\s+entries=(\d{1,18})\s+head=([0-9a-fA-F]{12,64})"
                     r"(?:\s+at=(\S+))?\s*$")
MIN_PREFIX = 12  # hex digits: what a worksheet prints; 48 bits, far beyond chance collisions in one store


@dataclass(frozen=True)
class Anchor:
    entries: int
    head: str  # full 64 hex digits, or a prefix of at least 12 when copied by hand
    at: str = ""

    def line(self) -> str:
        return f"mscdose-anchor v1 entries={self.entries} head={self.head} at={self.at}"


def parse_anchor(text: str) -> Anchor:
    """An anchor line as printed by `anchor_line()`; StoreError saying what it should look like otherwise."""
    match = _ANCHOR.match(text or "")
    if not match:
        raise StoreError(f"Anchor {text!r:.120} is not an mscdose anchor line; it looks like "
                         "`mscdose-anchor v1 entries=12 head=<64 hex digits> at=<time>` "
                         "(`mscdose audit anchor` prints one).")
    return Anchor(int(match.group(1)), match.group(2).lower(), match.group(3) or "")


def append_entry(conn: sqlite3.Connection, kind: str, ref: int, item_sha256: str) -> tuple[int, str]:
    """Add one ledger entry inside the caller's write transaction; returns (seq, entry sha256)."""
    last = conn.execute("SELECT seq, sha256 FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'ledger'").fetchone()
    seq = max(int(row[0]) if row else 0, last[0] if last else 0) + 1
    prev = last[1] if last else GENESIS
    entry = {"seq": seq, "kind": kind, "ref": int(ref), "item_sha256": item_sha256}
    digest = ledger_hash(entry, prev)
    conn.execute("INSERT INTO ledger (seq, kind, ref, item_sha256, prev_sha256, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                 (seq, kind, int(ref), item_sha256, prev, digest))
    return seq, digest


def backfill(conn: sqlite3.Connection) -> None:
    """Migration 3: give every existing record and print event its ledger entry, oldest first.

    Only inserts: old rows are never rewritten, so their own hashes keep verifying. Order: by the time each
    was saved, a record before a print event at the same instant, then by id; deterministic, so the same
    old file always gets the same ledger."""
    items = [(at, 0, rid, "record", sha) for rid, at, sha in conn.execute("SELECT id, created_at, sha256 FROM records")]
    items += [(at, 1, eid, "print", sha) for eid, at, sha in conn.execute("SELECT id, at, sha256 FROM print_events")]
    for _, _, ref, kind, sha in sorted(items):
        append_entry(conn, kind, ref, sha)


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, sha256 FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def anchor_now(entries: int, head_sha256: str) -> Anchor:
    return Anchor(entries, head_sha256, datetime.now(UTC).isoformat(timespec="seconds"))


def anchor_file_from_environment() -> Path | None:
    value = os.environ.get(ANCHOR_FILE_ENV, "").strip()
    return Path(value).expanduser() if value else None


def append_anchor(path: Path, anchor: Anchor) -> str | None:
    """Append the anchor line to the site's anchor file; the problem as text if it could not be written.

    Called after the commit: the entry is saved whatever happens here, and a failure must not look like a
    failed save (the caller would save twice). One write of one line in append mode, so lines written by
    several workstations at once never interleave."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (anchor.line() + "\n").encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        return (f"The entry was saved, but its anchor line could not be added to the anchor file {path} "
                f"({error.strerror or error}). Tell the data manager; `mscdose audit anchor` prints the line "
                "to add by hand once the file is reachable again.")
    return None


def read_anchor_file(path: Path) -> list[Anchor]:
    """Every anchor line of the file (blank lines and #-comments skipped); StoreError naming a bad line."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(f"Cannot read the anchor file {path} ({error.strerror or error}); check the "
                         f"{ANCHOR_FILE_ENV} setting and that the share is reachable.") from None
    anchors = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            anchors.append(parse_anchor(line))
        except StoreError:
            raise StoreError(f"Line {number} of the anchor file {path} is not an anchor line ({line!r:.80}); "
                             "the file may have been edited. Keep it and report it.") from None
    return anchors
