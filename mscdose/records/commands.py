"""Command-line subcommands of the records room: history, show, reprint, export, backup, audit verify.

Keep this module cheap to import: heavy imports go in the handlers. Every failure of the store (missing
record, read-only folder, newer schema, ...) is a clear message and exit 2, never a traceback; a failed
audit is exit 1 naming the first bad record.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _BadArgument(Exception):
    pass


def _add_database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", metavar="FILE", default=None,
                        help="record database to use (default: records.sqlite3 in the data folder; "
                             "MSCDOSE_DATA_DIR overrides the folder)")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this room's subcommands to the `mscdose` parser."""
    history = subparsers.add_parser("history", help="list saved records (oldest first)")
    history.add_argument("--patient", metavar="ID", help="only this patient (ID, ignoring case)")
    history.add_argument("--since", metavar="DATE", help="only records saved on or after this date (YYYY-MM-DD)")
    history.add_argument("--json", action="store_true", help="print one JSON list")
    _add_database(history)
    history.set_defaults(handler=_history)

    show = subparsers.add_parser("show", help="print one saved record as it was saved")
    show.add_argument("record_id", metavar="RECORD_ID")
    show.add_argument("--json", action="store_true", help="print the record and its saved document as JSON")
    _add_database(show)
    show.set_defaults(handler=_show)

    reprint = subparsers.add_parser("reprint", help="print a saved record's worksheet again, marked REPRINT")
    reprint.add_argument("record_id", metavar="RECORD_ID")
    reprint.add_argument("--output", metavar="FILE.pdf", required=True, help="PDF file to write")
    reprint.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    _add_database(reprint)
    reprint.set_defaults(handler=_reprint)

    export = subparsers.add_parser("export", help="export all records, one row each, for the data manager")
    export.add_argument("--csv", metavar="FILE", required=True, help="CSV file to write")
    _add_database(export)
    export.set_defaults(handler=_export)

    backup = subparsers.add_parser("backup", help="copy the record database safely while it is in use")
    backup.add_argument("file", metavar="FILE")
    _add_database(backup)
    backup.set_defaults(handler=_backup)

    audit = subparsers.add_parser("audit", help="check the records have not been changed")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    verify = audit_sub.add_parser("verify", help="walk the hash chain: exit 0 with a count, 1 naming the first "
                                                 "bad record")
    _add_database(verify)
    verify.set_defaults(handler=_audit_verify)
    audit.set_defaults(handler=_audit_help(audit))


def _audit_help(parser: argparse.ArgumentParser) -> Any:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT

    return handler


