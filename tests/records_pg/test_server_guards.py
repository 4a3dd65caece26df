"""Append-only by the server, not by politeness: what the application's role, the owner and a superuser can
and cannot do to the shared store, and what `integrity_problems()` reports when the protection is off."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from mscdose.records.errors import StoreError
from mscdose.records.postgres.store import PostgresStore
from tests.records.helpers import document
from tests.records_pg.server import ThrowawayServer


def _database(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.mark.parametrize("statement", [
    "UPDATE records SET patient_id = 'P2'",
    "DELETE FROM records",
    "DELETE FROM ledger",
    "TRUNCATE print_events",
    "UPDATE record_keys SET patient_key = 'x'",
    "CREATE TABLE mine (x int)",
])
def test_the_application_role_can_only_add_and_read(pg_store: PostgresStore, statement: str) -> None:
    pg_store.save(document("P1"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        pg_store._live("x").execute(statement)  # type: ignore[arg-type]
    pg_store._live("x").rollback()
    assert pg_store.get(1).patient_id == "P1" and pg_store.verify().ok


@pytest.mark.parametrize("statement", [
    "UPDATE mscdose.records SET patient_id = 'P2'",
    "DELETE FROM mscdose.ledger",
    "TRUNCATE mscdose.records CASCADE",
    "UPDATE mscdose.record_keys SET lot_key = 'x'",
])
def test_triggers_refuse_changes_even_from_a_superuser(pg_server: ThrowawayServer, pg_url: str,
                                                       statement: str) -> None:
    with PostgresStore(pg_url) as store:
        store.save(document("P1"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
        pg_server.admin(statement, _database(pg_url))
    with PostgresStore(pg_url) as store:
        assert store.count() == 1 and store.verify().ok


def test_a_forked_chain_is_refused_by_the_server(pg_server: ThrowawayServer, pg_url: str) -> None:
    """Even a client that skips the lock cannot add a second record after the same one: prev_sha256 is UNIQUE."""
    with PostgresStore(pg_url) as store:
        first = store.save(document("P1"))
    with pytest.raises(psycopg.errors.UniqueViolation):
        pg_server.admin("INSERT INTO mscdose.records SELECT 2, created_at, app_version, protocol_id, protocol_version, "
                        "protocol_sha256, patient_id, patient_name, prepared_by, checked_by, status, NULL, '', "
                        f"document, prev_sha256, '{'f' * 64}' FROM mscdose.records WHERE id = 1", _database(pg_url))
    assert first.prev_sha256 == "0" * 64


def test_integrity_problems_names_a_disabled_trigger(pg_server: ThrowawayServer, pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        assert store.integrity_problems() == []
    pg_server.admin("ALTER TABLE mscdose.records DISABLE TRIGGER records_append_only", _database(pg_url))
    with PostgresStore(pg_url) as store:
        assert store.integrity_problems() == ["trigger records_append_only is disabled: records can be changed"]


def test_a_superuser_rewrite_is_caught_by_verify(pg_server: ThrowawayServer, pg_url: str) -> None:
    """The owner can switch a trigger off; the hash chain then names the changed record."""
    with PostgresStore(pg_url) as store:
        store.save(document("P1"))
        store.save(document("P2"))
    db = _database(pg_url)
    pg_server.admin("ALTER TABLE mscdose.records DISABLE TRIGGER records_append_only", db)
    pg_server.admin("UPDATE mscdose.records SET patient_name = 'Someone Else' WHERE id = 2", db)
    with PostgresStore(pg_url) as store:
        report = store.verify()
    assert (report.ok, report.first_bad_id) == (False, 2)
    assert "record 2 was changed after it was saved" in report.problem


def test_a_read_only_store_refuses_to_save(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.save(document("P1"))
    with PostgresStore.open_read_only(pg_url) as audit:
        assert audit.verify().ok
        with pytest.raises(StoreError, match="read-only"):
            audit.save(document("P2"))


def test_same_lot_saved_elsewhere_since_the_review_is_refused_in_the_save(pg_store: Any) -> None:
    """The window reviewed with no earlier same-lot record; another workstation then saved one: the save's own
    transaction sees it and refuses, unless the document carries the override."""
    pg_store.save(document("P1", lot_number="L-7"))
    with pytest.raises(StoreError, match="REPEAT_INFUSION_SAME_LOT_DAY"):
        pg_store.save(document("p 1", lot_number="l7"))
    assert pg_store.save(document("P1", lot_number="L-8")).id == 2  # another lot: no rule
    assert pg_store.count() == 2


def test_same_lot_with_the_override_is_saved(pg_store: Any) -> None:
    from mscdose.core.overrides import Override

    pg_store.save(document("P1", lot_number="L-7"))
    answered = document("P1", lot_number="L-7", overrides=(Override(
        "REPEAT_INFUSION_SAME_LOT_DAY", "Second bag of the same lot prescribed by Dr Lee", "JS"),))
    assert pg_store.save(answered).id == 2
