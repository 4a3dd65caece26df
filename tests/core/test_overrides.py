"""Soft flags need a reason of a few words and initials; hard flags can never be overridden."""

from __future__ import annotations

from mscdose.core.overrides import Override, finalise_problems, finalising_flags, override_problem

from .helpers import calc


def test_reason_and_initials_rules() -> None:
    assert override_problem("weight confirmed on ward scale", "JS") is None
    assert "at least 3 words" in (override_problem("ok", "JS") or "")
    assert "at least 3 words" in (override_problem("checked", "JS") or "")
    assert "Initials" in (override_problem("weight confirmed on ward scale", "") or "")
    assert "Initials" in (override_problem("weight confirmed on ward scale", "J") or "")


def test_soft_flag_needs_an_override_to_finalise() -> None:
    r = calc(weight="28 kg")
    assert finalise_problems(r, []) == ["WEIGHT_UNUSUAL: needs an override with a reason and initials"]
    assert finalise_problems(r, [Override("WEIGHT_UNUSUAL", "ok", "JS")]) != []
    assert finalise_problems(r, [Override("WEIGHT_UNUSUAL", "paediatric patient weighed today", "JS")]) == []


def test_hard_flag_cannot_be_overridden() -> None:
    r = calc(viability="60", bags="3")
    problems = finalise_problems(r, [Override("VIABILITY_BELOW_MINIMUM", "the lot is all we have", "JS")])
    assert len(problems) == 1 and "cannot be overridden" in problems[0]


def test_finalising_flags() -> None:
    criteria = ["A", "B", "C"]
    flags = finalising_flags({"A": True, "B": None}, criteria, earlier_same_lot_today=1)
    assert [(f.code, f.severity) for f in flags] == [("ELIGIBILITY_UNCONFIRMED", "soft"),
                                                      ("REPEAT_INFUSION_SAME_LOT_DAY", "soft")]
    assert "2 of 3" in flags[0].message
    assert finalising_flags({c: True for c in criteria}, criteria) == []
    r = calc()
    assert finalise_problems(r, [], flags) == [
        "ELIGIBILITY_UNCONFIRMED: needs an override with a reason and initials",
        "REPEAT_INFUSION_SAME_LOT_DAY: needs an override with a reason and initials"]
