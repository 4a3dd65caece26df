"""`mscdose db init` and `mscdose db migrate`, and the service choosing the back end from MSCDOSE_DATABASE_URL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.records import users
from mscdose.records.bedside import check_and_log
from mscdose.records.passwords import hash_password
from mscdose.records.postgres.store import PostgresStore
from mscdose.records.store import RecordStore
from tests.records.helpers import document, drop_append_only_triggers, raw
from tests.records_pg.server import APP_PASSWORD, ThrowawayServer


def test_print_sql_grants_the_application_insert_and_select_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "init", "--print-sql"]) == 0
    sql = capsys.readouterr().out
    assert "CREATE ROLE mscdose_owner NOLOGIN;" in sql and "CREATE DATABASE mscdose OWNER mscdose_owner;" in sql
    grants = [line for line in sql.splitlines() if line.startswith("GRANT") and "mscdose_app" in line]
    assert grants == ["GRANT CONNECT ON DATABASE mscdose TO mscdose_app;",
                      "GRANT USAGE ON SCHEMA mscdose TO mscdose_app;",
                      "GRANT SELECT, INSERT ON records, record_keys, print_events, protocol_approvals, user_events, "
                      "signatures, bedside_checks, ledger TO mscdose_app;",
                      "GRANT SELECT ON layout_version, sqlite_sequence, sqlite_master TO mscdose_app;"]
    assert "UPDATE" not in " ".join(grants) and sql.count("EXECUTE FUNCTION refuse_change()") == 18


def test_the_printed_sql_runs_in_psql_and_gives_a_working_store(pg_server: ThrowawayServer,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("psql") is None and os.environ.get("MSCDOSE_REQUIRE_POSTGRES") != "1":
        pytest.skip("psql is not installed here (it comes with PostgreSQL's client package)")
    assert main(["db", "init", "--print-sql", "--database-name", "clinic"]) == 0
    sql = capsys.readouterr().out.replace("CREATE ROLE", "-- (roles exist on the test server) CREATE ROLE")
    done = subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", pg_server.url()], input=sql, text=True,
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    with PostgresStore(pg_server.url("clinic", "mscdose_app", APP_PASSWORD)) as store:
        assert store.save(document("P1")).id == 1 and store.verify().ok and store.integrity_problems() == []


def test_db_init_creates_the_schema_once(pg_server: ThrowawayServer, capsys: pytest.CaptureFixture[str]) -> None:
    app_url = pg_server.new_database(with_schema=False)
    admin_url = pg_server.url(app_url.rsplit("/", 1)[1])
    assert main(["db", "init", "--url", admin_url]) == 0
    assert "Created the mscdose record tables (version 5)" in capsys.readouterr().out
    assert main(["db", "init", "--url", admin_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] is False
    with PostgresStore(app_url) as store:
        assert store.save(document("P1")).id == 1


def _workstation_file(path: Path) -> RecordStore:
    store = RecordStore(path, anchor_file=None)
    store.save(document("P1", lot_number="L-7"))
    store.mark_printed(1, True, "worksheet")
    store.approve_protocol("c" * 64, "SITE-1", "1", "JS", "committee")
    users.add_user(store, "jsmith", "Jane Smith", "JS", "admin", hash_password("correct horse 12"), by="")
    users.add_signature(store, 1, "prepared", "jsmith", "JS")
    store.save(document("AA-014", din="G123498654321H"))
    check_and_log(store, "AA-014", "MSCDOSE1|R=2|P=AA-014|D=G123498654321", now=datetime(2026, 11, 25).astimezone())
    store.save(document("P1"), supersedes=1, correction_reason="weight was wrong")
    return store


def test_migrate_keeps_ids_times_hashes_and_the_chain(pg_url: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "records.sqlite3"
    with _workstation_file(source) as local:
        before, records = local.verify(), local.history()
    assert main(["db", "migrate", "--from", str(source), "--url", pg_url]) == 0
    out = capsys.readouterr().out
    assert f"Verified before (chain head {before.head[:12]} after 8 entries) and after (chain head " \
           f"{before.head[:12]} after 8 entries)." in out
    with PostgresStore(pg_url) as shared:
        assert [(r.id, r.created_at, r.sha256, r.superseded_by) for r in shared.history()] == \
               [(r.id, r.created_at, r.sha256, r.superseded_by) for r in records]
        assert shared.head() == (8, before.head) and shared.verify().ok
        assert shared.save(document("P9")).prev_sha256 == records[-1].sha256  # the chain goes on from the copy
    # a second migration into the now non-empty store is refused, nothing copied
    assert main(["db", "migrate", "--from", str(source), "--url", pg_url]) == 2
    assert "already has entries" in capsys.readouterr().err


def test_migrate_refuses_a_file_that_does_not_verify(pg_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "records.sqlite3"
    _workstation_file(source).close()
    drop_append_only_triggers(source)
    with raw(source) as conn:
        conn.execute("UPDATE records SET patient_name = 'Someone Else' WHERE id = 2")
    assert main(["db", "migrate", "--from", str(source), "--url", pg_url]) == 1
    assert "does not verify (record 2 was changed" in capsys.readouterr().err
    with PostgresStore(pg_url) as shared:
        assert shared.count() == 0


def test_backup_of_the_shared_store_is_an_sqlite_file_with_the_same_head(pg_store: PostgresStore,
                                                                          tmp_path: Path) -> None:
    pg_store.save(document("P1"))
    pg_store.mark_printed(1, True, "worksheet")
    assert pg_store.backup(tmp_path / "copy.sqlite3") == 1
    report = RecordStore.check_backup(tmp_path / "copy.sqlite3")
    assert report.ok and report.head == pg_store.head()[1]


def test_the_service_opens_postgres_when_the_url_is_set(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.service.records import open_store

    monkeypatch.setenv("MSCDOSE_DATABASE_URL", pg_url)
    store = open_store()
    try:
        assert isinstance(store, PostgresStore)
    finally:
        store.close()
    monkeypatch.delenv("MSCDOSE_DATABASE_URL")
    with open_store() as local:
        assert type(local) is RecordStore


def test_the_service_reports_an_unreachable_server_as_store_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.service.errors import StoreUnavailable
    from mscdose.service.records import open_store

    monkeypatch.setenv("MSCDOSE_DATABASE_URL", "postgresql://mscdose_app:x@127.0.0.1:1/mscdose?connect_timeout=2")
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        open_store()


def test_open_record_store_follows_the_url_for_audit_too(pg_url: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.records.postgres import open_record_store

    monkeypatch.setenv("MSCDOSE_DATABASE_URL", pg_url)
    with open_record_store(read_only=True) as audit:
        assert isinstance(audit, PostgresStore) and audit.read_only and audit.verify().ok
    with open_record_store(tmp_path / "named.sqlite3") as named:  # a --database file still wins
        assert type(named) is RecordStore
