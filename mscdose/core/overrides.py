"""Soft-flag overrides and the rule for when a calculation may be finalised.

Shared by the window, the worksheet and the record store so that the rule lives in one place: no hard
flag, and every soft flag overridden with a reason of a few words and the user's initials.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mscdose.core.engine import DoseResult
from mscdose.core.flags import Flag

MIN_REASON_WORDS = 3
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z.\-]{1,5}$")


@dataclass(frozen=True)
class Override:
    code: str
    reason: str
    initials: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason, "initials": self.initials}


def override_problem(reason: str, initials: str) -> str | None:
    """Why this reason/initials pair cannot be accepted, or None when it can."""
    if len(re.findall(r"[A-Za-z0-9]{2,}", reason or "")) < MIN_REASON_WORDS:
        return (f"Reason: give at least {MIN_REASON_WORDS} words saying why this is safe "
                "(e.g. 'weight confirmed on ward scale').")
    if not _INITIALS.match((initials or "").strip()):
        return "Initials: 2 to 6 letters (e.g. JS)."
    return None


def finalising_flags(
    eligibility: Mapping[str, bool | None] | None = None,
    criteria: Sequence[str] = (),
    earlier_same_lot_today: int = 0,
) -> list[Flag]:
    """Soft flags that only exist at finalising: an unconfirmed eligibility checklist, and a second
    infusion of the same lot for the same patient on the same day (from the record store)."""
    flags = []
    states = eligibility or {}
    unconfirmed = [c for c in criteria if states.get(c) is not True]
    if unconfirmed:
        flags.append(Flag.raise_("ELIGIBILITY_UNCONFIRMED", "eligibility",
                                 f"{len(unconfirmed)} of {len(criteria)} eligibility criteria are not confirmed: "
                                 + "; ".join(unconfirmed)))
    if earlier_same_lot_today:
        flags.append(Flag.raise_("REPEAT_INFUSION_SAME_LOT_DAY", "lot",
                                 f"This patient already has {earlier_same_lot_today} finalised infusion(s) of this "
                                 "lot today."))
    return flags


def finalise_problems(
    result: DoseResult,
    overrides: Sequence[Override],
    extra_flags: Sequence[Flag] = (),
) -> list[str]:
    """Everything standing between this calculation and a final worksheet (empty list: it may be finalised).

    `extra_flags` are the finalising flags (see `finalising_flags`)."""
    problems = [f"{flag.code}: {flag.message} (hard limit, cannot be overridden)" for flag in result.hard_flags]
    overridden = {o.code for o in overrides if override_problem(o.reason, o.initials) is None}
    soft = [*result.soft_flags, *(f for f in extra_flags if f.severity == "soft")]
    problems += [f"{flag.code}: needs an override with a reason and initials"
                 for flag in soft if flag.code not in overridden]
    return problems
