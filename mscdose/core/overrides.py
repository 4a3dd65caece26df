"""Soft-flag overrides and the rule for when a calculation may be finalised.

Shared by the window, the worksheet and the record store so that the rule lives in one place: no hard
flag, and every soft flag overridden with a reason of a few words and the user's initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mscdose.core.engine import DoseResult

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


def finalise_problems(result: DoseResult, overrides: list[Override] | tuple[Override, ...]) -> list[str]:
    """Everything standing between this calculation and a final worksheet (empty list: it may be finalised)."""
    problems = [f"{flag.code}: {flag.message} (hard limit, cannot be overridden)" for flag in result.hard_flags]
    overridden = {o.code for o in overrides if override_problem(o.reason, o.initials) is None}
    problems += [f"{flag.code}: needs an override with a reason and initials"
                 for flag in result.soft_flags if flag.code not in overridden]
    return problems
