"""`PostgresStore`: the record store on a shared PostgreSQL server, for a clinic of several workstations.

It IS a `RecordStore` (same methods, values and errors), so the service layer and the windows cannot tell
which back end they talk to. What differs is only how a transaction is held:
- every write (record, print event, approval, user event, signature, bedside check) starts by taking one
  transaction-level advisory lock (`pg_advisory_xact_lock`) and only then reads the chain's head, checks the
  one-infusion limit and the same-lot rule and inserts, all in that transaction: saves from many
  workstations queue on the head, so the chain never forks and two workstations cannot both pass the limit
  (the server's UNIQUE prev_sha256 would refuse a fork even if a client skipped the lock);
- every read runs in one REPEATABLE READ, READ ONLY transaction, so a verify sees one consistent chain while
  others keep saving;
- a save is reported saved only after COMMIT returned. If the connection breaks during COMMIT the outcome is
  unknown to the client: the store reconnects and asks the server whether the new ledger head is there
  (then it was saved), else says plainly that it was not confirmed (`connection.commit_unknown`);
- a lost connection is re-opened on the next call, so a server restart costs one failed action, not a
  restart of the program.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from mscdose.core.identifiers import canonical_key, lot_key
from mscdose.records import ledger
from mscdose.records.errors import NOTHING_SAVED, StoreError, damaged
from mscdose.records.postgres import connection as pgc
from mscdose.records.postgres.ddl import ADVISORY_LOCK_KEY, LAYOUT_VERSION, SCHEMA, TABLES
from mscdose.records.schema import document_lots
from mscdose.records.store import _DAMAGE, RecordStore

SAME_LOT_FLAG = "REPEAT_INFUSION_SAME_LOT_DAY"


class PostgresStore(RecordStore):
    """The shared store at `url` (postgresql://USER@HOST:PORT/DATABASE?sslmode=...). Raises StoreError when the
    server cannot be reached, refuses the login, or has no (or a newer) mscdose schema."""

    def __init__(self, url: str, *, read_only: bool = False, anchor_file: Path | str | None = None,
                 schema: str = SCHEMA) -> None:
        self.read_only = read_only
        self.migrated_in_memory = False
        self.last_anchor_problem: str | None = None
        self.anchor_file = Path(anchor_file) if anchor_file else ledger.anchor_file_from_environment()
        self.url, self.schema = url, schema
        self.path = pgc.describe(url)  # type: ignore[assignment]  # messages name it like the SQLite file
        self._pg: psycopg.Connection[Any] | None = None
        self._same_lot: tuple[str, set[str], int | None] | None = None
        self._live("open the shared record database", writing=False)
        self._check_layout()

    @classmethod
    def open_read_only(cls, path: Path | str | None = None, *, anchor_file: Path | str | None = None
                       ) -> PostgresStore:
        """For audit: the session is read-only on the server (`default_transaction_read_only`)."""
        if path is None:
            from mscdose.records.postgres import database_url

            path = database_url()
        return cls(str(path), read_only=True, anchor_file=anchor_file)

    # -- the connection ------------------------------------------------------------------------------

    def _live(self, action: str, *, writing: bool = True) -> psycopg.Connection[Any]:
        """The connection, opened again if it was lost (server restarted, network back)."""
        if self._pg is not None and not self._pg.closed and not self._pg.broken:
            return self._pg
        if self._pg is not None:
            with contextlib.suppress(psycopg.Error):
                self._pg.close()
            self._pg = None
        try:
            self._pg = pgc.connect(self.url, self.schema, read_only=self.read_only)
        except psycopg.Error as error:
            raise pgc.explain(error, str(self.path), action, writing=writing) from None
        return self._pg

    @property
    def _conn(self) -> pgc.Dialect:  # type: ignore[override]
        return pgc.Dialect(self._live("read the shared record database", writing=False))

    def _check_layout(self) -> None:
        with self._reading("open the shared record database") as conn:
            version = conn.execute("SELECT MAX(version) FROM layout_version").fetchone()[0]
        if version is None or version < LAYOUT_VERSION:
            raise StoreError(f"The shared record database {self.path} has mscdose tables of version {version}; this "
                             f"mscdose needs version {LAYOUT_VERSION}. Ask the database administrator to upgrade "
                             "it (see `mscdose db init --print-sql`). Nothing was changed.")
        if version > LAYOUT_VERSION:
            raise StoreError(f"The shared record database {self.path} was set up by a newer mscdose (tables of "
                             f"version {version}, this one knows {LAYOUT_VERSION}). Nothing was changed; update "
                             "mscdose on this workstation.")

    @property
    def schema_version(self) -> int:
        return LAYOUT_VERSION

    def close(self) -> None:
        if self._pg is not None:
            with contextlib.suppress(psycopg.Error):
                self._pg.close()
            self._pg = None

    # -- transactions --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self, action: str) -> Iterator[pgc.Dialect]:  # type: ignore[override]
        """One transaction holding the chain lock from its first statement; committed before it returns."""
        if self.read_only:
            raise StoreError(f"Could not {action}: {self.path} was opened read-only (for audit); nothing was "
                             "saved. Open it normally to save.")
        where = str(self.path)
        pg = self._live(action)
        conn = pgc.Dialect(pg)
        try:
            pg.execute("BEGIN")
            pg.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
            self._check_same_lot(conn)
        except psycopg.Error as error:
            self._rollback(pg)
            raise pgc.explain(error, where, action) from None
        except BaseException:
            self._rollback(pg)
            raise
        head = None
        try:
            yield conn
            row = pg.execute("SELECT sha256 FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
            head = row[0] if row else None
            self._commit(pg)
        except _CommitLost as lost:
            self._resolve_lost_commit(head, action, lost.error)
        except BaseException as error:
            self._rollback(pg)
            if isinstance(error, psycopg.Error):
                raise pgc.explain(error, where, action) from None
            if isinstance(error, _DAMAGE) and not isinstance(error, StoreError):
                raise damaged(where, action,  # type: ignore[arg-type]  # the URL, named like a file
                              f"{type(error).__name__}: {error}; nothing was saved") from None
            raise
        self._append_anchor()

    def _commit(self, pg: psycopg.Connection[Any]) -> None:
        """Separate so that a test can stop the server just before it (the commit is then lost)."""
        try:
            pg.execute("COMMIT")
        except psycopg.OperationalError as error:
            raise _CommitLost(error) from None

    def _resolve_lost_commit(self, head: str | None, action: str, error: BaseException) -> None:
        """COMMIT did not come back: ask the server (a new connection) whether the new head is there."""
        where = str(self.path)
        if self._pg is not None and not self._pg.broken and not self._pg.closed:
            raise pgc.explain(error, where, action) from None  # the server answered: it refused the commit
        self.close()
        try:
            found = head is not None and self._conn.execute(
                "SELECT 1 FROM ledger WHERE sha256 = ?", (head,)).fetchone() is not None
        except (StoreError, psycopg.Error):
            raise pgc.commit_unknown(where, action) from None
        if not found:
            raise StoreError(f"Could not {action}: the connection to {where} was lost during the commit, and the "
                             f"server confirms the entry is not there. {NOTHING_SAVED} Try again.") from None
        # found: it was committed before the connection broke; carry on as a successful save

    @staticmethod
    def _rollback(pg: psycopg.Connection[Any]) -> None:
        if not pg.closed and not pg.broken and pg.info.transaction_status != TransactionStatus.IDLE:
            with contextlib.suppress(psycopg.Error):
                pg.execute("ROLLBACK")

    @contextlib.contextmanager
    def _reading(self, action: str) -> Iterator[pgc.Dialect]:  # type: ignore[override]
        """One REPEATABLE READ, READ ONLY snapshot per read (nested reads share the outer one)."""
        where = str(self.path)
        pg = self._live(action, writing=False)
        outer = pg.info.transaction_status == TransactionStatus.IDLE
        try:
            if outer:
                pg.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield pgc.Dialect(pg)
            if outer:
                pg.execute("COMMIT")
        except BaseException as error:
            if outer:
                self._rollback(pg)
            if isinstance(error, StoreError):
                raise
            if isinstance(error, psycopg.Error):
                raise pgc.explain(error, where, action, writing=False) from None
            if isinstance(error, _DAMAGE):
                raise damaged(where, action, f"{type(error).__name__}: {error}") from None  # type: ignore[arg-type]
            raise

    # -- saving: the same-lot rule in the save's transaction -----------------------------------------

    def save(self, document: dict[str, Any], *, supersedes: int | None = None, correction_reason: str = "",
             infusion_limit: int | None = None) -> Any:
        """`RecordStore.save`, plus: a standing record of the same patient and lot (or DIN) saved today by
        another workstation after this calculation was reviewed is refused unless the document carries the
        REPEAT_INFUSION_SAME_LOT_DAY override (the preparer saw it and gave a reason)."""
        overridden = {str(o.get("code")) for o in (document.get("overrides") or []) if isinstance(o, dict)} \
            if isinstance(document, dict) else set()
        patient = (document.get("patient") or {}) if isinstance(document, dict) else {}
        if SAME_LOT_FLAG not in overridden and isinstance(patient, dict):
            try:
                from mscdose.records.canonical import canonical_json

                lots = {lot_key(value) for value in document_lots(canonical_json(document))} - {""}
            except (TypeError, ValueError):
                lots = set()
            if lots:
                self._same_lot = (canonical_key(str(patient.get("id") or "")), lots, supersedes)
        try:
            return super().save(document, supersedes=supersedes, correction_reason=correction_reason,
                                infusion_limit=infusion_limit)
        finally:
            self._same_lot = None

    def _check_same_lot(self, conn: pgc.Dialect) -> None:
        if self._same_lot is None:
            return
        patient_key, lots, supersedes = self._same_lot
        today = datetime.now().astimezone().date()
        rows = conn.execute(
            "SELECT r.id, r.created_at FROM records r JOIN record_keys k ON k.record_id = r.id "
            "WHERE k.patient_key = ? AND (k.lot_key = ANY(?) OR k.din_key = ANY(?)) AND r.id IS NOT ? "
            "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id) ORDER BY r.id",
            (patient_key, sorted(lots), sorted(lots), supersedes)).fetchall()
        same_day = [rid for rid, at in rows if datetime.fromisoformat(at).astimezone().date() == today]
        if same_day:
            listed = ", ".join(f"#{rid}" for rid in same_day)
            raise StoreError(f"Cannot save: record(s) {listed} of this patient from the same lot were saved today "
                             f"(another workstation, after this calculation was reviewed) ({SAME_LOT_FLAG}). "
                             f"{NOTHING_SAVED} Review it again: a repeat infusion of the same lot on the same day "
                             "needs an override with a reason.")

    # -- what SQLite does differently ----------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """The server keeps its own pages; what can be wrong here is the protection: every table must still
        have its append-only triggers, enabled, and this role must not be able to UPDATE or DELETE."""
        problems = []
        with self._reading("check the shared record database") as conn:
            found = {(table, name): enabled for table, name, enabled in conn.execute(
                "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?", (self.schema,))}
            for table in TABLES:
                for trigger in (f"{table}_append_only", f"{table}_no_truncate"):
                    state = found.get((table, trigger))
                    if state is None:
                        problems.append(f"trigger {trigger} is missing: {table} can be changed")
                    elif state in ("D", b"D"):
                        problems.append(f"trigger {trigger} is disabled: {table} can be changed")
                rights = conn.execute("SELECT has_table_privilege(current_user, ?, 'UPDATE'), "
                                      "has_table_privilege(current_user, ?, 'DELETE')",
                                      (f"{self.schema}.{table}",) * 2).fetchone()
                owner = conn.execute("SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
                                     "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? "
                                     "AND c.relname = ?", (self.schema, table)).fetchone()
                if any(rights) and not (owner and owner[0]):
                    problems.append(f"this program's role may UPDATE or DELETE {table}: it must have SELECT and "
                                    "INSERT only")
        return problems

    def _integrity_alongside(self) -> None:
        """The server's check above is a few catalogue queries: nothing to run alongside the walk."""
        return None

    def backup(self, path: Path | str) -> int:
        """A consistent copy of the shared store as an SQLite record file (one REPEATABLE READ snapshot),
        verified before it gets its name: it opens on any workstation with `--database` and verifies with the
        same chain head. The database itself is the DBA's to back up (pg_dump, base backups)."""
        from mscdose.records.postgres.copying import backup_to_sqlite

        return backup_to_sqlite(self, Path(path))


class _CommitLost(Exception):
    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error
