"""ISBT 128 DIN check characters (ISO/IEC 7064 mod 37-2), against the worked values in domain.md."""

from __future__ import annotations

from datetime import datetime

import pytest

from mscdose.core.errors import InputError
from mscdose.core.isbt128 import (
    check_character,
    checksum,
    is_cellular_therapy_product_code,
    ordinal_datetime,
    parse_din,
    parse_expiry,
)


def test_domain_examples() -> None:
    assert (checksum("G123498654321"), check_character("G123498654321")) == (17, "H")
    assert (checksum("G123417654321"), check_character("G123417654321")) == (10, "A")


@pytest.mark.parametrize("text", ["G1234 98 654321 H", "G123498654321H", "g1234 98 654321 h", "=G12349865432177"])
def test_accepted_forms(text: str) -> None:
    din = parse_din(text)
    assert din.code == "G123498654321" and din.check == "H" and din.flags == "77"
    assert din.display == "G1234 98 654321 H"


@pytest.mark.parametrize(
    ("text", "words"),
    [("G1234 98 654321 A", "check character A does not match"),  # a typo must not reach a worksheet
     ("G1234 98 654322 H", "does not match"),
     ("=G12349865432170", "flag characters 70 do not match"),
     ("O1234 98 654321 H", "is not a DIN"),
     ("G1234 98 65432", "14 in all"),
     ("", "nothing was entered")],
)
def test_refused(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_din(text)
    assert caught.value.field == "din" and words in caught.value.message and "Accepted:" in caught.value.message


def test_product_code_format_only() -> None:
    assert is_cellular_therapy_product_code("S1234")
    assert not is_cellular_therapy_product_code("E1234")
    assert not is_cellular_therapy_product_code("S123")


def test_expiry() -> None:
    assert parse_expiry("&>0183652359") == datetime(2018, 12, 31, 23, 59)
    with pytest.raises(ValueError):
        parse_expiry("&>0183662359")  # day 366 of 2018 does not exist


def test_expiry_reads_the_century_digit() -> None:
    # c is the century: 0 = 2000-2099, 1 = 2100-2199 (the old reader ignored it and said 2018 for both).
    assert parse_expiry("&>1183652359") == datetime(2118, 12, 31, 23, 59)


@pytest.mark.parametrize(("content", "expected"), [
    ("024060", (datetime(2024, 2, 29, 23, 59), False)),  # 2024 is a leap year: day 60 is 29 February
    ("023060", (datetime(2023, 3, 1, 23, 59), False)),   # 2023 is not: day 60 is 1 March
    ("0243660000", (datetime(2024, 12, 31, 0, 0), True)),
])
def test_ordinal_dates(content: str, expected: tuple[datetime, bool]) -> None:
    assert ordinal_datetime(content) == expected


@pytest.mark.parametrize(("content", "words"), [("023366", "day 366 does not exist in 2023"),
                                                 ("024000", "day 000"), ("0240012400", "24:00 is not a time"),
                                                 ("0240011260", "12:60"), ("02401", "not a date")])
def test_impossible_ordinal_dates(content: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        ordinal_datetime(content)
