"""The records commands: history, show, reprint, export, backup and audit (verify, anchor).

Reading never writes (issue 12): history, show, export and audit open the store read-only
(`RecordStore.open_read_only`), so the file's SHA-256 is the same before and after, and a missing default store
is never created by looking at it. Every failure of the store (missing record, damaged or read-only file,
newer schema, ...) is one clear line and exit 2, never a traceback; a file that is not a mscdose record store
is exit 1 for `audit verify` and `backup --check` (the check asked for failed) and exit 2 elsewhere. A failed
audit is exit 1 naming what failed. Stored free text is printed through `safe_for_terminal`, and JSON is
ASCII-escaped, so an old record's control characters never reach the terminal. Reprinting goes through the
service, the same path the History window takes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
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
    parser.add_argument("file", metavar="FILE", help="the backup to write (or, with --check, to verify)")
    parser.add_argument("--check", action="store_true",
                        help="verify the backup FILE read-only instead of writing one; exit 0 OK, 1 it fails")
    parser.set_defaults(handler=_backup)
    return parser


def _audit_parser(name: str) -> Parser:
    parser = new_parser(name, "check the records have not been changed")
    parser.add_argument("action", metavar="ACTION", choices=("verify", "anchor"),
                        help="verify: walk the hash chain and check anchors and worksheets; exit 0 OK, 1 naming "
                             "what failed. anchor: print a one-line anchor to keep outside the file")
    parser.add_argument("--anchor", metavar="LINE", default=None,
                        help="verify: an anchor line from `mscdose audit anchor`; nothing up to it may have changed")
    parser.add_argument("--worksheet", metavar="FILE.pdf", nargs="+", action="extend", default=[],
                        help="verify: worksheet PDFs printed by mscdose; each printed record must be in the chain "
                             "unchanged")
    parser.set_defaults(handler=_audit)
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
    """The store opened for writing (reprint logs a print event; backup), through the service."""
    from mscdose.service.records import opened_store

    return opened_store(args.database, must_exist=args.database is not None)


@contextlib.contextmanager
def _reading(args: argparse.Namespace, *, not_a_store: ExitCode = ExitCode.BAD_INPUT,
             missing_is_empty: bool = False) -> Iterator[Any]:
    """The store opened read-only for the length of the block (None when the data folder's store does not exist
    yet and `missing_is_empty`: nothing has been saved, which is not an error for history or export).

    NotARecordStore gives `not_a_store` (exit 1 for the audit commands, whose check failed); every other store
    error is exit 2 with its one-line message."""
    from mscdose.records.errors import NotARecordStore, StoreError
    from mscdose.records.postgres import database_url, open_record_store
    from mscdose.records.store import default_path

    path: Path | None = None
    if args.database is None and database_url() is not None:  # the clinic's shared store (issue 17)
        pass
    elif args.database is not None:
        path = Path(args.database)
        if not path.exists():
            raise Problem.bad_input("database", args.database, f"--database: “{args.database}” is not a file; give "
                                    "an existing record database (or leave --database out to use the data folder's).")
    else:
        try:
            path = default_path()
        except OSError as error:
            raise Problem.bad_input("database", "", f"The data folder cannot be found ({error}); set "
                                    "MSCDOSE_DATA_DIR to the folder of the record database.") from None
        if missing_is_empty and not path.exists() and not Path(f"{path}-wal").exists():
            yield None
            return
    try:
        with open_record_store(path, read_only=True) as store:
            yield store
    except NotARecordStore as error:
        raise Problem(not_a_store, str(error), "database", str(path or "")) from None
    except StoreError as error:
        raise Problem(ExitCode.BAD_INPUT, str(error), "database", str(path or "")) from None


def _json(value: Any) -> str:
    """JSON with every non-ASCII character escaped: stored text can never drive the terminal."""
    return json.dumps(value, ensure_ascii=True, indent=2)


def _summary(record: Any) -> dict[str, Any]:
    doc = record.document
    patient = doc.get("patient") if isinstance(doc.get("patient"), dict) else {}
    order = doc.get("order") if isinstance(doc.get("order"), dict) else {}
    return {
        "id": record.id, "created_at": record.created_at.isoformat(), "patient_id": record.patient_id,
        "patient_name": record.patient_name, "status": record.status, "prepared_by": record.prepared_by,
        "checked_by": record.checked_by, "volume_to_draw_ml": doc.get("volume_to_draw_ml"),
        "delivered_dose_cells": doc.get("delivered_dose_cells"), "lot_number": record.lot_number,
        "din": record.din, "printed": record.printed, "supersedes": record.supersedes,
        "superseded_by": record.superseded_by, "correction_reason": record.correction_reason,
        "sha256": record.sha256,
        # issue 19 (null for records saved before it): the second identifier and the order
        "date_of_birth": patient.get("date_of_birth"), "prescriber": order.get("prescriber"),
        "order_reference": order.get("reference"), "order_date": order.get("date"),
        "chain_head": record.chain_head or None,
    }


# the document keys `_summary` and readable.history_line read (tests/records/test_cli_streaming.py compares the
# output with that of full records)
_LISTED = ("volume_to_draw_ml", "delivered_dose_text", "delivered_dose_cells", "patient", "order", "lot_number",
           "inputs")


def _history(args: argparse.Namespace) -> int:
    """Records printed as they are read (issue 18: `iter_history` streams them a batch at a time, so 100,000
    records never sit in memory); the output is byte for byte what printing the whole list gave."""
    since = _since(args.since)
    with _reading(args, missing_is_empty=True) as store:
        if args.json:
            records = store.iter_history(args.patient, since, document_keys=_LISTED) if store is not None else iter(())
            _print_json_list(_summary(r) for r in records)
            return ExitCode.OK
        write, printed = sys.stdout.write, 0
        for line in store.iter_history_lines(args.patient, since) if store is not None else ():
            write(line + "\n")
            printed += 1
    if not printed:
        from mscdose.core.text import safe_for_terminal

        print(safe_for_terminal("No records" + (f" for patient {args.patient}" if args.patient else "")
                                + (f" since {args.since}" if args.since else "") + "."))
    return ExitCode.OK


def _print_json_list(items: Iterator[Any]) -> None:
    """`print(_json(list(items)))` written one item at a time: the same bytes, without holding the list."""
    write, first = sys.stdout.write, True
    for item in items:
        write(("[\n  " if first else ",\n  ") + _json(item).replace("\n", "\n  "))
        first = False
    write("[]\n" if first else "\n]\n")


def _show(args: argparse.Namespace) -> int:
    number = record_id(args.record_id)
    with _reading(args) as store:
        record = store.get(number)
    if args.json:
        print(_json({**_summary(record), "prev_sha256": record.prev_sha256, "document": record.document}))
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
    from mscdose.records.csv_export import write_csv
    from mscdose.records.errors import StoreError

    with _reading(args, missing_is_empty=True) as store:
        if store is not None:
            count = store.export_csv(Path(args.csv))
        else:
            try:
                count = write_csv([], Path(args.csv))
            except StoreError as error:
                raise Problem(ExitCode.BAD_INPUT, str(error), "csv", args.csv) from None
    print(f"Exported {count} record{'s' if count != 1 else ''} to {args.csv}.")
    return ExitCode.OK


def _backup(args: argparse.Namespace) -> int:
    if args.check:
        return _backup_check(Path(args.file))
    with _store(args) as store:
        count = store.backup(Path(args.file))
    print(f"Backed up {count} record{'s' if count != 1 else ''} to {args.file}; the copy verifies "
          f"(`mscdose backup --check {args.file}`).")
    return ExitCode.OK


def _backup_check(path: Path) -> int:
    from mscdose.records.errors import NotARecordStore, StoreError
    from mscdose.records.store import RecordStore

    if not path.exists():
        raise Problem.bad_input("file", str(path), f"FILE: “{path}” does not exist; give the backup file to check.")
    try:
        report = RecordStore.check_backup(path)
    except NotARecordStore as error:
        raise Problem(ExitCode.FAILED, f"Backup FAILED: {error}", "file", str(path)) from None
    except StoreError as error:
        raise Problem(ExitCode.BAD_INPUT, str(error), "file", str(path)) from None
    if not report.ok:
        print(f"Backup FAILED: {path} does not verify: {report.problem}. Do not restore it; use an older backup.",
              file=sys.stderr)
        return ExitCode.FAILED
    print(f"Backup OK: {path} holds {_counts(report)}, hash chain unbroken (head {report.head[:12]}).")
    return ExitCode.OK


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _counts(report: Any) -> str:
    entries = f"{report.entries} ledger entr{'y' if report.entries == 1 else 'ies'}"
    return f"{_plural(report.count, 'record')} and {_plural(report.print_events, 'print event')} ({entries})"


def _kinds(report: Any) -> str:
    """Every kind of entry the audit walked, counted (0 too: a kind the site expected and the chain lacks is
    seen at a glance, e.g. no signatures in a store whose records were all checked electronically)."""
    counts = ((report.count, "record", "records"), (report.print_events, "print event", "print events"),
              (report.approvals, "protocol approval", "protocol approvals"),
              (report.user_events, "user event", "user events"), (report.signatures, "signature", "signatures"),
              (report.bedside_checks, "bedside check", "bedside checks"))
    return ", ".join(f"{count} {one if count == 1 else many}" for count, one, many in counts)


def _audit(args: argparse.Namespace) -> int:
    if args.action == "anchor":
        if args.anchor is not None or args.worksheet:
            raise Problem.bad_input("action", "anchor", "mscdose audit anchor: --anchor and --worksheet go with "
                                    "`mscdose audit verify`.")
        with _reading(args, not_a_store=ExitCode.FAILED) as store:
            print(store.anchor_line())
        return ExitCode.OK
    return _audit_verify(args)


def _audit_verify(args: argparse.Namespace) -> int:
    from mscdose.records.errors import StoreError
    from mscdose.records.ledger import parse_anchor

    if args.anchor is not None:
        try:
            parse_anchor(args.anchor)
        except StoreError as error:
            raise Problem.bad_input("anchor", args.anchor[:120], f"--anchor: {error}") from None
    sheets = [Path(name) for name in args.worksheet]
    for sheet in sheets:
        if not sheet.is_file():
            raise Problem.bad_input("worksheet", str(sheet), f"--worksheet: “{sheet}” is not a file; give the "
                                    "worksheet PDF(s) to check.")
    with _reading(args, not_a_store=ExitCode.FAILED) as store:
        report, damage = store.audit(args.anchor)
        checked = [(sheet, _check_worksheet(store, sheet)) for sheet in sheets]
    failed = False
    if damage:  # the chain reads fine but SQLite finds damaged pages (disk fault, partial copy)
        print(f"Audit FAILED: the database file is damaged (SQLite integrity check: {'; '.join(damage[:5])}). "
              "Keep it as it is, restore the latest backup and report it.", file=sys.stderr)
        failed = True
    elif report.ok:
        anchored = ""
        if report.anchors_checked:
            anchored = (f"; {_plural(report.anchors_checked, 'anchor')} matched"
                        + (f", {report.unanchored} entries after the newest" if report.unanchored else ""))
        print(f"Audit OK: {report.count} record{'s' if report.count != 1 else ''} and {report.print_events} "
              f"print event{'s' if report.print_events != 1 else ''}, hash chain unbroken "
              f"(last hash {report.last_sha256}; chain head {report.head[:12]} after {report.entries} "
              f"entries{anchored}).")
        print(f"Checked in the chain: {_kinds(report)}.")
    else:
        where = f"record {report.first_bad_id}" if report.first_bad_id is not None else "the chain"
        print(f"Audit FAILED at {where}: {report.problem}. {report.count} record(s) before it verified. "
              "Keep this database as it is and report it.", file=sys.stderr)
        failed = True
    for sheet, (ok, message) in checked:
        if ok:
            print(f"Worksheet OK: {sheet}: {message}.")
        else:
            print(f"Worksheet FAILED: {sheet}: {message}", file=sys.stderr)
            failed = True
    return ExitCode.FAILED if failed else ExitCode.OK


def _check_worksheet(store: Any, sheet: Path) -> tuple[bool, str]:
    """(True, what matched) when the printed record (id, hash and chain head read from the PDF's metadata) is
    in the store unchanged; (False, why not) otherwise."""
    from mscdose.core.text import safe_for_terminal
    from mscdose.worksheet.pdf_marker import NotAWorksheet, read_marker

    try:
        marker = read_marker(sheet)
    except NotAWorksheet as error:
        return False, safe_for_terminal(str(error))
    printed = f"record {marker.record_id} (printed hash {marker.record_hash}, chain head {marker.chain_head})"
    check = store.verify_printed(marker.record_id, marker.record_hash, marker.chain_head)
    if check.ok:
        return True, f"{printed} is in the chain unchanged"
    return False, f"{printed}: {check.problem}"
