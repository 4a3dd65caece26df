"""Issue 18: the steps of a calculation are written when first read (core/engine_steps.py), not during it.

What must hold: a batch that never reads them never pays for them; once read they are written once; and they
read the same to the digit whenever and wherever they are read (the calculation's Decimal context, 50 digits,
not the reader's). Expected texts are the worked example of domain.md, worked out by hand: viable
5 × 92 % = 4.6 million cells/mL; 150 ÷ 4.6 = 32.608695… mL → 32.6087 shown, 32.6 drawn; 32.6 × 4.6 = 149.96.
"""

from __future__ import annotations

from decimal import localcontext

import pytest

from mscdose.core import engine

from .helpers import calc

BY_HAND = [
    "Target dose: 150 million cells (prescribed as a total)",
    "Viable concentration: 5 million cells/mL × 92 % ÷ 100 = 4.6 million cells/mL",
    "Exact volume: 150 million cells ÷ 4.6 million cells/mL = 32.6087 mL",
    "Volume to draw: 32.6087 mL rounded to the nearest 0.1 mL (ties up) = 32.6 mL",
    "Dose delivered: 32.6 mL × 4.6 million cells/mL = 149.96 million cells (viable cells)",
]


def test_compute_writes_no_step_until_they_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    written = []
    real = engine.write_steps

    def counting(result: engine.DoseResult, **values: object) -> tuple[engine.Step, ...]:
        written.append(result)
        return real(result, **values)

    monkeypatch.setattr(engine, "write_steps", counting)
    result = calc()
    assert written == []  # the calculation itself wrote none
    first = result.steps
    assert written == [result]
    assert result.steps is first and len(written) == 1  # written once, then kept


def test_steps_read_in_another_decimal_context_are_those_of_the_calculation() -> None:
    result = calc()
    with localcontext() as ctx:
        ctx.prec = 3  # 32.6087 alone has 6 digits: in this context it could not even be written
        texts = [str(step) for step in result.steps]
    assert texts[:5] == BY_HAND


def test_steps_read_late_equal_steps_read_at_once() -> None:
    late = calc()
    calc(weight="80 kg", dose="2 million cells/kg")  # other calculations in between fill the display caches
    calc(weight="150 lb", dose="300 million cells")
    at_once = [str(step) for step in calc().steps]
    assert [str(step) for step in late.steps] == at_once
    assert at_once[:5] == BY_HAND


def test_cached_unit_texts_follow_the_decimal_context_they_are_written_in() -> None:
    """A million-cell text divides by a million, rounded to the context's precision: 4,994,999.999… cells
    (31 digits) are 4.994999… million at 50 digits ("4.99") but 4.995000… at 28 ("5", as before the cache).
    The cache must give each context its own text, whichever was written first."""
    from decimal import Decimal

    from mscdose.core import display as show

    count = Decimal("4994999.999999999999999999999999")
    for precision, expected in ((50, "4.99"), (28, "5"), (50, "4.99")):
        with localcontext() as ctx:
            ctx.prec = precision
            assert show.millions(count) == expected
            assert show.cells(count) == f"{expected} million cells"
