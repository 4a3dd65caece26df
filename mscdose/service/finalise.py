"""Finalising a calculation: the one place that decides whether it may become a record, and saves it.

Before this module the window and `mscdose worksheet` each had a copy of these rules and the copies had begun
to disagree. Now both ask `review` what stands in the way (the finalising flags, the soft flags still
without an override, the hard limits) and call `finalise` to save. The record store refuses on its own
anything that slipped through, so a caller that skips `review` still cannot save a blocked calculation.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mscdose.service.errors import Blocked, InvalidInput, NotFinalisable
from mscdose.service.records import store_errors

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override
    from mscdose.records.store import RecordStore, SavedRecord

log = logging.getLogger(__name__)

PATIENT_ID_MISSING = ("Patient ID: nothing was entered. Accepted: the patient's hospital or trial number "
                      "as printed on the wristband, e.g. AA-014.")


@dataclass(frozen=True)
class Preparation:
    """What the person adds to a calculation to make it a record: who it is for, who prepared and checked
    it, the lot, the overrides of soft flags and the eligibility checklist (criterion text -> state)."""

    patient_id: str
    patient_name: str = ""
    prepared_by: str = ""
    checked_by: str = ""
    lot_number: str = ""
    overrides: tuple[Override, ...] = ()
    eligibility: Mapping[str, bool | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Review:
    """What stands between a calculation and a final record. `extra_flags` are the finalising flags (they
    join the document); `pending` are the soft flags (calculation and finalising) not yet overridden;
    `problems` the readable list of everything in the way (empty: it may be finalised)."""

    extra_flags: tuple[Flag, ...]
    soft: tuple[Flag, ...]
    pending: tuple[Flag, ...]
    problems: tuple[str, ...]
    blocked: bool


def finalising_flags(store: RecordStore | None, result: DoseResult, preparation: Preparation) -> list[Flag]:
    """The flags that only exist at finalising: eligibility not confirmed, and the same lot (or DIN) already
    given to this patient today (read from the store; without a store, as for a preview, none)."""
    from mscdose.core.overrides import finalising_flags as core_finalising_flags

    earlier = 0
    if store is not None and preparation.patient_id.strip():
        from mscdose.records.same_lot import same_day_same_lot

        din = result.request.din.display if result.request.din else ""
        with store_errors():
            found = {r.id for key in (preparation.lot_number, din) if key.strip()
                     for r in same_day_same_lot(store, preparation.patient_id, key)}
        earlier = len(found)
    criteria = [*result.protocol.inclusion, *result.protocol.exclusion]
    return core_finalising_flags(preparation.eligibility, criteria, earlier)


def active_overrides(overrides: Sequence[Override], flags: Sequence[Flag]) -> list[Override]:
    """The overrides that answer one of these soft flags with an acceptable reason and initials."""
    from mscdose.core.overrides import override_problem

    soft = {f.code for f in flags if f.severity == "soft"}
    return [o for o in overrides if o.code in soft and override_problem(o.reason, o.initials) is None]


def review(store: RecordStore | None, result: DoseResult, preparation: Preparation) -> Review:
    """Everything standing between this calculation and a final record, for the window to ask about and the
    command line to report."""
    from mscdose.core.overrides import finalise_problems

    extra = finalising_flags(store, result, preparation)
    soft = [*result.soft_flags, *(f for f in extra if f.severity == "soft")]
    answered = {o.code for o in active_overrides(preparation.overrides, soft)}
    problems = finalise_problems(result, list(preparation.overrides), extra)
    if not preparation.patient_id.strip():
        problems.insert(0, PATIENT_ID_MISSING)
    return Review(tuple(extra), tuple(soft), tuple(f for f in soft if f.code not in answered), tuple(problems),
                  bool(result.hard_flags))


def check_overrides(preparation: Preparation, review_: Review) -> None:
    """Refuse an override whose reason or initials are not acceptable, or that answers no soft flag of this
    calculation (InvalidInput naming it), rather than keep it silently."""
    from mscdose.core.overrides import override_problem

    soft = {f.code for f in review_.soft}
    for override in preparation.overrides:
        problem = override_problem(override.reason, override.initials)
        if problem:
            field_name = "prepared_by" if problem.startswith("Initials") else "override"
            raise InvalidInput(f"override {override.code}: {problem}", field=field_name, given=override.code)
        if override.code not in soft:
            raise InvalidInput(f"override {override.code}: this calculation has no such soft flag. Soft flags to "
                               f"override: {', '.join(sorted(soft)) or 'none'}.", field="override",
                               given=override.code)


def document_for(result: DoseResult, preparation: Preparation, extra_flags: Sequence[Flag] = ()) -> dict[str, Any]:
    """The calculation document as the store keeps it and the worksheet prints it."""
    from mscdose.core.document import record_document

    soft = [*result.soft_flags, *extra_flags]
    return record_document(
        result, patient_id=preparation.patient_id.strip(), patient_name=preparation.patient_name.strip(),
        prepared_by=preparation.prepared_by.strip(), checked_by=preparation.checked_by.strip(),
        lot_number=preparation.lot_number.strip(), overrides=active_overrides(preparation.overrides, soft),
        eligibility=dict(preparation.eligibility), extra_flags=extra_flags)


def draft_document(result: DoseResult, preparation: Preparation) -> dict[str, Any]:
    """A document for a preview (never saved): the calculation as it stands, without the store's checks."""
    return document_for(result, preparation, finalising_flags(None, result, preparation))


def finalise(store: RecordStore, result: DoseResult, preparation: Preparation,
             review_: Review | None = None) -> SavedRecord:
    """Save the calculation as a record, or refuse: Blocked (a hard limit), NotFinalisable (a soft flag
    without an override, no patient id), StoreUnavailable. The record is on disk when this returns."""
    review_ = review_ or review(store, result, preparation)
    if review_.blocked:
        raise Blocked([p for p in review_.problems if "hard limit" in p])
    if review_.problems:
        raise NotFinalisable(list(review_.problems))
    document = document_for(result, preparation, review_.extra_flags)
    try:
        with store_errors():
            saved = store.save(document)
    except Exception as error:
        log.warning("Record not saved (patient %s): %s", preparation.patient_id, error)
        raise
    log.info("Record %s saved (status %s, protocol %s %s, prepared by %s)", saved.id, saved.status,
             result.protocol.id, result.protocol.version, preparation.prepared_by or "-")
    return saved
