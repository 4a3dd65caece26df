"""Connecting to the shared PostgreSQL record store, speaking the store's SQL to it, and wording its failures.

Why a thin shim and no ORM: the store is a handful of tables written by hand-checked SQL whose exact columns
and values are hashed; an ORM would add a layer that decides column types, identity handling and flushing
order, which is precisely what a hash chain must not leave to a library. Instead `Dialect` lets the SQL of
the SQLite store run unchanged on PostgreSQL (`?` placeholders become psycopg's `%s`; `IS NOT ?` becomes
`IS DISTINCT FROM`), so both back ends share one implementation of every check, hash and verify walk.

Why psycopg 3 and no pool: it is the maintained PostgreSQL adapter; its binary wheel needs no libpq on the
workstation. A desktop program holds one connection per open store (like the SQLite file handle); a pool
would only add a dependency. TLS, passwords and services come from the URL, `~/.pgpass` (PGPASSFILE),
`PGSSLMODE`/`sslrootcert` and `pg_service.conf`, exactly as for psql: libpq reads them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import conninfo

from mscdose.records.errors import NOTHING_SAVED, StoreError

CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT = "15s"  # as the SQLite store's busy timeout: then "busy, try again", never an endless wait
SESSION_OPTIONS = (f"-c lock_timeout={LOCK_TIMEOUT} -c idle_in_transaction_session_timeout=60s "
                   "-c statement_timeout=120s")
DBA_HINT = "`mscdose db init --print-sql` prints what a database administrator runs once"


@lru_cache(maxsize=256)
def translate(sql: str) -> str:
    """The SQLite store's SQL for psycopg: `%` doubled, `?` placeholders to `%s`, `IS NOT ?` (SQLite's
    null-safe inequality) to PostgreSQL's `IS DISTINCT FROM`. The store's SQL has no `?` inside literals."""
    sql = sql.replace("%", "%%")
    sql = re.sub(r"\bIS NOT \?", "IS DISTINCT FROM ?", sql)
    return sql.replace("?", "%s")


class Dialect:
    """What the shared store code expects of a connection: `execute(sql, params)` returning a cursor."""

    def __init__(self, pg: psycopg.Connection[Any]) -> None:
        self.pg = pg

    def execute(self, sql: str, params: tuple[Any, ...] | list[Any] | None = None) -> psycopg.Cursor[Any]:
        if params is None:
            return self.pg.execute(sql)  # type: ignore[arg-type]  # no placeholders: sent as it is
        return self.pg.execute(translate(sql), tuple(params))  # type: ignore[arg-type]


def describe(url: str) -> str:
    """Where the store is, for messages and logs: never the password."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the shared record database (its URL cannot be read)"
    host = parts.get("host") or "localhost"
    host = "a local socket" if str(host).startswith("/") else host
    port = f":{parts['port']}" if parts.get("port") else ""
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname') or ''}"


def connect(url: str, schema: str, *, read_only: bool) -> psycopg.Connection[Any]:
    """One autocommit connection (transactions are explicit), searching the mscdose schema only."""
    try:
        given = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise StoreError(f"The shared record database URL cannot be read ({error}); it looks like "
                         "postgresql://USER@HOST:5432/DATABASE?sslmode=verify-full.") from None
    options = f"{given.get('options', '')} -c search_path={schema} {SESSION_OPTIONS}"
    if read_only:
        options += " -c default_transaction_read_only=on"
    extra: dict[str, Any] = {"options": options.strip(), "application_name": given.get("application_name", "mscdose")}
    for key, value in (("connect_timeout", CONNECT_TIMEOUT_S), ("keepalives_idle", 15),
                       ("keepalives_interval", 5), ("keepalives_count", 3), ("tcp_user_timeout", 30000)):
        extra.setdefault(key, given.get(key, value))
    return psycopg.connect(url, autocommit=True, **extra)


def explain(error: BaseException, where: str, action: str, *, writing: bool = True) -> StoreError:
    """One line for a psycopg error met while doing `action` (e.g. "save the record") on `where`."""
    state = getattr(error, "sqlstate", None) or ""
    text = " ".join(str(error).split())[:300]
    kept = f" {NOTHING_SAVED}" if writing else ""
    if state.startswith("28") or "password authentication failed" in text or "no password supplied" in text:
        return StoreError(f"Could not {action}: {where} refused the user name or password ({text}).{kept} "
                          "Check the user and password in MSCDOSE_DATABASE_URL or in the .pgpass file "
                          "(PGPASSFILE), or ask the database administrator.")
    if state == "3D000":
        return StoreError(f"Could not {action}: there is no database of that name at {where}.{kept} Check "
                          f"MSCDOSE_DATABASE_URL; {DBA_HINT}.")
    if state in ("42P01", "3F000"):
        return StoreError(f"Could not {action}: {where} has no mscdose record tables yet.{kept} {DBA_HINT} "
                          "(`mscdose db init` runs it).")
    if state.startswith("53"):
        what = "disk is full" if state == "53100" else "is out of resources (memory or connections)"
        return StoreError(f"Could not {action}: the database server's {what} ({where}).{kept} Tell the "
                          "database administrator; try again once it is fixed.")
    if state in ("55P03", "57014", "40001", "40P01"):
        return StoreError(f"Could not {action}: {where} is busy (another workstation is saving or a long "
                          f"task is running).{kept} Wait a moment and try again.")
    if state == "25006":
        return StoreError(f"Could not {action}: this connection to {where} is read-only (opened for audit)."
                          f"{kept}")
    if state == "42501":
        return StoreError(f"Could not {action}: {where} refused it ({text}): the record store is append-only "
                          f"and this program's database role may only add and read entries.{kept}")
    if state == "23505":
        return StoreError(f"Could not {action}: {where} refused a duplicate entry (another workstation saved at "
                          f"the same moment).{kept} Try again.")
    if isinstance(error, psycopg.OperationalError) or state.startswith(("08", "57P")):
        return StoreError(f"Could not {action}: {where} cannot be reached or the connection was lost ({text})."
                          f"{kept} Check the network and that the database server is running, or ask IT; "
                          "preview and printing a preview still work without it.")
    if isinstance(error, psycopg.Error):
        return StoreError(f"Could not {action}: {where} reported: {text}.{kept}")
    return StoreError(f"Could not {action} ({where}): {text}")


def commit_unknown(where: str, action: str) -> StoreError:
    """The connection broke while COMMIT was on its way and the server cannot be asked whether it arrived."""
    return StoreError(
        f"Could not confirm that the server kept it: the connection to {where} was lost at the moment of the "
        f"commit ({action}), and the server cannot be reached to check. It is NOT reported as saved. Do not "
        "save it again yet: when the server is back, look for it in History (the patient's records) and save "
        "only if it is not there (a duplicate first infusion would be refused anyway)."
    )