def _fail(message: str) -> int:
    print(f"mscdose: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _record_id(text: str) -> int:
    cleaned = (text or "").strip().lstrip("#")
    if not cleaned.isdigit() or int(cleaned) < 1:
        raise _BadArgument(f"RECORD_ID: {text!r} is not a record number; give a whole number such as 12 "
                           "(`mscdose history` lists them).")
    return int(cleaned)


def _since(text: str | None) -> date | datetime | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise _BadArgument(f"--since: {text!r} is not a date; give YYYY-MM-DD (e.g. 2026-11-01) "
                           "or YYYY-MM-DDTHH:MM.") from None


def _open(args: argparse.Namespace) -> Any:
    from mscdose.records.store import RecordStore

    if args.database:
        path = Path(args.database)
        if not path.is_file():
            raise _BadArgument(f"--database: {args.database!r} is not a file; give an existing record database "
                               "(or leave --database out to use the data folder's).")
        return RecordStore(path)
    return RecordStore()


def _run(args: argparse.Namespace, body: Any) -> int:
    """Open the store, run `body(store)`, and turn every store failure into a message and exit 2."""
    from mscdose.records.store import StoreError

    try:
        store = _open(args)
    except (_BadArgument, StoreError) as error:
        return _fail(str(error))
    try:
        return int(body(store))
    except (_BadArgument, StoreError) as error:
        return _fail(str(error))
    finally:
        store.close()


def _summary(record: Any) -> dict[str, Any]:
    doc = record.document
    return {
        "id": record.id, "created_at": record.created_at.isoformat(), "patient_id": record.patient_id,
        "patient_name": record.patient_name, "status": record.status, "prepared_by": record.prepared_by,
        "checked_by": record.checked_by, "volume_to_draw_ml": doc.get("volume_to_draw_ml"),
        "delivered_dose_cells": doc.get("delivered_dose_cells"), "lot_number": record.lot_number,
        "din": record.din, "printed": record.printed, "supersedes": record.supersedes,
        "superseded_by": record.superseded_by, "correction_reason": record.correction_reason,
        "sha256": record.sha256,
    }


def _history(args: argparse.Namespace) -> int:
    try:
        since = _since(args.since)
    except _BadArgument as error:
        return _fail(str(error))

    def body(store: Any) -> int:
        records = store.history(args.patient, since)
        if args.json:
            print(json.dumps([_summary(r) for r in records], ensure_ascii=False, indent=2))
            return EXIT_OK
        if not records:
            print("No records" + (f" for patient {args.patient}" if args.patient else "")
                  + (f" since {args.since}" if args.since else "") + ".")
            return EXIT_OK
        from mscdose.records.readable import history_line

        for record in records:
            print(history_line(record))
        return EXIT_OK

    return _run(args, body)


def _show(args: argparse.Namespace) -> int:
    def body(store: Any) -> int:
        record = store.get(_record_id(args.record_id))
        if args.json:
            print(json.dumps({**_summary(record), "prev_sha256": record.prev_sha256, "document": record.document},
                             ensure_ascii=False, indent=2))
        else:
            from mscdose.records.readable import record_text

            print(record_text(record))
        return EXIT_OK

    return _run(args, body)


def _reprint(args: argparse.Namespace) -> int:
    def body(store: Any) -> int:
        from mscdose.records.reprint import reprint

        record = store.get(_record_id(args.record_id))
        problem = reprint(store, record, Path(args.output), page_size=args.page_size)
        if problem:
            print(f"mscdose: {problem}", file=sys.stderr)
            return EXIT_FAILED
        print(f"Reprint of record {record.id} written to {args.output}.")
        return EXIT_OK

    return _run(args, body)


def _export(args: argparse.Namespace) -> int:
    def body(store: Any) -> int:
        count = store.export_csv(Path(args.csv))
        print(f"Exported {count} record{'s' if count != 1 else ''} to {args.csv}.")
        return EXIT_OK

    return _run(args, body)


def _backup(args: argparse.Namespace) -> int:
    def body(store: Any) -> int:
        count = store.backup(Path(args.file))
        print(f"Backed up {count} record{'s' if count != 1 else ''} to {args.file}.")
        return EXIT_OK

    return _run(args, body)


def _audit_verify(args: argparse.Namespace) -> int:
    def body(store: Any) -> int:
        report = store.verify()
        damage = store.integrity_problems() if report.ok else []
        if damage:  # the chain reads fine but SQLite finds damaged pages (disk fault, partial copy)
            print(f"Audit FAILED: the database file is damaged (SQLite integrity check: {'; '.join(damage[:5])}). "
                  "Keep it as it is, restore the latest backup and report it.", file=sys.stderr)
            return EXIT_FAILED
        if report.ok:
            print(f"Audit OK: {report.count} record{'s' if report.count != 1 else ''} and {report.print_events} "
                  f"print event{'s' if report.print_events != 1 else ''}, hash chain unbroken "
                  f"(last hash {report.last_sha256}).")
            return EXIT_OK
        where = f"record {report.first_bad_id}" if report.first_bad_id is not None else "the print log"
        print(f"Audit FAILED at {where}: {report.problem}. {report.count} record(s) before it verified. "
              "Keep this database as it is and report it.", file=sys.stderr)
        return EXIT_FAILED

    return _run(args, body)
