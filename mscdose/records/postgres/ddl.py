"""The PostgreSQL layout: the same tables, columns and hash rules as the SQLite store (schema version 5), made
append-only by the server itself.

Why the server and not the program: on a shared database anyone with a client and the application's password
could otherwise edit a row. So
- the schema and every table belong to a separate role (`mscdose_owner`, NOLOGIN): the application's role
  (`mscdose_app`) has USAGE on the schema and SELECT and INSERT on the tables, nothing else (no UPDATE,
  DELETE, TRUNCATE, REFERENCES, TRIGGER, no CREATE in the schema);
- a trigger on every table refuses UPDATE, DELETE and TRUNCATE for every role, the owner and a superuser
  included (only someone who can ALTER the table can switch a trigger off, and `integrity_problems()` says so
  when one is off; anchors kept elsewhere catch what that person could then rewrite);
- `prev_sha256` is UNIQUE in records, print events and the ledger, so the server itself refuses a fork of any
  chain (two entries after the same one), whatever a client does.

Columns keep SQLite's types as text (times are the same fixed-width UTC ISO text the hashes were taken over),
so a record copied from a workstation (`mscdose db migrate`) keeps its bytes and its hash.

Two small views, `sqlite_sequence` and `sqlite_master`, answer the two questions the shared verify walk
(records/verify.py, users.py, bedside.py) asks of SQLite's catalogue: the highest id handed out per table, and
whether a table exists. With them, the very same verify code runs on both back ends, so the hash rules
cannot drift apart. (Here the highest id handed out is the highest id present: the server refuses deletes.)
"""

from __future__ import annotations

OWNER_ROLE = "mscdose_owner"
APP_ROLE = "mscdose_app"
SCHEMA = "mscdose"
LAYOUT_VERSION = 5  # the SQLite schema version whose tables and hash rules this layout holds
ADVISORY_LOCK_KEY = 0x4D534344  # "MSCD": every write to the chain holds this transaction-level lock

TABLES = ("records", "record_keys", "print_events", "protocol_approvals", "user_events", "signatures",
          "bedside_checks", "ledger")  # in an order that satisfies the foreign keys (copying uses it)

_TABLE_DDL = """
CREATE TABLE records (
    id BIGINT PRIMARY KEY CHECK (id > 0),
    created_at TEXT NOT NULL,
    app_version TEXT NOT NULL,
    protocol_id TEXT NOT NULL,
    protocol_version TEXT NOT NULL,
    protocol_sha256 TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    prepared_by TEXT NOT NULL,
    checked_by TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'warning')),
    supersedes BIGINT REFERENCES records(id),
    correction_reason TEXT NOT NULL,
    document TEXT NOT NULL,
    prev_sha256 TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE
);
CREATE INDEX records_by_time ON records (created_at);
CREATE INDEX records_by_supersedes ON records (supersedes);

CREATE TABLE record_keys (
    record_id BIGINT PRIMARY KEY REFERENCES records(id),
    patient_key TEXT NOT NULL,
    protocol_key TEXT NOT NULL,
    lot_key TEXT NOT NULL,
    din_key TEXT NOT NULL
);
CREATE INDEX record_keys_by_patient ON record_keys (patient_key, protocol_key);

CREATE TABLE print_events (
    id BIGINT PRIMARY KEY CHECK (id > 0),
    record_id BIGINT NOT NULL REFERENCES records(id),
    at TEXT NOT NULL,
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    detail TEXT NOT NULL,
    prev_sha256 TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE
);
CREATE INDEX print_events_by_record ON print_events (record_id);

CREATE TABLE protocol_approvals (
    id BIGINT PRIMARY KEY CHECK (id > 0),
    protocol_id TEXT NOT NULL,
    protocol_key TEXT NOT NULL,
    version TEXT NOT NULL,
    protocol_sha256 TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    UNIQUE (protocol_key, version)
);

CREATE TABLE user_events (
    id BIGINT PRIMARY KEY CHECK (id > 0),
    user_id TEXT NOT NULL,
    user_key TEXT NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL,
    by_user TEXT NOT NULL,
    detail TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE
);
CREATE INDEX user_events_by_user ON user_events (user_key, id);

CREATE TABLE signatures (
    id BIGINT PRIMARY KEY CHECK (id > 0),
    record_id BIGINT NOT NULL REFERENCES records(id),
    meaning TEXT NOT NULL,
    user_id TEXT NOT NULL,
    printed_name TEXT NOT NULL,
    initials TEXT NOT NULL,
    at TEXT NOT NULL,
    detail TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE
);
CREATE INDEX signatures_by_record ON signatures (record_id, id);

CREATE TABLE bedside_checks (
    id BIGINT PRIMARY KEY CHECK (id > 0),
    record_id BIGINT,
    at TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('MATCH', 'MISMATCH')),
    detail TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE
);
CREATE INDEX bedside_checks_by_record ON bedside_checks (record_id);

CREATE TABLE ledger (
    seq BIGINT PRIMARY KEY CHECK (seq > 0),
    kind TEXT NOT NULL,
    ref BIGINT NOT NULL,
    item_sha256 TEXT NOT NULL,
    prev_sha256 TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    UNIQUE (kind, ref)
);

CREATE TABLE layout_version (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
"""

