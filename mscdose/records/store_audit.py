"""Auditing the record store: verify the chain, check a printed worksheet, check SQLite's pages, the anchor.

Why a module of its own: these are what an auditor runs, months after the saves, to show that nothing was
changed, deleted or reordered; they only read and never repair, so they are kept apart from the writes
(store_writing.py) and from the everyday reading (store.py). The walk itself is verify.py's;
`RecordStore` (store.py) inherits these methods and supplies `_reading`, `get` and the connection.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from mscdose.records import integrity, ledger
from mscdose.records.errors import StoreError
from mscdose.records.model import PrintedCheck, SavedRecord
from mscdose.records.store_sql import _one_snapshot
from mscdose.records.two_process import parallel_from
from mscdose.records.verify import VerifyReport, verify_connection


class StoreAudit:
    """RecordStore's auditing (a mixin: RecordStore in store.py is the class to use)."""

    if TYPE_CHECKING:  # RecordStore's own (store.py)
        path: Path
        anchor_file: Path | None
        migrated_in_memory: bool
        _conn: sqlite3.Connection

        def _reading(self, action: str) -> AbstractContextManager[sqlite3.Connection]: ...

        def get(self, record_id: int) -> SavedRecord: ...

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
        """SQLite's own check of the pages and indexes (`PRAGMA integrity_check`); empty when the file is sound."""
        return integrity.integrity_problems(self._conn, self.path)

    def audit(self, anchor: str | None = None, *, partial_copy: bool = False) -> tuple[VerifyReport, list[str]]:
        """`verify()`, and `integrity_problems()` when the chain verified (else []): what `audit verify` and a
        backup's check ask. For a file, SQLite's check runs alongside the walk (integrity.py): the same answers,
        sooner; it is stopped when the chain does not verify, whose report is then the answer."""
        alongside = self._integrity_alongside()
        try:
            report = self.verify(anchor, partial_copy=partial_copy)
        except BaseException:
            if alongside is not None:
                alongside.stop()
            raise
        if not report.ok:
            if alongside is not None:
                alongside.stop()
            return report, []
        found = alongside.problems() if alongside is not None else None
        return report, self.integrity_problems() if found is None else found

    def _integrity_alongside(self) -> integrity.IntegrityAlongside | None:
        """SQLite's check of this file started in a thread; None to check after the walk: a copy migrated in
        memory (the copy is what is checked) or the one-process way asked for (MSCDOSE_HELPER_PROCESS=off)."""
        if self.migrated_in_memory or parallel_from() is None:
            return None
        return integrity.start_alongside(self.path)
