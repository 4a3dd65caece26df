"""The PostgreSQL test server, started once per test session (server.py), and stores on it.

On a developer's machine without PostgreSQL (or psycopg) the tests that need it are skipped, saying why.
In CI `.ci/run` sets MSCDOSE_REQUIRE_POSTGRES=1: then a server that cannot be started fails the run instead,
so a green CI can never mean "the PostgreSQL tests did not run".
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.records_pg.server import ServerUnavailable, ThrowawayServer

REQUIRE_ENV = "MSCDOSE_REQUIRE_POSTGRES"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ThrowawayServer]:
    try:
        server = ThrowawayServer()
    except ServerUnavailable as reason:
        if os.environ.get(REQUIRE_ENV, "").strip() == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but the PostgreSQL test server could not be started: {reason}")
        pytest.skip(f"PostgreSQL tests skipped: the throw-away server could not be started here ({reason})")
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture
def pg_url(pg_server: ThrowawayServer) -> Iterator[str]:
    """A fresh database with the mscdose schema, as the application's role (INSERT and SELECT only); dropped
    after the test."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Any]:
    from mscdose.records.postgres.store import PostgresStore

    with PostgresStore(pg_url) as opened:
        yield opened


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """The same behaviour asked of both back ends."""
    from mscdose.records.store import RecordStore

    if request.param == "sqlite":
        with RecordStore(tmp_path / "records.sqlite3") as opened:
            yield opened
    else:
        from mscdose.records.postgres.store import PostgresStore

        with PostgresStore(request.getfixturevalue("pg_url")) as opened:
            yield opened
