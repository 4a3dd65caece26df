"""ISMP display rules: leading zero, no trailing zero, cells in words, never e notation."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

import pytest

from mscdose.core import display as show


@pytest.mark.parametrize(
    ("value", "text"),
    [(D("0.5"), "0.5 mL"), (D(".5"), "0.5 mL"), (D("5.0"), "5 mL"), (D("5.000"), "5 mL"), (D("1E+2"), "100 mL"),
     (D("32.608695652"), "32.6087 mL"), (D("0.00004"), "0 mL"), (D("12.30"), "12.3 mL")],
)
def test_volumes(value: D, text: str) -> None:
    assert show.ml(value) == text


def test_cells_are_written_in_millions_with_the_word() -> None:
    assert show.cells(D("1.4996E+8")) == "149.96 million cells"
    assert show.cells(D("150000000")) == "150 million cells"
    assert show.cells(D("1.5e9")) == "1,500 million cells"
    assert show.cells(D("5e5")) == "0.5 million cells"
    assert show.cells_per_kg(D("149.96e6") / 62) == "2.419 million cells/kg"
    assert show.concentration(D("4.6e6")) == "4.6 million cells/mL"


def test_never_e_notation() -> None:
    for value in (D("1e-7"), D("1e20"), D("1.23456789e12")):
        for text in (show.plain(value), show.cells(value), show.ml(value)):
            assert "e" not in text.lower().replace("million", "").replace("cells", "")


# --- a dose beside a limit (issue 10 §4) and elapsed times (issue 10 §2) -----------------------------------

WINDOW = [D("100e6"), D("300e6")]


@pytest.mark.parametrize(
    ("cells", "text"),
    [(D("99999000"), "99.999 million cells"),  # 2 decimals would say "100": inside. 3 say 99.999 < 100
     (D("300002400"), "300.002 million cells"),  # 2 decimals "300.00" = the maximum; 3 show it is above
     (D("99999999.9"), "99.9999999 million cells"),  # 99.9999999 million: 7 decimals before it is below 100
     (D("149960000"), "149.96 million cells"),  # far from both limits: the usual 2 decimals
     (D("100e6"), "100 million cells"), (D("300e6"), "300 million cells")],  # exactly at a limit reads as at it
)
def test_a_dose_beside_its_limits_never_reads_as_inside_when_outside(cells: D, text: str) -> None:
    assert show.cells_beside(cells, WINDOW) == text


def test_per_kg_beside_a_cap() -> None:
    # 3.340001 million/kg against a 3.34 million/kg cap: 3 decimals read 3.340 (= the cap); 6 show it above
    assert show.cells_per_kg_beside(D("3340001"), [D("3.34e6"), None]) == "3.340001 million cells/kg"
    assert show.cells_per_kg_beside(D("2857142.857"), [D("3.34e6")]) == "2.857 million cells/kg"


@pytest.mark.parametrize(
    ("span", "text"),
    [(timedelta(minutes=175), "2 h 55 min"), (timedelta(days=2, hours=4), "2 days 4 h"),
     # 3630196 min = 2520 days (3628800 min) + 1396 min = 2520 days 23 h 16 min
     (D(3630196), "2,520 days 23 h 16 min"), (D(180), "3 h"), (timedelta(days=1), "1 day"),
     (timedelta(seconds=90), "1 min 30 s"), (timedelta(0), "0 min"),
     # a microsecond past 3 h rounds UP to a second, so it never reads as exactly the 3 h limit
     (timedelta(hours=3, microseconds=1), "3 h 1 s"), (D("0.5"), "30 s"), (timedelta(minutes=-5), "minus 5 min")],
)
def test_elapsed_times_read_as_people_read_them(span: timedelta | D, text: str) -> None:
    assert show.elapsed(span) == text
