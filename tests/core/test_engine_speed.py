"""Issue 18: engine.entered_in_kg answers as the per-weight pattern it replaces did, for any text."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.core import display as show
from mscdose.core.engine import entered_in_kg


def by_pattern(entered: str, weight: D) -> bool:
    return re.fullmatch(rf"{re.escape(show.plain(weight, 10))}\s*kg", entered, re.IGNORECASE) is not None


WEIGHTS = st.decimals(min_value=D("0.1"), max_value=D(500), places=3)
TAILS = st.text(alphabet=" \t\u00a0\u2003kKgG\u212albs.0", max_size=5)


@settings(max_examples=400, deadline=None)
@given(WEIGHTS, TAILS, st.sampled_from(["", "0", " ", "1"]))
def test_entered_in_kg_equals_the_pattern(weight: D, tail: str, lead: str) -> None:
    entered = lead + show.plain(weight, 10) + tail
    assert entered_in_kg(entered, weight) == by_pattern(entered, weight)


@pytest.mark.parametrize(("entered", "expected"), [
    ("62 kg", True), ("62kg", True), ("62 KG", True), ("62 \u212ag", True), ("62.0 kg", False),
    ("62 kgs", False), ("136.6884 lb", False), ("62 g", False), ("620 kg", False),
])
def test_entered_in_kg_by_hand(entered: str, expected: bool) -> None:
    assert entered_in_kg(entered, D(62)) is expected
