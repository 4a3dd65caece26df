"""ISBT 128 checks for cellular therapy labels: the donation identification number (DIN) and its
ISO/IEC 7064 mod 37-2 check character, product code format and expiry date.

Only formats are validated. Product descriptions are ICCBBA's licensed database and are never shipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from mscdose.core.errors import InputError
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
_DIN = re.compile(r"^[A-NP-Z1-9][0-9]{4}[0-9]{2}[0-9]{6}$")
_ACCEPTED = QT_TRANSLATE_NOOP(
    "CoreMessage", "13 characters and the check character (G1234 98 654321 H), or the barcode data (=G12349865432177)"
)


def checksum(din13: str) -> int:
    """ISO/IEC 7064 mod 37-2 over the 13 characters: weights 2^n with n counted from the right from 1."""
    total = sum(_ALPHABET.index(char) * 2 ** (len(din13) - i) for i, char in enumerate(din13))
    return (38 - total % 37) % 37


def check_character(din13: str) -> str:
    return _ALPHABET[checksum(din13)]


@dataclass(frozen=True)
class Din:
    """A checked donation identification number."""

    facility: str
    year: str
    sequence: str
    check: str

    @property
    def code(self) -> str:
        return f"{self.facility}{self.year}{self.sequence}"

    @property
    def display(self) -> str:
        """As printed under the barcode, with the check character boxed by spaces."""
        return f"{self.facility} {self.year} {self.sequence} {self.check}"

    @property
    def flags(self) -> str:
        return f"{checksum(self.code) + 60:02d}"


def _bad(given: str, problem: Message) -> InputError:
    return InputError("din", given, said(  # type: ignore[arg-type]
        QT_TRANSLATE_NOOP("CoreMessage", "Donation identification number: {problem} Accepted: {accepted}."),
        problem=problem, accepted=said(_ACCEPTED)))


def parse_din(text: str) -> Din:
    """Read a DIN typed by hand (with its check character) or scanned (`=` + 13 characters + 2 flags)."""
    from mscdose.core.text import character_problem, shown

    given = "" if text is None else str(text)
    problem = character_problem(given[:200])
    if problem:  # a hidden or full-width character is refused, never dropped or echoed raw
        raise _bad(given, problem)
    compact = re.sub(r"\s+", "", given).upper()
    if len(compact) > 40:
        raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” is far too long for a DIN."),
                               typed=shown(given)))
    if not compact:
        raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "nothing was entered.")))
    if compact.startswith("="):
        body = compact[1:]
        if len(body) != 15 or not body[13:].isdigit():
            raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” is not barcode data of 13 characters "
                                                                    "and 2 flag digits."), typed=shown(given.strip())))
        code, flags = body[:13], int(body[13:])
        _check_format(given, code)
        if flags != checksum(code) + 60:
            raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the flag characters {flags} do not match {code} "
                                                    "(expected {expected}): check the scan or the typing."),
                                   flags=body[13:], code=code, expected=checksum(code) + 60))
        return Din(code[:5], code[5:7], code[7:], check_character(code))
    if len(compact) != 14:
        raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” has {count} characters; 13 and a check "
                                                                "character (14 in all) are needed."),
                               typed=shown(given.strip()), count=len(compact)))
    code, check = compact[:13], compact[13]
    _check_format(given, code)
    expected = check_character(code)
    if check != expected:
        raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the check character {check} does not match {code} "
                                                                "(expected {expected}): there is a typing error in "
                                                                "the number."),
                               check=check, code=code, expected=expected))
    return Din(code[:5], code[5:7], code[7:], check)


def _check_format(given: str, code: str) -> None:
    if not _DIN.match(code):
        raise _bad(given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{code}” is not a DIN: a facility code (a letter "
                                                                "other than O, or 1-9, then 4 digits), 2 digits of "
                                                                "year and 6 digits of sequence."), code=code))


_PRODUCT = re.compile(r"^S\d{4}$")


def is_cellular_therapy_product_code(code: str) -> bool:
    """Format only: `S` and four digits (the description is in ICCBBA's licensed database)."""
    return bool(_PRODUCT.match(code.strip().upper()))


_ORDINAL_DATE = re.compile(r"^(\d)(\d{2})(\d{3})(?:(\d{2})(\d{2}))?$")


def ordinal_datetime(content: str) -> tuple[datetime, bool]:
    """ISBT 128 date content `cyyjjj` or `cyyjjjhhmm` -> (local wall-clock time, whether a time was given).

    c is the century (0 = 2000-2099), yy the year in it, jjj the day of the year, hhmm the time from 0000
    to 2359. A date without a time means the end of that day, 23:59 (ST-001 2.4.5). Raises ValueError
    with the reason for a day that the year does not have (366 in a non-leap year, 000) or a time that is
    not on a clock (24:00, 12:60).
    """
    match = _ORDINAL_DATE.match(content)
    if not match:
        raise ValueError(f"“{content}” is not a date cyyjjj or a date and time cyyjjjhhmm (digits only)")
    c, yy, jjj, hh, mm = match.groups()
    year = 2000 + 100 * int(c) + int(yy)
    day = int(jjj)
    days_in_year = 366 if calendar.isleap(year) else 365
    if not 1 <= day <= days_in_year:
        raise ValueError(f"day {jjj} does not exist in {year} ({year} has {days_in_year} days)")
    start = datetime(year, 1, 1) + timedelta(days=day - 1)
    if hh is None:
        return start.replace(hour=23, minute=59), False
    if int(hh) > 23 or int(mm) > 59:
        raise ValueError(f"{hh}:{mm} is not a time of day (00:00 to 23:59)")
    return start.replace(hour=int(hh), minute=int(mm)), True


def parse_expiry(data: str) -> datetime:
    """Expiry `&>cyyjjjhhmm`: year and day of year, then time (`&>0183652359` is 2018-12-31 23:59)."""
    text = data.strip()
    if not (text.startswith("&>") and len(text) == 12):
        raise ValueError(f"“{data}” is not ISBT 128 expiry data (&>cyyjjjhhmm)")
    try:
        return ordinal_datetime(text[2:])[0]
    except ValueError as error:
        raise ValueError(f"“{data}”: {error}") from None
