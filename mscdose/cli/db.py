"""`mscdose db`: set up the shared PostgreSQL record store (issue 17) and copy a workstation's records into it.

    mscdose db init --print-sql              # the SQL a DBA runs once (roles, database, schema, grants)
    mscdose db init [--url URL]              # runs it in the URL's database (as a superuser, or the owner)
    mscdose db migrate --from FILE.sqlite3 [--url URL]

`--url` defaults to MSCDOSE_DATABASE_URL. Passwords and TLS come from the URL or ~/.pgpass, as for psql;
the URL is never printed with its password. `migrate` verifies the file first and the shared store after,
and refuses a store that already has entries.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mscdose.cli.options import Parser, Problem, add_json, new_parser, say
from mscdose.cli.status_codes import ExitCode


def build_parser(name: str) -> Parser:
    parser = new_parser(name, "set up the shared PostgreSQL record store, or copy a workstation's records into it")
    commands = parser.add_subparsers(dest="action", required=True, parser_class=Parser)
    init = commands.add_parser("init", help="create the mscdose schema (or print the SQL a DBA runs once)")
    init.add_argument("--print-sql", action="store_true", help="print the SQL for a DBA and change nothing")
    init.add_argument("--database-name", default="mscdose", metavar="NAME",
                      help="database the printed SQL creates (default mscdose)")
    _add_url(init)
    add_json(init)
    init.set_defaults(handler=_init)
    migrate = commands.add_parser("migrate", help="copy a workstation's SQLite records into the empty shared store")
    migrate.add_argument("--from", dest="source", required=True, metavar="FILE.sqlite3",
                         help="the workstation's record database (records.sqlite3)")
    _add_url(migrate)
    add_json(migrate)
    migrate.set_defaults(handler=_migrate)
    return parser


def _add_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", default=None, metavar="postgresql://USER@HOST/DB",
                        help="the shared store (default: MSCDOSE_DATABASE_URL); password from the URL or ~/.pgpass")


def _url(args: argparse.Namespace) -> str:
    from mscdose.records.postgres import DATABASE_URL_ENV, database_url, is_postgres_url

    url = (args.url or database_url() or "").strip()
    if not url:
        raise Problem.bad_input("url", "", f"No shared record database given: pass --url postgresql://USER@HOST/DB "
                                f"or set {DATABASE_URL_ENV}.")
    if not is_postgres_url(url):
        raise Problem.bad_input("url", url.split("@")[-1], "--url: a PostgreSQL URL starts with postgresql:// "
                                "(e.g. postgresql://mscdose_app@db.clinic.example/mscdose?sslmode=verify-full).")
    return url


def _init(args: argparse.Namespace) -> int:
    from mscdose.records.postgres.ddl import LAYOUT_VERSION, dba_sql

    if args.print_sql:
        try:
            print(dba_sql(database=args.database_name), end="")
        except ValueError as error:
            raise Problem.bad_input("database-name", args.database_name, f"--database-name: {error}.") from None
        return ExitCode.OK
    from mscdose.records.errors import StoreError
    from mscdose.records.postgres.admin import initialise

    url = _url(args)
    try:
        created, where = initialise(url)
    except StoreError as error:
        raise Problem.bad_input("url", "", str(error)) from None
    message = (f"Created the mscdose record tables (version {LAYOUT_VERSION}) in {where}." if created else
               f"{where} already has the mscdose record tables (version {LAYOUT_VERSION}); nothing was changed.")
    say(args.json, {"created": created, "database": where, "version": LAYOUT_VERSION}, message)
    return ExitCode.OK


def _migrate(args: argparse.Namespace) -> int:
    from mscdose.records.errors import StoreError
    from mscdose.records.postgres.copying import SourceDoesNotVerify, migrate_sqlite
    from mscdose.records.postgres.store import PostgresStore

    source = Path(args.source)
    if not source.is_file():
        raise Problem.bad_input("from", str(source), f"--from: “{source}” is not a file; give the workstation's "
                                "record database (records.sqlite3 in its data folder).")
    url = _url(args)
    try:
        with PostgresStore(url, anchor_file=None) as store:
            done = migrate_sqlite(source, store)
    except SourceDoesNotVerify as error:
        raise Problem(ExitCode.FAILED, str(error), "from", str(source)) from None
    except StoreError as error:
        raise Problem.bad_input("url", "", str(error)) from None
    copied = ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in done.rows.items() if count)
    ok = done.after.ok and (done.after.entries, done.after.head) == (done.before.entries, done.before.head)
    message = (f"Migrated {source} into {store.path}: {copied or 'nothing (the file is empty)'}. Verified before "
               f"(chain head {done.before.head[:12]} after {done.before.entries} entries) and after "
               f"(chain head {done.after.head[:12]} after {done.after.entries} entries)"
               + ("." if ok else f": the shared store does NOT verify: {done.after.problem}"))
    say(args.json, {"ok": ok, "rows": done.rows, "head": done.after.head, "entries": done.after.entries,
                    "problem": done.after.problem}, message)
    return ExitCode.OK if ok else ExitCode.FAILED
