"""The records commands: history, show, reprint, export, backup and audit verify.

Every failure of the store (missing record, damaged or read-only file, newer schema, ...) is one clear line
and exit 2 (bad input or an unusable environment), never a traceback; a failed audit is exit 1 naming the
first bad record. Reprinting goes through the service, the same path the History window takes.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mscdose.cli.options import Parser, Problem, add_database, add_json, new_parser
from mscdose.cli.status_codes import ExitCode

_MAX_RECORD_ID = 2**63 - 1  # SQLite's largest integer: anything above it cannot be a record


def build_parser(name: str) -> Parser:
    build = {"history": _history_parser, "show": _show_parser, "reprint": _reprint_parser,
             "export": _export_parser, "backup": _backup_parser, "audit": _audit_parser}[name]
    parser = build(name)
    add_database(parser)
    return parser


def _history_parser(name: str) -> Parser:
    parser = new_parser(name, "list saved records (oldest first)")
    parser.add_argument("--patient", metavar="ID", help="only this patient (ID, ignoring case)")
    parser.add_argument("--since", metavar="DATE", help="only records saved on or after this date (YYYY-MM-DD)")
    add_json(parser)
    parser.set_defaults(handler=_history)
    return parser


def _show_parser(name: str) -> Parser:
    parser = new_parser(name, "print one saved record as it was saved")
    parser.add_argument("record_id", metavar="RECORD_ID")
    add_json(parser)
    parser.set_defaults(handler=_show)
    return parser


def _reprint_parser(name: str) -> Parser:
    parser = new_parser(name, "write a saved record's worksheet again, marked REPRINT")
    parser.add_argument("record_id", metavar="RECORD_ID")
    parser.add_argument("--output", metavar="FILE.pdf", required=True, help="PDF file to write")
    parser.add_argument("--page-size", default=None, metavar="A4|Letter",
                        help="paper size (default: the site setting, A4 when unset)")
    parser.add_argument("--site-name", default=None, metavar="NAME",
                        help="site name printed in the header (default: the site setting)")
    parser.add_argument("--force", action="store_true", help="replace --output if it exists")
    parser.set_defaults(handler=_reprint)
    return parser


def _export_parser(name: str) -> Parser:
    parser = new_parser(name, "export all records, one row each, for the data manager")
    parser.add_argument("--csv", metavar="FILE", required=True, help="CSV file to write")
    parser.set_defaults(handler=_export)
    return parser


def _backup_parser(name: str) -> Parser:
    parser = new_parser(name, "copy the record database safely while it is in use")
    parser.add_argument("file", metavar="FILE")
    parser.set_defaults(handler=_backup)
    return parser


def _audit_parser(name: str) -> Parser:
    parser = new_parser(name, "check the records have not been changed")
    parser.add_argument("action", metavar="ACTION", choices=("verify",),
                        help="verify: walk the hash chain; exit 0 with a count, 1 naming the first bad record")
    parser.set_defaults(handler=_audit_verify)
    return parser


def record_id(text: str) -> int:
    cleaned = (text or "").strip().lstrip("#")
    if not cleaned.isascii() or not cleaned.isdigit() or not 1 <= int(cleaned) <= _MAX_RECORD_ID:
        raise Problem.bad_input("record_id", text, f"RECORD_ID: “{text}” is not a record number; give a whole "
                                "number such as 12 (`mscdose history` lists them).")
    return int(cleaned)


def _since(text: str | None) -> date | datetime | None:
    if text is None:
        return None
    problem = Problem.bad_input("since", text, f"--since: “{text}” is not a date; give YYYY-MM-DD (e.g. "
                                "2026-11-01) or YYYY-MM-DDTHH:MM, between 2000 and 2100.")
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            value = parse(text.strip())
        except ValueError:
            continue
        if not 2000 <= value.year <= 2100:
            raise problem
        return value
    raise problem


def _store(args: argparse.Namespace) -> Any:
    from mscdose.service.records import opened_store

    return opened_store(args.database, must_exist=args.database is not None)


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
    since = _since(args.since)
    with _store(args) as store:
        records = store.history(args.patient, since)
    if args.json:
        print(json.dumps([_summary(r) for r in records], ensure_ascii=False, indent=2))
        return ExitCode.OK
    if not records:
        print("No records" + (f" for patient {args.patient}" if args.patient else "")
              + (f" since {args.since}" if args.since else "") + ".")
        return ExitCode.OK
    from mscdose.records.readable import history_line

    for record in records:
        print(history_line(record))
    return ExitCode.OK


def _show(args: argparse.Namespace) -> int:
    number = record_id(args.record_id)
    with _store(args) as store:
        record = store.get(number)
    if args.json:
        print(json.dumps({**_summary(record), "prev_sha256": record.prev_sha256, "document": record.document},
                         ensure_ascii=False, indent=2))
    else:
        from mscdose.records.readable import record_text

        print(record_text(record))
    return ExitCode.OK


def _reprint(args: argparse.Namespace) -> int:
    from mscdose.service.outputs import check_output_path, print_options, reprint

    number = record_id(args.record_id)
    options = print_options(args.page_size, args.site_name)
    output = check_output_path(args.output, force=args.force)
    with _store(args) as store:
        copy = reprint(store, number, output, options)
    print(f"Reprint {copy} of record {number} written to {output}.")
    return ExitCode.OK


def _export(args: argparse.Namespace) -> int:
    with _store(args) as store:
        count = store.export_csv(Path(args.csv))
    print(f"Exported {count} record{'s' if count != 1 else ''} to {args.csv}.")
    return ExitCode.OK


def _backup(args: argparse.Namespace) -> int:
    with _store(args) as store:
        count = store.backup(Path(args.file))
    print(f"Backed up {count} record{'s' if count != 1 else ''} to {args.file}.")
    return ExitCode.OK


def _audit_verify(args: argparse.Namespace) -> int:
    with _store(args) as store:
        report = store.verify()
        damage = store.integrity_problems() if report.ok else []
    if damage:  # the chain reads fine but SQLite finds damaged pages (disk fault, partial copy)
        print(f"Audit FAILED: the database file is damaged (SQLite integrity check: {'; '.join(damage[:5])}). "
              "Keep it as it is, restore the latest backup and report it.", file=sys.stderr)
        return ExitCode.FAILED
    if report.ok:
        print(f"Audit OK: {report.count} record{'s' if report.count != 1 else ''} and {report.print_events} "
              f"print event{'s' if report.print_events != 1 else ''}, hash chain unbroken "
              f"(last hash {report.last_sha256}).")
        return ExitCode.OK
    where = f"record {report.first_bad_id}" if report.first_bad_id is not None else "the print log"
    print(f"Audit FAILED at {where}: {report.problem}. {report.count} record(s) before it verified. "
          "Keep this database as it is and report it.", file=sys.stderr)
    return ExitCode.FAILED
