"""`mscdose db init`: the one-time set-up of the shared store, run with a DBA's login (never the app's).

Creates the two roles when they are missing (needs CREATEROLE), then the schema in the URL's database in one
transaction as the owner role (ddl.schema_sql). Running it again on a set-up database changes nothing.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from mscdose.records.errors import StoreError
from mscdose.records.postgres import connection as pgc
from mscdose.records.postgres.ddl import APP_ROLE, OWNER_ROLE, SCHEMA, roles_sql, schema_sql


def initialise(url: str) -> tuple[bool, str]:
    """(created, where): False when the schema was already there."""
    where = pgc.describe(url)
    action = "set up the shared record database"
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=pgc.CONNECT_TIMEOUT_S) as conn:
            if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (SCHEMA,)).fetchone():
                return False, where
            roles = {row[0] for row in conn.execute("SELECT rolname FROM pg_roles WHERE rolname IN (%s, %s)",
                                                    (OWNER_ROLE, APP_ROLE))}
            if roles != {OWNER_ROLE, APP_ROLE}:
                conn.execute(roles_sql())  # type: ignore[arg-type]
            database = sql.Identifier(conn.info.dbname)
            conn.execute(sql.SQL("GRANT CREATE ON DATABASE {} TO {}").format(database, sql.Identifier(OWNER_ROLE)))
            conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, sql.Identifier(APP_ROLE)))
            conn.execute(schema_sql())  # type: ignore[arg-type]
    except psycopg.Error as error:
        raise pgc.explain(error, where, action) from None
    except OSError as error:
        raise StoreError(f"Could not {action}: {where}: {error}") from None
    return True, where
