"""Eligibility criteria with a severity from the protocol file, and per-criterion confirmation (issue 11).

NCT03055078 lists 8 inclusion (I1-I8) and 7 exclusion (E1-E7) criteria; I2 (age 14 to 60 years, decided by
the age field) and I7 (written informed consent) are hard: no override makes such a patient eligible.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from mscdose.core.eligibility import confirmation_states, criterion_ids
from mscdose.core.errors import InputError, ProtocolError
from mscdose.core.overrides import Override, finalise_problems, finalising_flags
from mscdose.core.paths import resource
from mscdose.core.protocol import load_protocol, parse_protocol

from .helpers import calc, protocol_file

SHIPPED = resource("protocols", "nct03055078.toml").read_bytes().decode()
AGE = "Age 14 to 60 years"
CONSENT = "Written informed consent"


def _flags(states: dict[str, bool | None]) -> list[tuple[str, str]]:
    p = load_protocol()
    flags = finalising_flags(states, [*p.inclusion, *p.exclusion], hard_criteria=p.hard_criteria)
    return [(f.code, f.severity) for f in flags]


def test_shipped_protocol_marks_consent_and_age_hard_and_keeps_texts() -> None:
    p = load_protocol()
    assert p.hard_criteria == {AGE, CONSENT} and p.age_criteria == {AGE}
    assert len(p.inclusion) == 8 and len(p.exclusion) == 7
    assert all(isinstance(text, str) for text in (*p.inclusion, *p.exclusion))
    ids = criterion_ids(p)
    assert (ids["I2"], ids["I7"], ids["E7"]) == (AGE, CONSENT, p.exclusion[6])
    assert len(p.override_reasons) == 4


def test_plain_protocols_have_no_hard_criteria() -> None:
    assert protocol_file("stemirac_like.toml").hard_criteria == frozenset()


def test_unconfirmed_consent_is_hard_and_cannot_be_overridden() -> None:
    p = load_protocol()
    states = {text: True for text in (*p.inclusion, *p.exclusion)} | {CONSENT: None}
    flags = finalising_flags(states, [*p.inclusion, *p.exclusion], hard_criteria=p.hard_criteria)
    assert [(f.code, f.severity) for f in flags] == [("ELIGIBILITY_HARD_UNMET", "hard")]
    assert "Written informed consent (not confirmed)" in flags[0].message
    override = Override("ELIGIBILITY_HARD_UNMET", "principal investigator approved in writing", "JS")
    problems = finalise_problems(calc(), [override], flags)
    assert len(problems) == 1 and "cannot be overridden" in problems[0]


def test_soft_criteria_stay_soft_and_mixed_states_raise_both() -> None:
    p = load_protocol()
    states = {text: True for text in (*p.inclusion, *p.exclusion)} | {AGE: False, p.exclusion[0]: None}
    assert _flags(states) == [("ELIGIBILITY_HARD_UNMET", "hard"), ("ELIGIBILITY_UNCONFIRMED", "soft")]
    assert _flags({text: True for text in (*p.inclusion, *p.exclusion)}) == []


def test_confirm_all_needs_initials() -> None:
    p = load_protocol()
    for initials in (None, "", "J", "12"):
        with pytest.raises(InputError) as caught:
            confirmation_states(p, ["all"], initials)
        assert caught.value.field == "confirmed_by" and "--confirmed-by" in caught.value.message
    states = confirmation_states(p, ["ALL"], "JS", age_years=D(30))
    assert set(states.values()) == {True} and len(states) == 15


def test_confirm_all_with_the_age_outside_leaves_the_age_criterion_unmet() -> None:
    p = load_protocol()
    states = confirmation_states(p, ["all"], "JS", age_years=D(70))
    assert states[AGE] is False and _flags(states) == [("ELIGIBILITY_HARD_UNMET", "hard")]


def test_confirm_by_number_or_exact_text() -> None:
    p = load_protocol()
    states = confirmation_states(p, ["I1", "i3, e2", " written informed consent ", p.exclusion[6]], age_years=D(30))
    confirmed = {text for text, state in states.items() if state is True}
    assert confirmed == {p.inclusion[0], p.inclusion[2], p.exclusion[1], CONSENT, p.exclusion[6], AGE}
    assert states[p.inclusion[3]] is None
    # without an age, the age criterion is confirmed by hand only
    assert confirmation_states(p, [])[AGE] is None
    assert confirmation_states(p, ["I2"])[AGE] is True


@pytest.mark.parametrize("given", ["I9", "E8", "X1", "I0", "consent", "I1 and I2", ""])
def test_unknown_criteria_are_refused(given: str) -> None:
    with pytest.raises(InputError) as caught:
        confirmation_states(load_protocol(), [given])
    assert caught.value.field == "confirm" and "I1 to I8, E1 to E7" in caught.value.message


def test_confirming_the_age_criterion_against_the_age_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        confirmation_states(load_protocol(), ["I2"], age_years=D(70))
    assert caught.value.field == "confirm" and "70 years" in caught.value.message


@pytest.mark.parametrize(
    ("old", "new", "words"),
    # issue 16: the shipped file carries text_zh beside each criterion (the fixtures follow its wording)
    [('书面知情同意书", severity = "hard" }', '书面知情同意书", severity = "maybe" }',
      "key 'eligibility.inclusion[6].severity': must be 'hard' or 'soft'"),
     ('书面知情同意书", severity = "hard" }', '书面知情同意书", level = "hard" }',
      "key 'eligibility.inclusion[6].level': unknown key"),
     ('{ text = "Written informed consent", text_zh = "已签署书面知情同意书", severity = "hard" }',
      '{ severity = "hard" }', "key 'eligibility.inclusion[6].text': must be non-empty text"),
     ('severity = "hard", field = "age"', 'severity = "hard", field = "weight"',
      "key 'eligibility.inclusion[1].field': must be one of age"),
     ('{ text = "Allergic constitution", text_zh = "过敏体质" },',
      '{ text = "Allergic constitution", text_zh = "过敏体质" },\n    "allergic constitution",',
      "key 'eligibility.exclusion[4]': repeats the criterion"),
     ('"Principal investigator approved in writing",', '"ok ok ok",',
      "key 'override_reasons': 'ok ok ok' is not a reason"),
     ]
)
def test_bad_criteria_and_reasons_name_file_and_key(old: str, new: str, words: str) -> None:
    assert old in SHIPPED
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(SHIPPED.replace(old, new, 1).encode(), "site.toml")
    assert str(caught.value).startswith("Protocol file site.toml: ") and words in str(caught.value)
