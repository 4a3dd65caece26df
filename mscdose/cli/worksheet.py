"""`mscdose worksheet` and `mscdose correct`: compute, finalise through the service, save, write the worksheet PDF.

The record is saved before the PDF is written and the writing is logged against it, so every worksheet on
paper has a record behind it. The rules (real clock, finalising flags, required fields, overrides, the
number of infusions) are the service's, the same the window uses; this module only reads options and
reports. `correct` saves a new record that supersedes an earlier one, with a reason: the way past the
protocol's one-infusion rule when the first record was wrong.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mscdose.cli.options import Parser, Passwords, Problem, add_calc_options, add_signer, calc_texts, new_parser, say
from mscdose.cli.status_codes import ExitCode

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult


def build_parser(name: str) -> Parser:
    if name == "correct":
        parser = new_parser(name, "save a corrected record that supersedes an earlier one, and its worksheet",
                            "Compute again with corrected inputs and save a new record that supersedes RECORD_ID "
                            "(which stays in the chain, marked superseded), with the reason for the correction.")
        parser.add_argument("record_id", metavar="RECORD_ID", help="the record being corrected")
        parser.add_argument("--reason", required=True, help="why the earlier record is corrected (3+ words)")
    else:
        parser = new_parser(name, "compute a dose, save the record and write the worksheet PDF",
                            "Compute a dose, save it in the record store and write the printed worksheet as PDF. A "
                            "blocked calculation gets no worksheet (exit 3); with --preview it gets one marked NOT "
                            "FOR ADMINISTRATION, which is not saved as a record.")
    add_calc_options(parser)
    group = parser.add_argument_group("patient, order and preparation")
    group.add_argument("--patient-id", required=True, metavar="ID", help="patient identifier (required)")
    group.add_argument("--patient-name", default="", metavar="NAME", help="patient name")
    group.add_argument("--prescriber", default="", metavar="NAME", help="the prescriber named on the order")
    group.add_argument("--order-ref", dest="order_reference", default="", metavar="REF",
                       help="the hospital's order or prescription number")
    group.add_argument("--order-date", default="", metavar="YYYY-MM-DD", help="the date the order was written")
    group.add_argument("--prepared-by", default="", metavar="INITIALS",
                       help="initials of the person preparing; also the initials of each --override")
    group.add_argument("--lot", default="", metavar="LOT", help="product lot number")
    group.add_argument("--override", action="append", default=[], metavar="CODE=REASON",
                       help="override a soft flag with a reason of at least 3 words (repeat for each flag)")
    group.add_argument("--confirm", action="append", default=[], metavar="CRITERIA",
                       help="eligibility criteria confirmed: numbers (I1, E3, ...), exact texts, or all "
                            "(all needs --confirmed-by); repeat or separate with commas")
    group.add_argument("--confirmed-by", default="", metavar="INITIALS",
                       help="initials of the person who confirmed the eligibility criteria (recorded)")
    group.add_argument("--eligibility-confirmed", action="store_true", help=argparse.SUPPRESS)
    group.add_argument("--site-name", default=None, metavar="NAME",
                       help="site name printed in the header (default: the site setting)")
    group.add_argument("--page-size", default=None, metavar="A4|Letter",
                       help="paper size (default: the site setting, A4 when unset)")
    group.add_argument("--preview", action="store_true",
                       help="write a preview marked NOT FOR ADMINISTRATION instead (no record is saved)")
    group.add_argument("--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    group.add_argument("--force", action="store_true", help="replace --output if it exists")
    add_signer(parser)
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


def _eligibility(args: argparse.Namespace, result: DoseResult) -> dict[str, bool | None]:
    from mscdose.core.eligibility import confirmation_states
    from mscdose.core.errors import InputError

    if args.eligibility_confirmed:
        raise Problem.bad_input("eligibility_confirmed", "--eligibility-confirmed", "--eligibility-confirmed is no "
                                "longer accepted: it ticked every criterion at once. Confirm criteria one by one "
                                "with --confirm I1,I2,... or give --confirm all with --confirmed-by INITIALS.")
    try:
        return confirmation_states(result.protocol, args.confirm, args.confirmed_by or None, result.age_years)
    except InputError as error:
        raise Problem.bad_input(error.field, error.given, f"--{error.field.replace('_', '-')}: {error.message}"
                                ) from None


def _worksheet(args: argparse.Namespace) -> int:
    from mscdose.service import finalise as service
    from mscdose.service.calculation import calculate
    from mscdose.service.errors import InvalidInput
    from mscdose.service.outputs import check_output_path, print_options, write_preview, write_record_worksheet
    from mscdose.service.records import opened_store

    correcting = getattr(args, "record_id", None)
    if args.now and not args.preview:
        raise Problem.bad_input("now", args.now, "--now is for `calc` and previews only: a final worksheet is "
                                "checked against the real clock. Leave --now out, or add --preview.")
    options = print_options(args.page_size, args.site_name)
    result = calculate(calc_texts(args), args.protocol)
    if not args.patient_id.strip():
        raise Problem.bad_input("patient_id", args.patient_id, "--patient-id: nothing was given. Accepted: the "
                                "patient's identifier (e.g. a hospital number).")
    output = check_output_path(args.output, force=args.force)
    supersedes = None
    if correcting is not None:
        from mscdose.cli.records import record_id

        supersedes = record_id(correcting)
    preparation = service.Preparation(
        patient_id=args.patient_id, patient_name=args.patient_name, prepared_by=args.prepared_by,
        lot_number=args.lot, overrides=parse_overrides(args.override, args.prepared_by),  # type: ignore[arg-type]
        eligibility=_eligibility(args, result), prescriber=args.prescriber, order_reference=args.order_reference,
        order_date=args.order_date, confirmed_by=args.confirmed_by, supersedes=supersedes,
        correction_reason=getattr(args, "reason", "") or "")
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
        from mscdose.worksheet import content

        draft = service.draft_document(result, preparation)
        # The window's wording, in the worksheet's language: the hard flags of a blocked calculation, else that
        # it is a preview (what still stands between it and a saved record is in the JSON outcome's problems).
        reason = content.blocked_reason(draft) if blocked else content.preview_note()
        write_preview(draft, output, options, reason)
        say(args.json, outcome, f"Preview (NOT FOR ADMINISTRATION) written to {output}"
            + (": the calculation is blocked." if blocked else "."))
        return ExitCode.BLOCKED if blocked else ExitCode.OK
    preparation = service.check_texts(preparation)
    with opened_store() as store:
        review = service.review(store, result, preparation)
        try:
            service.check_overrides(preparation, review)
        except InvalidInput as error:
            hint = " (the initials come from --prepared-by)" if error.field == "prepared_by" else ""
            raise InvalidInput(f"--{error}{hint}", field=error.field, given=error.given) from None
        if review.blocked:
            raise Problem(ExitCode.BLOCKED, "blocked by a hard limit (checked with the real clock and the records), "
                          "no worksheet written: " + "; ".join(review.problems), "flags",
                          problems=list(review.problems))
        if review.problems:
            hint = ""
            if review.missing:
                hint += " Give the missing fields (see `mscdose worksheet --help`)."
            if review.pending:
                hint += (" Give --override CODE=\"reason\" (initials from --prepared-by) for each soft flag, or "
                         "--preview for a marked preview.")
            raise InvalidInput("the worksheet cannot be finalised: " + "; ".join(review.problems) + "." + hint,
                               field="missing" if review.missing else "override")
        signer = None
        from mscdose.service.accounts import accounts_enabled, authenticate

        if accounts_enabled(store):
            if not args.user:
                raise Problem.bad_input("user", "", "This record store has user accounts: give --user ID (the "
                                        "password is asked, or read with --password-stdin).")
            signer = authenticate(store, args.user, Passwords(args.password_stdin).ask(f"Password of {args.user}"))
        record = service.finalise(store, result, preparation, review, signer=signer)
        if store.last_anchor_problem:
            print(f"mscdose: warning: {store.last_anchor_problem}", file=sys.stderr)
        write_record_worksheet(store, record, output, options)
    done = "Corrected record" if supersedes else "Record"
    say(args.json, {"status": record.status, "preview": False, "record_id": record.id, "output": str(output),
                    **({"supersedes": supersedes} if supersedes else {})},
        f"{done} {record.id} saved" + (f" (supersedes record {supersedes})" if supersedes else "")
        + f"; worksheet written to {output}")
    return ExitCode.OK
