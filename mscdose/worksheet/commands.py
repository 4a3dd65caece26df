"""`mscdose worksheet`: compute, finalise, save the record, then write the worksheet PDF.

Keep this module cheap to import (it is loaded for every `mscdose` command): Qt and the engine are
imported inside the handler only.

Order matters for the audit trail: the record is saved before the PDF is written, and the outcome of the
writing is logged against it (`mark_printed`), so every worksheet on paper has a record behind it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_BLOCKED = 0, 1, 2, 3  # as mscdose.cli


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `worksheet` to the `mscdose` parser."""
    from mscdose.cli import add_calc_options

    parser = subparsers.add_parser(
        "worksheet", help="compute a dose, save the record and write the worksheet PDF",
        description="Compute a dose, save it in the record store and write the printed worksheet as PDF. "
                    "A blocked calculation gets no worksheet (exit 3); with --preview it gets one marked "
                    "NOT FOR ADMINISTRATION, which is not saved as a record.")
    add_calc_options(parser)
    group = parser.add_argument_group("worksheet")
    group.add_argument("--patient-id", required=True, metavar="ID", help="patient identifier (required)")
    group.add_argument("--patient-name", default="", metavar="NAME", help="patient name")
    group.add_argument("--prepared-by", default="", metavar="INITIALS",
                       help="initials of the person preparing; also the initials of each --override")
    group.add_argument("--lot", default="", metavar="LOT", help="product lot number")
    group.add_argument("--override", action="append", default=[], metavar="CODE=REASON",
                       help="override a soft flag with a reason of at least 3 words (repeat for each flag)")
    group.add_argument("--eligibility-confirmed", action="store_true",
                       help="the preparer confirms every eligibility criterion of the protocol")
    group.add_argument("--site-name", default=None, metavar="NAME",
                       help="site name printed in the header (default: the window's setting)")
    group.add_argument("--page-size", default=None, metavar="A4|Letter",
                       help="paper size (default: the window's setting, A4 when unset)")
    group.add_argument("--preview", action="store_true",
                       help="write a preview marked NOT FOR ADMINISTRATION instead (no record is saved)")
    group.add_argument("--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.set_defaults(handler=_worksheet)


class _Refused(Exception):
    def __init__(self, code: int, message: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code, self.body = code, body or {}


def _say(args: argparse.Namespace, outcome: dict[str, Any], message: str, error: bool = False) -> None:
    if args.json:
        print(json.dumps(outcome, ensure_ascii=False))
    else:
        print(f"mscdose: {message}" if error else message, file=sys.stderr if error else sys.stdout)


def _parse_overrides(args: argparse.Namespace) -> list[Any]:
    from mscdose.core.overrides import Override, override_problem

    overrides = []
    for text in args.override:
        code, sep, reason = text.partition("=")
        if not sep or not code.strip():
            raise _Refused(EXIT_BAD_INPUT, f"--override: “{text}” is not CODE=reason. Accepted: e.g. "
                           "--override \"WEIGHT_UNUSUAL=weight confirmed on ward scale\".",
                           {"field": "override", "given": text})
        override = Override(code.strip().upper(), reason.strip(), args.prepared_by.strip())
        problem = override_problem(override.reason, override.initials)
        if problem:
            field = "prepared_by" if problem.startswith("Initials") else "override"
            hint = " (the initials come from --prepared-by)" if field == "prepared_by" else ""
            raise _Refused(EXIT_BAD_INPUT, f"--override {override.code}: {problem}{hint}",
                           {"field": field, "given": text})
        overrides.append(override)
    return overrides


def _check_output(output: str) -> None:
    """Refuse an output the PDF cannot be written to before any record is saved."""
    from pathlib import Path

    path = Path(output)
    if path.suffix.lower() != ".pdf":
        raise _Refused(EXIT_BAD_INPUT, f"--output: “{output}” does not end in .pdf. Accepted: a file name "
                       "ending in .pdf in an existing folder.", {"field": "output", "given": output})
    if not path.resolve().parent.is_dir():
        raise _Refused(EXIT_BAD_INPUT, f"--output: the folder of “{output}” does not exist. Accepted: a file name "
                       "ending in .pdf in an existing folder.", {"field": "output", "given": output})
    if path.is_dir():
        raise _Refused(EXIT_BAD_INPUT, f"--output: “{output}” is a folder. Accepted: a file name ending in .pdf.",
                       {"field": "output", "given": output})


def _earlier_same_lot(store: Any, patient_id: str, lot: str, din: str | None) -> int:
    from mscdose.records.same_lot import same_day_same_lot

    found = {record.id for key in (lot, din or "") if key for record in same_day_same_lot(store, patient_id, key)}
    return len(found)


def _apply_settings(args: argparse.Namespace) -> None:
    """Site name and paper size not given on the command line come from the window's settings, so the
    CLI and the window print the same header on the same paper."""
    if args.site_name is not None and args.page_size is not None:
        return
    try:
        from mscdose.settings import PAPER_SIZE, SITE_NAME, Settings

        settings = Settings()
        site, paper = settings.get(SITE_NAME), settings.get(PAPER_SIZE)
    except ImportError:  # a build without the window
        site, paper = "", "A4"
    args.site_name = site if args.site_name is None else args.site_name
    args.page_size = paper if args.page_size is None else args.page_size


def _worksheet(args: argparse.Namespace) -> int:
    from mscdose.cli import BadInput, compute_from_args, report_bad_input

    _apply_settings(args)

    try:
        result = compute_from_args(args)
    except BadInput as error:
        return report_bad_input(error, args.json)
    try:
        from mscdose.worksheet.render import page_size_id

        page_size_id(args.page_size)
        if not args.patient_id.strip():
            raise _Refused(EXIT_BAD_INPUT, "--patient-id: nothing was given. Accepted: the patient's identifier "
                           "(e.g. a hospital number).", {"field": "patient_id", "given": args.patient_id})
        _check_output(args.output)
        return _finish(args, result)
    except ValueError as error:  # page size
        _say(args, {"error": {"field": "page_size", "given": args.page_size, "message": str(error)}},
             str(error), error=True)
        return EXIT_BAD_INPUT
    except _Refused as refusal:
        _say(args, {"error": {**refusal.body, "message": str(refusal)}}, str(refusal), error=True)
        return refusal.code


def _finish(args: argparse.Namespace, result: Any) -> int:
    from mscdose.core.document import record_document
    from mscdose.core.overrides import finalise_problems, finalising_flags

    overrides = _parse_overrides(args)
    protocol = result.protocol
    criteria = [*protocol.inclusion, *protocol.exclusion]
    eligibility = {criterion: True for criterion in criteria} if args.eligibility_confirmed else {}
    blocked = result.status == "blocked"
    store = None
    try:
        extra = []
        if not blocked and not args.preview:
            from mscdose.records.store import RecordStore, StoreError

            try:
                store = RecordStore()
                earlier = _earlier_same_lot(store, args.patient_id, args.lot, result.request.din and
                                            result.request.din.display)
            except StoreError as error:
                raise _Refused(EXIT_FAILED, str(error)) from None
            extra = finalising_flags(eligibility, criteria, earlier)
        overridable = {f.code for f in [*result.soft_flags, *extra] if f.severity == "soft"}
        for override in overrides:
            if override.code not in overridable and not (args.preview or blocked):
                raise _Refused(EXIT_BAD_INPUT, f"--override {override.code}: this calculation has no such "
                               f"soft flag. Soft flags to override: {', '.join(sorted(overridable)) or 'none'}.",
                               {"field": "override", "given": override.code})
        problems = finalise_problems(result, overrides, extra)
        document = record_document(result, patient_id=args.patient_id, patient_name=args.patient_name,
                                   prepared_by=args.prepared_by, lot_number=args.lot, overrides=overrides,
                                   eligibility=eligibility, extra_flags=extra)
        if args.preview or blocked:
            return _preview(args, document, problems, blocked)
        if problems:
            raise _Refused(EXIT_BAD_INPUT, "the worksheet cannot be finalised: " + "; ".join(problems)
                           + ". Give --override CODE=\"reason\" (initials from --prepared-by) for each soft flag, "
                           "or --preview for a marked preview.", {"field": "override", "problems": problems})
        return _final(args, document, store)
    finally:
        if store is not None:
            store.close()


def _preview(args: argparse.Namespace, document: dict[str, Any], problems: list[str], blocked: bool) -> int:
    from mscdose.worksheet.render import write_worksheet_pdf

    outcome: dict[str, Any] = {"status": document["status"], "preview": True, "record_id": None,
                               "output": args.output if args.preview else None, "problems": problems}
    if not args.preview:
        _say(args, outcome, "blocked by a hard limit, no worksheet written: " + "; ".join(problems)
             + ". (--preview writes one marked NOT FOR ADMINISTRATION.)", error=True)
        return EXIT_BLOCKED
    reason = " ".join(problems) if problems else "preview only: not a saved record"
    try:
        write_worksheet_pdf(document, args.output, page_size=args.page_size, site_name=args.site_name,
                            preview_reason=reason)
    except OSError as error:
        raise _Refused(EXIT_FAILED, f"--output: cannot write “{args.output}”: {error}",
                       {"field": "output", "given": args.output}) from None
    _say(args, outcome, f"Preview (NOT FOR ADMINISTRATION) written to {args.output}"
         + (": the calculation is blocked." if blocked else "."))
    return EXIT_BLOCKED if blocked else EXIT_OK


def _final(args: argparse.Namespace, document: dict[str, Any], store: Any) -> int:
    from mscdose.records.store import StoreError
    from mscdose.worksheet.render import write_worksheet_pdf

    try:
        record = store.save(document)
    except StoreError as error:
        raise _Refused(EXIT_FAILED, str(error)) from None
    try:
        write_worksheet_pdf(document, args.output, page_size=args.page_size, record_id=record.id,
                            site_name=args.site_name)
    except (OSError, ValueError) as error:
        store.mark_printed(record.id, False, f"PDF {args.output}: {error}")
        raise _Refused(EXIT_FAILED, f"record {record.id} was saved, but the worksheet PDF could not be written "
                       f"to “{args.output}”: {error}", {"field": "output", "given": args.output}) from None
    store.mark_printed(record.id, True, f"PDF {args.output}")
    _say(args, {"status": document["status"], "preview": False, "record_id": record.id, "output": args.output},
         f"Record {record.id} saved; worksheet written to {args.output}")
    return EXIT_OK
