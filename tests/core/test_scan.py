"""Reading keyboard-wedge scans of ISBT 128 product labels (core/scan.py).

Check characters are worked by hand with ISO/IEC 7064 mod 37-2 as domain.md describes it. The weights 2^n
(n = 1 for the rightmost of the 13 characters) reduced mod 37 are, from the right:
2, 4, 8, 16, 32, 27, 17, 34, 31, 25, 13, 26, 15.

A999917123456, from the right 6 5 4 3 2 1 7 1 9 9 9 9 A(10):
12 + 20 + 32 + 48 + 64 + 27 + 119 + 34 + 279 + 225 + 117 + 234 + 150 = 1361; 1361 mod 37 = 29;
(38 - 29) mod 37 = 9 -> check character "9", flags 69.
Z549917123456, from the right 6 5 4 3 2 1 7 1 9 9 4 5 Z(35):
12 + 20 + 32 + 48 + 64 + 27 + 119 + 34 + 279 + 225 + 52 + 130 + 525 = 1567; 1567 mod 37 = 13;
(38 - 13) = 25 -> check character "P", flags 85.
G123498654321 -> 17, "H", flags 77 (domain.md).

Published examples: ICCBBA ST-012 (ISBT 128 and the Single European Code) section 6.2, "Data Matrix symbol 1"
(DIN Z5499 17 123456 with flags 00, blood group, product code T0416003, expiry &>0183652359 and the SEC);
ICCBBA ST-017 (Coding and Labeling of Medical Devices Containing MPHO) section 4.3.1, an unspecified-sequence
compound message with the DIN A9999 17 123456 and the expiry date =>019031 (31 January 2019); ST-001 Table 2
[RT003] for the identifiers (=> is the expiry date, =* the collection date).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mscdose.core.errors import InputError
from mscdose.core.scan import parse_scan, parse_scans

ST012_SYMBOL_1 = ("=+05000=Z54991712345600=%T300=<T0416003&>0183652359"
                  "&,4PL001499Z549917123456A00T041600320181231")
ST017_COMPOUND = "=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031"


def test_a_din_scan_with_its_check_in_the_flags_ending_with_enter() -> None:
    scan = parse_scan("=G12349865432177\r\n")
    assert scan.din is not None and scan.din.display == "G1234 98 654321 H"
    assert (scan.din_flags, scan.din_check_verified) == ("77", True)
    assert scan.text == "=G12349865432177"
    assert (scan.product_code, scan.expiry, scan.collected_at) == (None, None, None)


def test_the_published_st012_data_matrix_symbol() -> None:
    scan = parse_scan(ST012_SYMBOL_1)
    assert scan.din is not None and (scan.din.code, scan.din.check) == ("Z549917123456", "P")
    assert (scan.din_flags, scan.din_check_verified) == ("00", False)  # 00: the flags carry no check
    assert scan.product_code == "T0416003" and scan.product_description_code == "T0416"
    assert not scan.is_cellular_therapy  # T is tissue; S is cellular therapy
    assert (scan.expiry, scan.expiry_time_given) == (datetime(2018, 12, 31, 23, 59), True)
    assert [s.number for s in scan.structures] == ["023", "001", "002", "003", "005", "038"]
    assert [s.identifier for s in scan.others] == ["=+", "=%", "&,4"]


def test_the_published_st017_compound_message_with_an_expiry_date_and_no_time() -> None:
    scan = parse_scan(ST017_COMPOUND)
    assert scan.din is not None and scan.din.display == "A9999 17 123456 9"
    # =>cyyjjj: 2019, day 31 = 31 January; a date without a time means 23:59 of that day.
    assert (scan.expiry, scan.expiry_time_given) == (datetime(2019, 1, 31, 23, 59), False)


def test_concatenated_reads_of_separate_barcodes_and_several_lines() -> None:
    # Two linear barcodes read as one (no separator), then a third on a new line.
    scan = parse_scan("=A99991712345669=<S1234A00\n&>0243660000=*024001\n")
    assert scan.din is not None and scan.din.code == "A999917123456" and scan.din_check_verified
    assert scan.product_code == "S1234A00" and scan.is_cellular_therapy
    assert scan.product_description_code == "S1234"
    assert scan.expiry == datetime(2024, 12, 31, 0, 0)   # 2024 is a leap year: day 366 exists
    assert scan.collection_date == date(2024, 1, 1) and not scan.collection_time_given
    assert parse_scan("&*0240011230").collected_at == datetime(2024, 1, 1, 12, 30)


def test_hand_worked_check_in_flags() -> None:
    assert parse_scan("=Z54991712345685").din_check_verified
    assert parse_scan("=G12341765432170").din.check == "A"  # type: ignore[union-attr]


def test_the_same_structure_twice_is_harmless_and_an_aim_prefix_is_ignored() -> None:
    scan = parse_scan("]C0=G12349865432177 ]C0=G12349865432177")
    assert scan.din is not None and scan.din.code == "G123498654321"


def test_as_dict_marks_the_values_as_scanned() -> None:
    data = parse_scan("=G12349865432177=<S1234A00&>0243660000").as_dict()
    assert data["source"] == "scan" and data["din"] == "G1234 98 654321 H"
    assert data["product_code"] == "S1234A00" and data["expiry"] == "2024-12-31T00:00"
    assert data["structures"] == ["=G12349865432177", "=<S1234A00", "&>0243660000"]


@pytest.mark.parametrize(("text", "words"), [
    ("=G12349865432170", "fails its check (the flags should be 77)"),   # a bad check
    ("=G12349865432171", "fails its check"),
    ("=G1234986543", "cut short (11 of 15"),                           # a truncated DIN
    ("=G1234986543=<S1234A00", "cut short"),                          # cut short by the next structure
    ("=G123498654321", "cut short (13 of 15"),                         # flags missing
    ("=<S1234A0", "Product Code “=<S1234A0” is cut short"),
    ("&>01836523", "cut short (8 of 10"),
    ("=xABCDEFGH", "“=x” is not an ISBT 128 data identifier"),         # an unknown data identifier
    ("=g12349865432177", "Caps Lock"),
    ("&aLOCAL", "defined nationally or by a facility"),
    ("G12349865432177", "does not start an ISBT 128 data structure"),
    ("&>0183662359", "day 366 does not exist in 2018"),                # an impossible date
    ("&>0240012400", "24:00 is not a time of day"),
    ("=>023000", "day 000 does not exist"),
    ("=*023366", "day 366 does not exist in 2023"),
    ("=O12349865432177", "not an ISBT 128 data identifier"),           # O is never a facility letter
    ("=G12349865432177 =G12341765432170", "two different values of Donation Identification Number"),
    ("&>0243660000=>024365", "two different expiry dates"),
    ("=+05000=/A9997XYZ100T0479=A99991712345600=,000012=>019031", "says it holds 5 data structures but 4"),
    ("=<s1234A00", "not αooootds"),
    ("", "nothing was scanned"),
    ("\r\n", "nothing was scanned"),
])
def test_refused_with_the_reason(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_scan(text)
    error = caught.value
    assert error.field == "scan" and error.given == text
    assert words in error.message and "Accepted:" in error.message


def test_parse_scans_reads_each_bag() -> None:
    scans = parse_scans(["=G12349865432177", "=G12349865432177=<S1234A00"])
    assert [s.product_code for s in scans] == [None, "S1234A00"]
