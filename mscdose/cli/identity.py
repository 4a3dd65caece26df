"""`mscdose label` (the prepared bag's label) and `mscdose bedside` (right patient, right bag, in time).

Chain of identity, issue 13. The label is written by the service (`mscdose.service.labels.write_record_label`,
the same use case as the window's Print bag label…): printed from the saved record only, logged like every
output, the first copy plain and every later one marked REPRINT n; refused for a superseded record and, where
the site requires it, for a record not yet checked independently.

The bedside check answers MATCH or MISMATCH in words a nurse cannot misread, and every check, either answer,
is appended to the record chain before the answer is shown: a MISMATCH cannot be made to disappear by
scanning again (a retry is a new entry; `mscdose show`/audit keep both). Exit status: 0 MATCH, 3 MISMATCH,
2 when the check could not be made at all (bad setting, record store unusable): then nothing was logged.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from mscdose.cli.options import Parser, Problem, add_database, add_json, new_parser, say
from mscdose.cli.status_codes import ExitCode

# The label use case is the service's (`mscdose.service.labels`, shared with the window); kept importable here.
from mscdose.service.labels import LABEL_DETAIL, label_copies_made, write_record_label  # noqa: F401


def build_parser(name: str) -> Parser:
    if name == "label":
        parser = new_parser(name, "write the bag label of a saved record (PDF), logged like a print",
                            "Write the label for the prepared infusion bag of a saved record: patient, product, "
                            "DIN, volumes, rates, start by / finish by, and a 2-D code for the bedside check. "
                            "The first copy is plain; every later copy is marked REPRINT n.")
        parser.add_argument("record_id", metavar="RECORD_ID", help="the saved record (see `mscdose history`)")
        parser.add_argument("--output", required=True, metavar="FILE.pdf", help="the PDF to write")
        parser.add_argument("--size", default=None, metavar="SIZE",
                            help="100x50mm or 4x2in (default: the site setting, 100x50mm)")
        parser.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
        add_database(parser)
        add_json(parser)
        parser.set_defaults(handler=_label)
        return parser
    parser = new_parser(name, "bedside check: wristband and bag label, MATCH or MISMATCH, logged",
                        "Scan the patient's wristband and the bag label mscdose printed (and, if the site does, "
                        "the product's ISBT 128 label). Prints MATCH or MISMATCH with every reason and appends "
                        "the check to the record chain. Exit status 0 MATCH, 3 MISMATCH.")
    parser.add_argument("--wristband", required=True, metavar="SCAN", help="the patient's wristband scan")
    parser.add_argument("--label", required=True, metavar="SCAN", help="the bag label scan (MSCDOSE1|R=...)")
    parser.add_argument("--product", default="", metavar="SCAN", help="the product's ISBT 128 label scan (optional)")
    add_database(parser)
    add_json(parser)
    parser.set_defaults(handler=_bedside)
    return parser


# ---------------------------------------------------------------------------------------------------- label

def _record_id(text: str) -> int:
    stripped = (text or "").strip()
    if not (stripped.isascii() and stripped.isdigit()) or not 1 <= int(stripped) <= 2**63 - 1:
        raise Problem.bad_input("record_id", text, f"Record id: “{text[:40]}” is not a record number. Accepted: "
                                "the number `mscdose history` shows, such as 12.")
    return int(stripped)


def _label_size(given: str | None) -> str:
    from mscdose.service.errors import InvalidInput
    from mscdose.service.labels import label_size_key

    try:
        return label_size_key(given)
    except InvalidInput as error:
        raise Problem.bad_input("size", error.given, str(error)) from None


def _label(args: argparse.Namespace) -> int:
    from mscdose.service.outputs import check_output_path
    from mscdose.service.records import opened_store

    record_id = _record_id(args.record_id)
    size = _label_size(args.size)
    output = check_output_path(args.output, force=args.force)
    from mscdose.records.store import StoreError
    from mscdose.service.errors import InvalidInput

    with opened_store(args.database, must_exist=args.database is not None) as store:
        try:
            record = store.get(record_id)
        except StoreError as error:  # no such record (or it cannot be read): say so against RECORD_ID
            raise InvalidInput(str(error), field="record_id", given=args.record_id) from None
        copy = write_record_label(store, record, output, size)
    words = f"REPRINT {copy} of the bag label" if copy else "Bag label"
    say(args.json, {"record_id": record_id, "output": str(output), "size": size, "reprint": copy},
        f"{words} of record {record_id} written to {output} ({size}).")
    return ExitCode.OK


# -------------------------------------------------------------------------------------------------- bedside

BAR = "=" * 64
RED_BAR = "X" * 64


def _din(code: str) -> str:
    """13 characters as printed under the barcode, with the check character: G1234 98 654321 H."""
    from mscdose.core.isbt128 import check_character

    return f"{code[:5]} {code[5:7]} {code[7:]} {check_character(code)}" if code else "none"


def bedside_text(check: Any, entry: Any) -> str:
    """What the nurse reads: one unmistakable word first and last, every reason numbered, where it is logged."""
    if check.matched:
        lines = [BAR, "  ✔  MATCH  ✔", BAR, "Right patient, right bag, in time: give this bag to this patient.",
                 f"Patient {check.wristband_patient_id} · record {check.record_id} · DIN "
                 f"{_din(check.label.din if check.label else '')}"]
    else:
        lines = [RED_BAR, "  ✘  MISMATCH – DO NOT GIVE THIS BAG  ✘", RED_BAR,
                 f"{len(check.reasons)} problem(s) found:"]
        lines += [f"  {number}. {reason}" for number, reason in enumerate(check.reasons, 1)]
        lines += ["Scanning again does not clear this: every check is kept. Call the pharmacy."]
    lines += [f"Note: {note}" for note in check.notes]
    lines += [f"Logged as bedside check {entry.id} at {check.checked_at:%Y-%m-%d %H:%M}.",
              "MATCH" if check.matched else "MISMATCH – DO NOT GIVE THIS BAG"]
    return "\n".join(lines)


def _wristband_pattern() -> Any:
    from mscdose.core.bedside import WristbandPattern
    from mscdose.core.errors import InputError
    from mscdose.settings import WRISTBAND_PATTERN, Settings

    setting = Settings().get(WRISTBAND_PATTERN)
    try:
        return WristbandPattern.from_setting(setting)
    except InputError as error:
        raise Problem.bad_input("wristband_pattern", setting, f"The site setting {error.message} Nothing was "
                                "checked or logged: fix the setting (Settings, or settings.ini).") from None


def _check_required() -> bool:
    """Issue 14: the site setting that refuses a bag label before the independent check refuses the bag at
    the bedside too."""
    from mscdose.settings import CHECK_BEFORE_LABEL, Settings

    return Settings().get(CHECK_BEFORE_LABEL) == "yes"


def _bedside(args: argparse.Namespace) -> int:
    from mscdose.records.bedside import check_and_log
    from mscdose.service.records import opened_store

    pattern = _wristband_pattern()
    now = datetime.now().astimezone()  # always the real clock: no option may move a bedside check in time
    with opened_store(args.database, must_exist=args.database is not None) as store:
        check, entry = check_and_log(store, args.wristband, args.label, now=now, wristband_pattern=pattern,
                                     product_scan=args.product or "", require_check=_check_required())
    say(args.json, {"result": check.result, "reasons": list(check.reasons), "notes": list(check.notes),
                    "record_id": check.record_id, "bedside_check_id": entry.id, "ledger_seq": entry.ledger_seq,
                    "checked_at": check.checked_at.isoformat(timespec="seconds")}, bedside_text(check, entry))
    return ExitCode.OK if check.matched else ExitCode.BLOCKED