_VIEWS = """
CREATE VIEW sqlite_sequence (name, seq) AS
    SELECT 'records', COALESCE(MAX(id), 0) FROM records UNION ALL
    SELECT 'print_events', COALESCE(MAX(id), 0) FROM print_events UNION ALL
    SELECT 'protocol_approvals', COALESCE(MAX(id), 0) FROM protocol_approvals UNION ALL
    SELECT 'user_events', COALESCE(MAX(id), 0) FROM user_events UNION ALL
    SELECT 'signatures', COALESCE(MAX(id), 0) FROM signatures UNION ALL
    SELECT 'bedside_checks', COALESCE(MAX(id), 0) FROM bedside_checks UNION ALL
    SELECT 'ledger', COALESCE(MAX(seq), 0) FROM ledger;
COMMENT ON VIEW sqlite_sequence IS 'mscdose: the highest id per table, for the verify walk shared with SQLite';
CREATE VIEW sqlite_master (type, name) AS
    SELECT 'table'::text, table_name::text FROM information_schema.tables WHERE table_schema = '{schema}';
COMMENT ON VIEW sqlite_master IS 'mscdose: which tables exist, for the verify walk shared with SQLite';
"""

_REFUSE = """
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'mscdose: % on % refused: the record store is append-only (a correction is a new record)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
"""

_TRIGGERS = """
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
"""


def _q(name: str) -> str:
    """A role or schema name is written into SQL: only plain lowercase identifiers are accepted."""
    if not name or not all(c.isascii() and (c.islower() or c.isdigit() or c == "_") for c in name) \
            or name[0].isdigit():
        raise ValueError(f"{name!r} is not a plain lowercase SQL name (letters, digits, _)")
    return name


def schema_sql(owner: str = OWNER_ROLE, app: str = APP_ROLE, schema: str = SCHEMA) -> str:
    """The schema, tables, triggers, views and grants; run as the owner role or a member of it (a superuser).

    One transaction: a half-made schema never exists."""
    owner, app, schema = _q(owner), _q(app), _q(schema)
    tables = (*TABLES, "layout_version")
    parts = [
        "BEGIN;",
        f"SET LOCAL ROLE {owner};",
        f"CREATE SCHEMA {schema};",
        f"SET LOCAL search_path TO {schema};",
        _TABLE_DDL,
        _REFUSE,
        *(_TRIGGERS.format(table=table) for table in tables),
        _VIEWS.format(schema=schema),
        f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC;",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC;",
        "REVOKE ALL ON FUNCTION refuse_change() FROM PUBLIC;",
        f"GRANT USAGE ON SCHEMA {schema} TO {app};",
        f"GRANT SELECT, INSERT ON {', '.join(TABLES)} TO {app};",
        f"GRANT SELECT ON layout_version, sqlite_sequence, sqlite_master TO {app};",
        f"INSERT INTO layout_version (version) VALUES ({LAYOUT_VERSION});",
        "COMMIT;",
    ]
    return "\n".join(part.strip() + "\n" for part in parts)


def roles_sql(owner: str = OWNER_ROLE, app: str = APP_ROLE) -> str:
    """The two roles, made once per server by a DBA (a superuser or a role with CREATEROLE)."""
    owner, app = _q(owner), _q(app)
    return (f"CREATE ROLE {owner} NOLOGIN;\n"
            f"-- The application's login: give it a password (psql: \\password {app}) or a certificate.\n"
            f"CREATE ROLE {app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;\n")


def dba_sql(owner: str = OWNER_ROLE, app: str = APP_ROLE, schema: str = SCHEMA, database: str = "mscdose") -> str:
    """Everything a DBA runs once, as a superuser, with `psql -v ON_ERROR_STOP=1 -f mscdose.sql`."""
    return ("-- mscdose shared record store: run once as a PostgreSQL superuser (psql -v ON_ERROR_STOP=1 -f FILE)\n"
            + roles_sql(owner, app)
            + f"CREATE DATABASE {_q(database)} OWNER {owner};\n"
            + f"REVOKE ALL ON DATABASE {_q(database)} FROM PUBLIC;\n"
            + f"GRANT CONNECT ON DATABASE {_q(database)} TO {app};\n"
            + f"\\connect {_q(database)}\n"
            + schema_sql(owner, app, schema))
