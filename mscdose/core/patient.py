"""The patient's second identifier and age (issue 19), and the order date.

Hospitals identify a patient by two identifiers, typically the record number and the date of birth. The
age used for eligibility is computed from the date of birth on the day of preparation; an age typed by hand
stays possible when the date of birth is unknown and is marked as typed. A typed age that disagrees with
the date of birth is a hard stop: one of them belongs to someone else or was mistyped.

Dates are accepted only as year-month-day with ASCII digits (1990-04-03): 03/04/1990 is read as March
in one country and April in another, and a wrong date of birth is a wrong patient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mscdose.core.errors import InputError
from mscdose.core.flags import Flag
from mscdose.core.messages import QT_TRANSLATE_NOOP, said

MAX_AGE_YEARS = 130
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NAMES = {"date_of_birth": QT_TRANSLATE_NOOP("CoreMessage", "Date of birth"),
          "order_date": QT_TRANSLATE_NOOP("CoreMessage", "Order date")}


def parse_date(field: str, text: str, today: date | None = None) -> date:
    """A year-month-day date, not after `today` and at most 130 years before it; else InputError naming
    the field, what was given and what is accepted."""
    today = today or date.today()
    given = str(text)
    accepted = said(QT_TRANSLATE_NOOP("CoreMessage", "Accepted: a date written year-month-day, such as "
                                                     "{year}-04-03, not in the future and at most {years} years ago."),
                    year=today.year - 40, years=MAX_AGE_YEARS)
    name = said(_NAMES[field]) if field in _NAMES else field
    match = _ISO_DATE.fullmatch(given.strip())
    if match is None:
        raise InputError(field, given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "{label}: “{typed}” is not a date written year-month-day. {accepted}"),
            label=name, typed=given.strip(), accepted=accepted))
    try:
        value = date(*(int(part) for part in match.groups()))
    except ValueError:
        raise InputError(field, given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "{label}: “{typed}” is not a date in the calendar. {accepted}"),
            label=name, typed=given.strip(), accepted=accepted)) from None
    if value > today or age_on(value, today) > MAX_AGE_YEARS:
        raise InputError(field, given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "{label}: “{typed}” is out of range. {accepted}"),
            label=name, typed=given.strip(), accepted=accepted))
    return value


def parse_date_of_birth(text: str, today: date | None = None) -> date:
    return parse_date("date_of_birth", text, today)


def age_on(date_of_birth: date, day: date) -> int:
    """Completed years on `day` (a person born on 29 February turns a year older on 1 March)."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


@dataclass(frozen=True)
class PatientAge:
    years: Decimal | None  # the age used for eligibility
    source: str  # "date_of_birth", "typed" or "" (neither entered)
    flags: tuple[Flag, ...] = ()


def patient_age(date_of_birth: date | None, typed_age: Decimal | None, day: date) -> PatientAge:
    """The age used on the day of preparation, where it came from, and AGE_DOB_MISMATCH (hard) when a
    typed age is not the completed years the date of birth gives (60 or 60.9 agree with 60 years)."""
    if date_of_birth is None:
        return PatientAge(typed_age, "typed" if typed_age is not None else "")
    if date_of_birth > day:
        return PatientAge(None, "date_of_birth", (Flag.raise_(
            "AGE_DOB_MISMATCH", "date_of_birth",
            said(QT_TRANSLATE_NOOP("CoreMessage", "The date of birth {birth} is after the day of preparation "
                                   "{day}: check the patient's identity and the entry."),
                 birth=date_of_birth.isoformat(), day=day.isoformat())),))
    years = Decimal(age_on(date_of_birth, day))
    if typed_age is not None and not years <= typed_age < years + 1:
        return PatientAge(years, "date_of_birth", (Flag.raise_(
            "AGE_DOB_MISMATCH", "age",
            said(QT_TRANSLATE_NOOP("CoreMessage", "The age typed, {age} years, disagrees with the date of birth "
                                   "{birth}, which gives {years} years on {day}: check the patient's identity and "
                                   "both entries."),
                 age=f"{typed_age.normalize():f}", birth=date_of_birth.isoformat(), years=years,
                 day=day.isoformat())),))
    return PatientAge(years, "date_of_birth")
