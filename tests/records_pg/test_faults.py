"""Faults of a shared server: unreachable at start, wrong password, no schema, lost mid-session, stopped
between two statements of a save, lost during the commit. Each is one StoreError line; a record is reported
saved only when committed; no half-written record is ever left (the chain verifies afterwards).

These tests stop and start the session's server; each leaves it running.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest

from mscdose.records.errors import StoreError
from mscdose.records.postgres import connection as pgc
from mscdose.records.postgres.store import PostgresStore, _CommitLost
from tests.records.helpers import document
from tests.records_pg.server import APP_PASSWORD, ThrowawayServer


@pytest.fixture
def server(pg_server: ThrowawayServer) -> Iterator[ThrowawayServer]:
    yield pg_server
    if not (pg_server.data / "postmaster.pid").exists():
        pg_server.start()  # a failed test must not leave the other tests without a server


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_server_unreachable_at_start_is_one_clear_line() -> None:
    url = f"postgresql://mscdose_app:x@127.0.0.1:{_closed_port()}/mscdose?connect_timeout=3"
    with pytest.raises(StoreError) as error:
        PostgresStore(url)
    message = str(error.value)
    assert message.startswith("Could not open the shared record database: postgresql://mscdose_app@127.0.0.1:")
    assert "cannot be reached" in message and "preview" in message and ":x@" not in message


def test_a_wrong_password_says_where_passwords_come_from(pg_url: str) -> None:
    with pytest.raises(StoreError, match=r"refused the user name or password .*\.pgpass"):
        PostgresStore(pg_url.replace(APP_PASSWORD, "wrong"))


def test_a_database_without_the_schema_points_at_db_init(pg_server: ThrowawayServer) -> None:
    url = pg_server.new_database(with_schema=False)
    with pytest.raises(StoreError, match=r"no mscdose record tables yet.*db init --print-sql"):
        PostgresStore(url)


def test_connection_lost_mid_session_fails_one_save_then_reconnects(server: ThrowawayServer, pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.save(document("P1"))
        server.restart()  # immediate stop: every connection drops, as in a crash or a failover
        with pytest.raises(StoreError, match=r"cannot be reached or the connection was lost.*Nothing was saved"):
            store.save(document("P2"))
        again = store.save(document("P2"))  # the next call opens a new connection
        assert again.id == 2 and store.count() == 2 and store.verify().ok


@pytest.mark.parametrize("marker", ["INSERT INTO records", "INSERT INTO record_keys", "INSERT INTO ledger"])
def test_a_save_interrupted_between_statements_leaves_nothing(server: ThrowawayServer, pg_url: str,
                                                              monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    real = pgc.Dialect.execute
    fired: list[str] = []

    def stopping(self: pgc.Dialect, sql: str, params: Any = None) -> Any:
        if marker in sql and not fired:
            fired.append(sql)
            server.stop("immediate")  # the server goes away between two statements of the save
        return real(self, sql, params)

    with PostgresStore(pg_url) as store:
        store.save(document("P1"))
        monkeypatch.setattr(pgc.Dialect, "execute", stopping)
        with pytest.raises(StoreError, match="Nothing was saved"):
            store.save(document("P2"))
        monkeypatch.undo()
        assert fired
    server.start()
    with PostgresStore(pg_url) as store:
        assert store.count() == 1
        report = store.verify()
        assert report.ok and report.entries == 1, report
        assert store.save(document("P2")).id == 2  # the next record takes the free id: no gap, no fork


def _commit_with(monkeypatch: pytest.MonkeyPatch, before: Callable[[Any], None]) -> None:
    real = PostgresStore._commit

    def commit(self: PostgresStore, pg: Any) -> None:
        before(pg)
        real(self, pg)
    monkeypatch.setattr(PostgresStore, "_commit", commit)


def test_server_restarted_during_the_commit_is_not_reported_saved(server: ThrowawayServer, pg_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with PostgresStore(pg_url) as store:
        store.save(document("P1"))
        _commit_with(monkeypatch, lambda pg: server.restart())
        with pytest.raises(StoreError, match=r"the server confirms the entry is not there\. Nothing was saved"):
            store.save(document("P2"))
        monkeypatch.undo()
        assert store.count() == 1 and store.verify().ok


def test_server_gone_during_the_commit_says_the_outcome_is_unknown(server: ThrowawayServer, pg_url: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with PostgresStore(pg_url) as store:
        _commit_with(monkeypatch, lambda pg: server.stop("immediate"))
        with pytest.raises(StoreError, match=r"It is NOT reported as saved\. Do not save it again yet"):
            store.save(document("P1"))
        monkeypatch.undo()
    server.start()
    with PostgresStore(pg_url) as store:
        assert store.count() == 0 and store.verify().ok


def test_a_commit_that_arrived_before_the_connection_broke_is_reported_saved(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """COMMIT reached the server but its answer was lost: the store asks the server, finds the entry, and
    reports the save (the caller must not save it a second time)."""
    def commit_then_lose(self: PostgresStore, pg: Any) -> None:
        pg.execute("COMMIT")
        pg.pgconn.finish()  # the socket is gone: the connection is broken, as after a lost answer
        raise _CommitLost(psycopg.OperationalError("server closed the connection unexpectedly"))
    with PostgresStore(pg_url) as store:
        monkeypatch.setattr(PostgresStore, "_commit", commit_then_lose)
        saved = store.save(document("P1"))
        monkeypatch.undo()
        assert saved.id == 1 and store.get(1).sha256 == saved.sha256 and store.count() == 1


@pytest.mark.parametrize(("error", "words"), [
    (psycopg.errors.DiskFull("could not extend file: No space left on device"), "the database server's disk is full"),
    (psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"), "is busy"),
    (psycopg.errors.UndefinedTable('relation "records" does not exist'), "db init --print-sql"),
    (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), "cannot be reached"),
])
def test_server_errors_are_worded_for_the_user(error: Exception, words: str) -> None:
    message = str(pgc.explain(error, "postgresql://app@db/mscdose", "save the record"))
    assert message.startswith("Could not save the record:") and words in message
    assert message.count("Nothing was saved") == 1


def test_no_postgresql_client_library_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The frozen build leaves libpq to the machine (build.spec); without it, say what to install."""
    import builtins

    from mscdose.records.errors import StoreError
    from mscdose.records.postgres import open_record_store

    real_import = builtins.__import__

    def no_libpq(name: str, *args: object, **kwargs: object) -> object:
        if name == "mscdose.records.postgres.store":
            raise ImportError("no pq wrapper available")
        return real_import(name, *args, **kwargs)

    monkeypatch.setenv("MSCDOSE_DATABASE_URL", "postgresql://app@db.example/mscdose")
    monkeypatch.setattr(builtins, "__import__", no_libpq)
    with pytest.raises(StoreError, match=r"no PostgreSQL client library .*apt install libpq5"):
        open_record_store()
