"""Soft-flag overrides and the rule for when a calculation may be finalised.

Shared by the window, the worksheet and the record store so that the rule lives in one place: no hard
flag, and every soft flag overridden with a real reason and the user's initials. A "reason" such as
"aa bb cc" or "yes yes yes" records nothing a reviewer can check, so it is refused (issue 11): a reason is
chosen from the protocol's standard reasons or written out in at least three words of three or more letters.

The reason rule itself is `core/reason_rule.py`, which the protocol loader (through `core/eligibility.py`) uses
to check a protocol's own standard reasons without loading this module (issue 18).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mscdose.core.flags import Flag
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, joined, said
from mscdose.core.reason_rule import reason_problem, valid_initials

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult

# Flags raised here that flags.CATALOGUE does not hold yet (to be merged by its owner).
ELIGIBILITY_HARD_UNMET = "ELIGIBILITY_HARD_UNMET"


@dataclass(frozen=True)
class Override:
    code: str
    reason: str
    initials: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason, "initials": self.initials}


def override_problem(reason: str, initials: str) -> str | None:
    """Why this reason/initials pair cannot be accepted, or None when it can. A protocol's standard
    reasons pass the same rule (the loader refuses a file whose standard reason does not)."""
    problem = reason_problem(reason)
    if problem:
        return problem
    if not valid_initials(initials):
        return "Initials: 2 to 6 letters (e.g. JS)."
    return None


def finalising_flags(
    eligibility: Mapping[str, bool | None] | None = None,
    criteria: Sequence[str] = (),
    earlier_same_lot_today: int = 0,
    *,
    hard_criteria: Collection[str] = frozenset(),
) -> list[Flag]:
    """Flags that only exist at finalising: the eligibility checklist, and a second infusion of the same lot
    for the same patient on the same day (from the record store).

    A criterion in `hard_criteria` (`Protocol.hard_criteria`) that is not confirmed (state None) or known
    unmet (False) raises the hard `ELIGIBILITY_HARD_UNMET`, which no override lifts; the other criteria
    raise the soft `ELIGIBILITY_UNCONFIRMED`."""
    flags = []
    states = eligibility or {}
    unconfirmed = [c for c in criteria if states.get(c) is not True]
    hard = [c for c in unconfirmed if c in hard_criteria]
    soft = [c for c in unconfirmed if c not in hard_criteria]
    if hard:
        not_met, not_confirmed = (QT_TRANSLATE_NOOP("CoreMessage", "{criterion} (not met)"),
                                  QT_TRANSLATE_NOOP("CoreMessage", "{criterion} (not confirmed)"))
        listed = [said(not_met if states.get(c) is False else not_confirmed, criterion=c) for c in hard]
        flags.append(Flag(code=ELIGIBILITY_HARD_UNMET, severity="hard", field="eligibility", message=said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "{count} hard eligibility criteria are not confirmed as met: "
                              "{criteria}. These cannot be overridden: confirm them, or this patient cannot "
                              "receive this protocol."), count=len(hard), criteria=joined(listed, "; "))))
    if soft:
        flags.append(Flag.raise_("ELIGIBILITY_UNCONFIRMED", "eligibility",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "{count} of {total} eligibility criteria "
                                                        "are not confirmed: {criteria}"),
                                      count=len(soft), total=len(criteria), criteria="; ".join(soft))))
    if earlier_same_lot_today:
        flags.append(Flag.raise_("REPEAT_INFUSION_SAME_LOT_DAY", "lot",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "This patient already has {count} finalised "
                                                        "infusion(s) of this lot today."),
                                      count=earlier_same_lot_today)))
    return flags


@dataclass(frozen=True)
class Problem:
    """One thing standing between a calculation and a final record: its words as a template (so a window can say
    it in its own language; `text` is the English the CLI prints and the tests read) and whether it is a hard
    limit, which no override lifts. `hard` is the structured answer: never found again by searching the English
    for "hard limit" (issue 16: the words may change, the decision must not)."""

    said: Message
    hard: bool = False

    @property
    def text(self) -> str:
        return self.said.text


def flag_said(flag: Flag) -> Message:
    """A flag's message as a template (its own when it was raised with one, else its English as it is)."""
    return flag.said or said("{text}", text=flag.message)


def finalise_review_problems(
    result: DoseResult,
    overrides: Sequence[Override],
    extra_flags: Sequence[Flag] = (),
) -> list[Problem]:
    """Everything standing between this calculation and a final worksheet (empty list: it may be finalised),
    hard limits first, each marked hard or not.

    `extra_flags` are the finalising flags (see `finalising_flags`); their hard flags block like the result's."""
    hard = [*result.hard_flags, *(f for f in extra_flags if f.severity == "hard")]
    problems = [Problem(said(QT_TRANSLATE_NOOP("CoreMessage", "{flag_code}: {message} (hard limit, cannot be "
                                                              "overridden)"),
                             flag_code=flag.code, message=flag_said(flag)), hard=True) for flag in hard]
    overridden = {o.code for o in overrides if override_problem(o.reason, o.initials) is None}
    soft = [*result.soft_flags, *(f for f in extra_flags if f.severity == "soft")]
    problems += [Problem(said(QT_TRANSLATE_NOOP("CoreMessage", "{flag_code}: needs an override with a reason and "
                                                               "initials"), flag_code=flag.code))
                 for flag in soft if flag.code not in overridden]
    return problems


def finalise_problems(
    result: DoseResult,
    overrides: Sequence[Override],
    extra_flags: Sequence[Flag] = (),
) -> list[str]:
    """The English texts of `finalise_review_problems` (the CLI's and the record's wording)."""
    return [problem.text for problem in finalise_review_problems(result, overrides, extra_flags)]
