"""Issue 18: display.plain is cached by value, which is only right if its text depends on the value alone and
not on how the Decimal is written (1.50 and 1.5, 1E+2 and 100, -0 and 0). Checked against the uncached rule."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mscdose.core import display


@settings(max_examples=400, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=D("-1e12"), max_value=D("1e12")),
       st.integers(min_value=0, max_value=6), st.integers(min_value=-1, max_value=10), st.booleans())
def test_equal_values_written_differently_give_the_same_text(value: D, padding: int, places: int,
                                                           grouping: bool) -> None:
    assume(len(value.as_tuple().digits) + padding <= 28)  # within the context's precision
    padded = value.quantize(D(1).scaleb(value.as_tuple().exponent - padding))  # same value, more zeros
    assert padded == value
    assert display.plain(padded, places, grouping) == display._plain(padded, places, grouping)
    assert display.plain(value, places, grouping) == display._plain(value, places, grouping)
    assert display._plain(padded, places, grouping) == display._plain(value, places, grouping)


def test_values_by_hand() -> None:
    assert display.plain(D("1.50"), 2) == display.plain(D("1.5"), 2) == "1.5"
    assert display.plain(D("1E+2"), 0) == display.plain(100, 0) == "100"
    assert display.plain(D("-0.00001"), 2) == display.plain(D("0"), 2) == "0"
    assert display.plain(D("12.25"), 1) == "12.3"  # ties up, in decimal
