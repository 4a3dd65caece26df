"""`mscdose worksheet`: compute, finalise through the service, save the record, then write the worksheet PDF.

The record is saved before the PDF is written and the writing is logged against it, so every worksheet
on paper has a record behind it. The rules (finalising flags, overrides, what blocks) are the service's,
the same the window uses; this module only reads options and reports.
"""

from __future__ import annotations

import argparse
import sys

from mscdose.cli.options import Parser, Problem, add_calc_options, calc_texts, new_parser, say
from mscdose.cli.status_codes import ExitCode


def build_parser(name: str) -> Parser:
    parser = new_parser(name, "compute a dose, save the record and write the worksheet PDF",
                        "Compute a dose, save it in the record store and write the printed worksheet as PDF. A "
                        "blocked calculation gets no worksheet (exit 3); with --preview it gets one marked NOT FOR "
                        "ADMINISTRATION, which is not saved as a record.")
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
                       help="site name printed in the header (default: the site setting)")
    group.add_argument("--page-size", default=None, metavar="A4|Letter",
                       help="paper size (default: the site setting, A4 when unset)")
    group.add_argument("--preview", action="store_true",
                       help="write a preview marked NOT FOR ADMINISTRATION instead (no record is saved)")
    group.add_argument("--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    group.add_argument("--force", action="store_true", help="replace --output if it exists")
    parser.set_defaults(handler=_worksheet)
    return parser


def parse_overrides(texts: list[str], initials: str) -> tuple[object, ...]:
    """`CODE=reason` options as overrides signed with the preparer's initials (checked by the service)."""
    from mscdose.core.overrides import Override

    overrides = []
    for text in texts:
        code, sep, reason = text.partition("=")
        if not sep or not code.strip():
            raise Problem.bad_input("override", text, f"--override: “{text}” is not CODE=reason. Accepted: e.g. "
                                    "--override \"WEIGHT_UNUSUAL=weight confirmed on ward scale\".")
        overrides.append(Override(code.strip().upper(), reason.strip(), initials.strip()))
    return tuple(overrides)


def _worksheet(args: argparse.Namespace) -> int:
    from mscdose.service import finalise as service
    from mscdose.service.calculation import calculate
    from mscdose.service.errors import InvalidInput
    from mscdose.service.outputs import check_output_path, print_options, write_preview, write_record_worksheet
    from mscdose.service.records import opened_store

    options = print_options(args.page_size, args.site_name)
    result = calculate(calc_texts(args), args.protocol)
    if not args.patient_id.strip():
        raise Problem.bad_input("patient_id", args.patient_id, "--patient-id: nothing was given. Accepted: the "
                                "patient's identifier (e.g. a hospital number).")
    output = check_output_path(args.output, force=args.force)
    protocol = result.protocol
    criteria = [*protocol.inclusion, *protocol.exclusion]
    preparation = service.Preparation(
        patient_id=args.patient_id, patient_name=args.patient_name, prepared_by=args.prepared_by,
        lot_number=args.lot, overrides=parse_overrides(args.override, args.prepared_by),  # type: ignore[arg-type]
        eligibility={criterion: True for criterion in criteria} if args.eligibility_confirmed else {})
    blocked = result.status == "blocked"
    if args.preview or blocked:
        review = service.review(None, result, preparation)
        outcome = {"status": result.status, "preview": True, "record_id": None,
                   "output": str(output) if args.preview else None, "problems": list(review.problems)}
        if not args.preview:
            message = ("blocked by a hard limit, no worksheet written: " + "; ".join(review.problems)
                       + ". (--preview writes one marked NOT FOR ADMINISTRATION.)")
            if args.json:
                say(True, outcome, message)
            else:
                print(f"mscdose: {message}", file=sys.stderr)
            return ExitCode.BLOCKED
        reason = " ".join(review.problems) if review.problems else "preview only: not a saved record"
        write_preview(service.draft_document(result, preparation), output, options, reason)
        say(args.json, outcome, f"Preview (NOT FOR ADMINISTRATION) written to {output}"
            + (": the calculation is blocked." if blocked else "."))
        return ExitCode.BLOCKED if blocked else ExitCode.OK
    with opened_store() as store:
        review = service.review(store, result, preparation)
        try:
            service.check_overrides(preparation, review)
        except InvalidInput as error:
            hint = " (the initials come from --prepared-by)" if error.field == "prepared_by" else ""
            raise InvalidInput(f"--{error}{hint}", field=error.field, given=error.given) from None
        if review.problems:
            raise InvalidInput("the worksheet cannot be finalised: " + "; ".join(review.problems) + ". Give "
                               "--override CODE=\"reason\" (initials from --prepared-by) for each soft flag, or "
                               "--preview for a marked preview.", field="override")
        record = service.finalise(store, result, preparation, review)
        write_record_worksheet(store, record, output, options)
    say(args.json, {"status": record.status, "preview": False, "record_id": record.id, "output": str(output)},
        f"Record {record.id} saved; worksheet written to {output}")
    return ExitCode.OK
