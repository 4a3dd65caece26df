"""ISMP display rules: leading zero, no trailing zero, cells in words, never e notation."""

from __future__ import annotations

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
