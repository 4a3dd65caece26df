"""Two patient identifiers (issue 19): date of birth, the age computed from it, a typed age that disagrees."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mscdose.core.errors import InputError
from mscdose.core.patient import age_on, parse_date_of_birth, patient_age
from mscdose.core.request import read_request

from .helpers import WORKED, calc, codes

NOW = "2026-11-25T10:00:00+00:00"  # the day of preparation in these tests


@pytest.mark.parametrize(
    ("born", "day", "years"),
    [("1996-11-25", "2026-11-25", 30), ("1996-11-26", "2026-11-25", 29),  # birthday tomorrow: still 29
     ("2000-02-29", "2026-02-28", 25), ("2000-02-29", "2026-03-01", 26), ("2026-11-25", "2026-11-25", 0)],
)
def test_age_in_completed_years(born: str, day: str, years: int) -> None:
    assert age_on(date.fromisoformat(born), date.fromisoformat(day)) == years


@pytest.mark.parametrize(
    ("text", "words"),
    [("03/04/1990", "is not a date written year-month-day"), ("1990-02-30", "is not a date in the calendar"),
     ("２０００-01-01", "is not a date written year-month-day"), ("2026-11-27", "out of range"),
     ("1880-01-01", "out of range"), ("1990-4-3", "year-month-day")],
)
def test_a_date_of_birth_is_year_month_day_or_refused(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date_of_birth(text, today=date(2026, 11, 26))
    assert caught.value.field == "date_of_birth"
    assert words in caught.value.message and caught.value.message.startswith("Date of birth:")


def test_read_request_takes_the_date_of_birth() -> None:
    request, errors = read_request({**WORKED, "date_of_birth": " 1996-11-25 "})
    assert not errors and request is not None and request.date_of_birth == date(1996, 11, 25)
    _, errors = read_request({**WORKED, "date_of_birth": "25/11/1996"})
    assert list(errors) == ["date_of_birth"]


def test_age_is_computed_from_the_date_of_birth_on_the_day_of_preparation() -> None:
    # born 1996-11-26, prepared 2026-11-25: 29 years (30 tomorrow); no age typed
    r = calc(age=None, date_of_birth="1996-11-26", now=NOW)
    assert (r.age_years, r.age_source) == (29, "date_of_birth")
    assert r.status == "ok" and "AGE_NOT_ENTERED" not in codes(r)


def test_a_typed_age_that_disagrees_with_the_date_of_birth_is_a_hard_stop() -> None:
    r = calc(age="30", date_of_birth="1996-11-26", now=NOW)  # the date of birth gives 29
    assert codes(r, "hard") == {"AGE_DOB_MISMATCH"}
    assert "30 years, disagrees with the date of birth 1996-11-26, which gives 29 years on 2026-11-25" in (
        r.hard_flags[0].message)
    assert calc(age="29", date_of_birth="1996-11-26", now=NOW).status == "ok"


def test_eligibility_uses_the_age_from_the_date_of_birth() -> None:
    # born 2013-01-01: 13 on 2026-11-25, below the protocol's 14
    r = calc(age=None, date_of_birth="2013-01-01", now=NOW)
    assert codes(r, "hard") == {"AGE_OUTSIDE_ELIGIBILITY"}  # a hard inclusion criterion of this trial


def test_a_typed_age_without_date_of_birth_is_marked_typed() -> None:
    r = calc(age="30")
    assert (r.age_years, r.age_source) == (30, "typed")
    assert (calc(age=None).age_years, calc(age=None).age_source) == (None, "")


@pytest.mark.parametrize(("typed", "agrees"), [("60", True), ("60.9", True), ("61", False), ("59.9", False)])
def test_typed_age_agrees_within_the_completed_year(typed: str, agrees: bool) -> None:
    result = patient_age(date(1966, 1, 1), D(typed), date(2026, 11, 25))  # 60 completed years
    assert (not result.flags) is agrees


def test_a_date_of_birth_after_the_day_of_preparation_is_a_hard_stop() -> None:
    result = patient_age(date(2026, 12, 1), None, date(2026, 11, 25))
    assert [f.code for f in result.flags] == ["AGE_DOB_MISMATCH"]
