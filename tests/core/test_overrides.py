"""Soft flags need a reason of a few words and initials; hard flags can never be overridden."""

from __future__ import annotations

import pytest

from mscdose.core.overrides import Override, finalise_problems, finalising_flags, override_problem
from mscdose.core.protocol import load_protocol

from .helpers import calc


def test_reason_and_initials_rules() -> None:
    assert override_problem("weight confirmed on ward scale", "JS") is None
    assert "at least 3 words" in (override_problem("ok", "JS") or "")
    assert "at least 3 words" in (override_problem("checked", "JS") or "")
    assert "Initials" in (override_problem("weight confirmed on ward scale", "") or "")
    assert "Initials" in (override_problem("weight confirmed on ward scale", "J") or "")


@pytest.mark.parametrize("reason", [
    "aa bb cc",  # words of two letters (issue 11)
    "yes yes yes",  # three words, all the same
    "YES yes Yes",  # the same word in other cases
    "aaa bbb ccc",  # one letter repeated is not a word
    "ok 123 456 789",  # numbers are not words
    "checked checked ok",  # two words of three letters or more, and the same one
    "dose confirmed by PI",  # two words of three letters or more
    "no, no, no, fine",
])
def test_reasons_that_record_nothing_are_refused(reason: str) -> None:
    assert "at least 3 words of 3 or more letters" in (override_problem(reason, "JS") or "")


@pytest.mark.parametrize("reason", ["checked checked again", "dose confirmed by the PI", "Gewicht geprüft heute",
                                    "体重 weight confirmed today"])
def test_written_reasons_of_three_real_words_are_accepted(reason: str) -> None:
    assert override_problem(reason, "JS") is None


def test_standard_reasons_of_the_protocol_are_accepted() -> None:
    reasons = load_protocol().override_reasons
    assert reasons and all(override_problem(reason, "JS") is None for reason in reasons)


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


def test_hard_criteria_raise_a_hard_finalising_flag_that_blocks() -> None:
    criteria = ["A", "B", "C"]
    flags = finalising_flags({"A": True, "B": False}, criteria, hard_criteria={"B"})
    assert [(f.code, f.severity) for f in flags] == [("ELIGIBILITY_HARD_UNMET", "hard"),
                                                      ("ELIGIBILITY_UNCONFIRMED", "soft")]
    assert "B (not met)" in flags[0].message and "1 of 3" in flags[1].message
    problems = finalise_problems(calc(), [Override("ELIGIBILITY_HARD_UNMET", "approved by the investigator", "JS"),
                                          Override("ELIGIBILITY_UNCONFIRMED", "criterion checked in clinic", "JS")],
                                 flags)
    assert len(problems) == 1 and problems[0].startswith("ELIGIBILITY_HARD_UNMET:")
    assert "cannot be overridden" in problems[0]


def test_a_reason_written_in_chinese_counts_its_characters() -> None:
    """Issue 16: Chinese has no spaces, so "3 words" refused every Chinese reason."""
    from mscdose.core.overrides import reason_problem

    assert reason_problem("今日已用病房体重秤核实体重") is None  # 13 characters: weight confirmed on the ward scale
    assert reason_problem("体重核实") is not None  # 4 characters: too short to say why
    assert reason_problem("好好好好好好好") is not None  # one character repeated says nothing


def test_an_ascii_reason_is_judged_without_compiling_the_ideograph_class() -> None:
    """Issue 18: the CJK class takes about 3 ms to compile, and every protocol read checks its standard
    reasons (English); ASCII text has no ideograph, so only a text that is not ASCII compiles it."""
    from mscdose.core import reason_rule

    reason_rule._han.cache_clear()
    assert reason_rule.reason_problem("Weight confirmed on ward scale") is None
    assert reason_rule.reason_problem("ok ok") is not None
    assert reason_rule._han.cache_info().currsize == 0
    assert reason_rule.reason_problem("今日已用病房体重秤核实体重") is None  # issue 16: a Chinese reason
    assert reason_rule._han.cache_info().currsize == 1
