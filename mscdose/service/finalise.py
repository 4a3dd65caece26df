"""Finalising a calculation: the one place that decides whether it may become a record, and saves it.

Before this module the window and `mscdose worksheet` each had a copy of these rules and the copies had begun
to disagree. Now both ask `review` what stands in the way and call `finalise` to save:
- the calculation is computed again with the real clock, so a thaw time or a product expiry that ran out while
  the form was open blocks (time of use, not time of typing);
- the finalising flags: eligibility (hard criteria cannot be overridden), the same lot today, and the
  protocol's number of infusions for this patient (a correction supersedes instead);
- what the protocol requires to be present (two patient identifiers, the order, the lot, the DIN, ...);
- free text that could spoof what is printed (control, bidi and hidden characters) is refused;
- every soft flag needs an override with a reason and initials.
The record store checks the infusion limit again inside the transaction that saves, so two workstations
saving at once cannot both give a first infusion.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said
from mscdose.service.errors import Blocked, InvalidInput, NotFinalisable, StoreUnavailable
from mscdose.service.records import store_errors

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override, Problem
    from mscdose.records.store import RecordStore, SavedRecord
    from mscdose.records.users import User

log = logging.getLogger(__name__)

PATIENT_ID_MISSING_SAID: Message = said(QT_TRANSLATE_NOOP(
    "CoreMessage", "Patient ID: nothing was entered. Accepted: the patient's hospital or trial number as printed on "
                   "the wristband, e.g. AA-014."))
PATIENT_ID_MISSING = PATIENT_ID_MISSING_SAID.text


@dataclass(frozen=True)
class Preparation:
    """What the person adds to a calculation to make it a record: who it is for, the order, who prepared and
    checked it, the lot, the overrides of soft flags, the eligibility checklist (criterion text -> state) and
    who confirmed it, and for a correction the record it supersedes and why."""

    patient_id: str
    patient_name: str = ""
    prepared_by: str = ""
    checked_by: str = ""
    lot_number: str = ""
    overrides: tuple[Override, ...] = ()
    eligibility: Mapping[str, bool | None] = field(default_factory=dict)
    prescriber: str = ""
    order_reference: str = ""
    order_date: str = ""
    confirmed_by: str = ""
    supersedes: int | None = None
    correction_reason: str = ""


@dataclass(frozen=True)
class Review:
    """What stands between a calculation and a final record. `result` is the calculation computed again with
    the real clock; `extra_flags` the finalising flags (they join the document); `soft` every soft flag and
    `pending` those not yet overridden; `missing` the required fields not given; `problems` the readable
    list of everything in the way (empty: it may be finalised), in English (the CLI's and the tests' wording);
    `items` the same problems as core.overrides.Problem, each a template (the window says it in its language) and
    marked hard or not (what blocks is decided by that mark, never by reading the English)."""

    result: DoseResult
    extra_flags: tuple[Flag, ...]
    soft: tuple[Flag, ...]
    pending: tuple[Flag, ...]
    missing: tuple[str, ...]
    problems: tuple[str, ...]
    blocked: bool
    items: tuple[Problem, ...] = ()

    def hard_items(self) -> tuple[Problem, ...]:
        """The problems a Blocked refusal lists: the hard limits, or everything when none is marked hard."""
        return tuple(problem for problem in self.items if problem.hard) or self.items


def check_texts(preparation: Preparation) -> Preparation:
    """The free texts as they will be stored, or InvalidInput naming the first field that could spoof what is
    printed (control, bidi or hidden characters, over-long text)."""
    from mscdose.core.errors import InputError
    from mscdose.core.text import check_text

    fields = {"patient_id": "patient_id", "patient_name": "patient_name", "lot_number": "lot",
              "prescriber": "prescriber", "order_reference": "order_reference", "prepared_by": "initials",
              "checked_by": "initials", "confirmed_by": "initials", "correction_reason": "reason"}
    cleaned: dict[str, Any] = {}
    try:
        for name, kind in fields.items():
            cleaned[name] = check_text(kind, getattr(preparation, name), required=False)
        for override in preparation.overrides:
            check_text("reason", override.reason, required=False)
    except InputError as error:
        raise InvalidInput(error.said or error.message, field=error.field, given=error.given) from None
    from mscdose.core.identifiers import canonical_key

    def letters(initials: str) -> str:  # "A.B.", "a b" and "AB" are the same person's initials
        return "".join(char for char in canonical_key(initials) if char.isalnum())

    checked, prepared = cleaned["checked_by"], cleaned["prepared_by"]
    if checked and prepared and letters(checked) == letters(prepared):
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Checked by: “{checked}” are the preparer's own initials. Accepted: the initials of a "
                           "second person who checked independently, or nothing (the check is then a later step: "
                           "mscdose check, or Check a record in the window)."),
            checked=checked), field="checked_by", given=checked)
    return replace(preparation, **cleaned)


def recompute_now(result: DoseResult, now: datetime | None = None) -> DoseResult:
    """The same calculation with the real clock: what was OK when typed may have run out since."""
    from mscdose.core.engine import compute

    moment = now or datetime.now().astimezone()
    return compute(replace(result.request, now=moment), result.protocol)


def _earlier_same_lot(store: RecordStore, result: DoseResult, preparation: Preparation) -> int:
    from mscdose.records.same_lot import same_day_same_lot

    din = result.request.din.display if result.request.din else ""
    with store_errors():
        found = {r.id for key in (preparation.lot_number, din) if key.strip()
                 for r in same_day_same_lot(store, preparation.patient_id, key)
                 if r.id != preparation.supersedes}
    return len(found)


def _earlier_infusions(store: RecordStore, result: DoseResult, preparation: Preparation) -> int:
    with store_errors():
        earlier = store.earlier_infusions(preparation.patient_id, result.protocol.id)
    return len([r for r in earlier if r.id != preparation.supersedes])


def finalising_flags(store: RecordStore | None, result: DoseResult, preparation: Preparation) -> list[Flag]:
    """The flags that only exist at finalising: eligibility (hard criteria hard), the same lot (or DIN) already
    given to this patient today, and the protocol's limit of infusions per patient. Without a store (a
    preview) only the eligibility flags."""
    from mscdose.core.infusion_limit import infusion_limit_flags
    from mscdose.core.overrides import finalising_flags as core_finalising_flags

    same_lot = earlier = 0
    if store is not None and preparation.patient_id.strip():
        same_lot = _earlier_same_lot(store, result, preparation)
        earlier = _earlier_infusions(store, result, preparation)
    protocol = result.protocol
    flags = core_finalising_flags(preparation.eligibility, [*protocol.inclusion, *protocol.exclusion], same_lot,
                                  hard_criteria=protocol.hard_criteria)
    if store is not None:
        flags += infusion_limit_flags(earlier, protocol, is_correction=preparation.supersedes is not None)
    return flags


def active_overrides(overrides: Sequence[Override], flags: Sequence[Flag]) -> list[Override]:
    """The overrides that answer one of these soft flags with an acceptable reason and initials."""
    from mscdose.core.overrides import override_problem

    soft = {f.code for f in flags if f.severity == "soft"}
    return [o for o in overrides if o.code in soft and override_problem(o.reason, o.initials) is None]


def required_values(result: DoseResult, preparation: Preparation) -> dict[str, Any]:
    request = result.request
    return {"patient_id": preparation.patient_id, "patient_name": preparation.patient_name,
            "date_of_birth": request.date_of_birth, "age": request.age_years,
            "order_reference": preparation.order_reference, "prescriber": preparation.prescriber,
            "order_date": preparation.order_date, "lot_number": preparation.lot_number,
            "din": request.din.display if request.din else "", "thawed_at": request.thawed_at,
            "prepared_by": preparation.prepared_by, "checked_by": preparation.checked_by}


def review(store: RecordStore | None, result: DoseResult, preparation: Preparation,
           now: datetime | None = None) -> Review:
    """Everything standing between this calculation and a final record, for the window to ask about and the
    command line to report. With a store it is the real check (real clock, the patient's earlier records);
    without one (a preview) the calculation as it stands."""
    from mscdose.core.overrides import Problem, finalise_review_problems
    from mscdose.core.required import missing_for_finalising, missing_said

    current = recompute_now(result, now) if store is not None else result
    extra = finalising_flags(store, current, preparation)
    soft = [*current.soft_flags, *(f for f in extra if f.severity == "soft")]
    answered = {o.code for o in active_overrides(preparation.overrides, soft)}
    problems = finalise_review_problems(current, list(preparation.overrides), extra)
    missing = missing_for_finalising(current.protocol, required_values(current, preparation))
    if missing:
        problems.append(Problem(missing_said(missing)))
    if not preparation.patient_id.strip() and "patient id" not in missing:
        problems.insert(0, Problem(PATIENT_ID_MISSING_SAID))
    blocked = bool(current.hard_flags) or any(f.severity == "hard" for f in extra)
    return Review(current, tuple(extra), tuple(soft), tuple(f for f in soft if f.code not in answered),
                  tuple(missing), tuple(problem.text for problem in problems), blocked, tuple(problems))


def check_overrides(preparation: Preparation, review_: Review) -> None:
    """Refuse an override whose reason or initials are not acceptable, or that answers no soft flag of this
    calculation (InvalidInput naming it), rather than keep it silently."""
    from mscdose.core.overrides import override_problem

    soft = {f.code for f in review_.soft}
    for override in preparation.overrides:
        problem = override_problem(override.reason, override.initials)
        if problem:
            field_name = "prepared_by" if problem.startswith("Initials") else "override"
            raise InvalidInput(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "override {override_code}: {problem}"),
                override_code=override.code, problem=problem), field=field_name, given=override.code)
        if override.code not in soft:
            raise InvalidInput(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "override {override_code}: this calculation has no such soft flag. Soft flags to "
                               "override: {value}."),
                override_code=override.code, value=", ".join(sorted(soft)) or "none"), field="override",
                               given=override.code)


def document_for(result: DoseResult, preparation: Preparation, extra_flags: Sequence[Flag] = ()) -> dict[str, Any]:
    """The calculation document as the store keeps it and the worksheet prints it."""
    from mscdose.core.document import record_document

    soft = [*result.soft_flags, *extra_flags]
    document = record_document(
        result, patient_id=preparation.patient_id.strip(), patient_name=preparation.patient_name.strip(),
        prepared_by=preparation.prepared_by.strip(), checked_by=preparation.checked_by.strip(),
        lot_number=preparation.lot_number.strip(), overrides=active_overrides(preparation.overrides, soft),
        eligibility=dict(preparation.eligibility), extra_flags=extra_flags,
        prescriber=preparation.prescriber.strip(), order_reference=preparation.order_reference.strip(),
        order_date=preparation.order_date.strip())
    if preparation.confirmed_by.strip():
        document["eligibility_confirmed_by"] = preparation.confirmed_by.strip()
    return document


def draft_document(result: DoseResult, preparation: Preparation) -> dict[str, Any]:
    """A document for a preview (never saved): the calculation as it stands, without the store's checks."""
    return document_for(result, preparation, finalising_flags(None, result, preparation))


def finalise(store: RecordStore, result: DoseResult, preparation: Preparation,
             review_: Review | None = None, *, signer: User | None = None) -> SavedRecord:
    """Save the calculation as a record, or refuse: Blocked (a hard limit, with the real clock), NotFinalisable
    (a soft flag without an override, something required missing), InvalidInput (text that could spoof),
    AccessRefused (the store has accounts and nobody signed), StoreUnavailable. A correction
    (`preparation.supersedes`) supersedes its record with the reason given. Where the store has accounts the
    preparer's electronic signature ("prepared") follows the record into the chain. The record is on disk when
    this returns."""
    from mscdose.records.store import InfusionLimitReached, StoreError
    from mscdose.service.accounts import AccessRefused, accounts_enabled, sign

    with store_errors():
        accounts = accounts_enabled(store)
    if accounts:
        if signer is None:
            raise AccessRefused(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "This record store has user accounts: finalising needs the preparer's user id and "
                               "password (an electronic signature, meaning “prepared”).")), field="user")
        preparation = replace(preparation, prepared_by=signer.initials, checked_by="")
    preparation = check_texts(preparation)
    review_ = review_ or review(store, result, preparation)
    if review_.blocked:
        raise Blocked([problem.said for problem in review_.hard_items()] or list(review_.problems))
    if review_.problems:
        raise NotFinalisable([problem.said for problem in review_.items] or list(review_.problems))
    document = document_for(review_.result, preparation, review_.extra_flags)
    try:
        saved = store.save(document, supersedes=preparation.supersedes,
                           correction_reason=preparation.correction_reason,
                           infusion_limit=review_.result.protocol.infusions)
    except InfusionLimitReached as error:  # another workstation saved one first, inside the same lock
        log.warning("Record not saved (patient %s): infusion limit reached (%s)", preparation.patient_id, error)
        raise Blocked([said(QT_TRANSLATE_NOOP(
            "CoreMessage", "INFUSION_LIMIT_REACHED: {reason} (hard limit, cannot be overridden; a correction "
                           "supersedes the earlier record: mscdose correct RECORD_ID)"), reason=error)]) from None
    except StoreError as error:
        log.warning("Record not saved (patient %s): %s", preparation.patient_id, error)
        raise StoreUnavailable(error.said or str(error)) from None
    if accounts and signer is not None:
        sign(store, saved.id, signer, "prepared")
    log.info("Record %s saved (status %s, protocol %s %s, prepared by %s%s)", saved.id, saved.status,
             result.protocol.id, result.protocol.version, preparation.prepared_by or "-",
             f", correcting record {preparation.supersedes}" if preparation.supersedes else "")
    return saved
