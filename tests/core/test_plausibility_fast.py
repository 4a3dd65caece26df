"""Issue 18: the `[plausibility]` limits are read without importing pint when their unit is the key's own
unit or a spelling in the table generated from pint, and the value is then exactly pint's, digit for digit
(the record keeps it as text). pint decides every other unit text, with the same messages."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.core.errors import ProtocolError
from mscdose.core.plausibility_table import _KEYS, _WORDS, _TableReader, fast_value
from mscdose.core.unit_table import FACTORS
from mscdose.core.units import SPELLINGS, pint_spelling, registry

ROOT = Path(__file__).resolve().parents[2]
CANONICALS = sorted({canonical for _, canonical, _, _ in _KEYS.values()})
# every (unit text, canonical) the fast path answers: the canonical unit itself, and each table spelling of its kind
FAST_PAIRS = sorted({(c, c) for c in CANONICALS}
                    | {(spelling, c) for spelling, (kind, _) in FACTORS.items() for c in CANONICALS
                       if SPELLINGS[kind][0] == c})


def pint_value(number: str, word: str | None, unit: str, canonical: str) -> D:
    """What the reader did before issue 18, for every text: pint parses the unit and converts."""
    ureg = registry()
    quantity = ureg.Quantity(D(number), ureg.parse_units(pint_spelling(unit)))
    if word:
        quantity = quantity * _WORDS[word]
    return D(quantity.to(canonical).magnitude)


def test_the_fast_pairs_cover_the_shipped_units() -> None:
    # by hand from the [plausibility] table of resources/protocols/nct03055078.toml
    for pair in [("cells/mL", "cell/mL"), ("%", "percent"), ("min", "min"), ("h", "min"), ("gtt/mL", "gtt/mL"),
                 ("mL", "mL"), ("mL/h", "mL/h"), ("mL/kg", "mL/kg"), ("g/mL", "g/mL"), ("g/kg", "g/kg")]:
        assert pair in FAST_PAIRS


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FAST_PAIRS), st.sampled_from([None, "million", "billion"]),
       st.decimals(min_value=D("0"), max_value=D("1e7"), places=4))
def test_the_fast_path_is_pint_digit_for_digit(pair: tuple[str, str], word: str | None, number: D) -> None:
    unit, canonical = pair
    text = f"{number:f}"
    fast = fast_value(text, word, unit, canonical)
    assert fast is not None
    expected = pint_value(text, word, unit, canonical)
    assert fast.as_tuple() == expected.as_tuple()  # same value AND same exponent: the record keeps the text


@pytest.mark.parametrize(("unit", "canonical"), [("stone", "mL"), ("mL", "min"), ("cells / mL", "cell/mL"),
                                                 ("", "percent"), ("%", "g/kg"), ("kg", "g/kg"), ("h", "mL/h")])
def test_other_unit_texts_are_left_to_pint(unit: str, canonical: str) -> None:
    assert fast_value("1", None, unit, canonical) is None


@pytest.mark.parametrize(("key", "raw", "expected"), [
    ("max_duration", "8 h", D(480)),  # 8 × 60 min
    ("concentration_usual_min", "0.5 million cells/mL", D(500_000)),
    ("volume_increments", "0.1 mL", D("0.1")),
    ("max_infusion_rate", "300 mL/h", D(300)),
    ("max_infusion_rate", "5 mL/min", D(300)),  # outside the fast path: pint, 5 × 60
])
def test_values_read_by_hand(key: str, raw: str, expected: D) -> None:
    assert _TableReader("t.toml").convert(key, raw) == expected


@pytest.mark.parametrize(("key", "raw", "message"), [
    ("max_duration", "80 h", "not plausible"),  # 4800 min > 72 h: the range check still runs on the fast path
    ("max_infusion_rate", "0 mL/h", "not plausible"),
    ("max_duration", "8 mL", "wrong unit"),
    ("max_infusion_rate", "3 furlongs", "not a unit"),
])
def test_range_and_unit_checks_still_refuse(key: str, raw: str, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        _TableReader("t.toml").convert(key, raw)


def test_loading_the_shipped_protocol_does_not_import_pint() -> None:
    code = ("import sys\nfrom mscdose.core.protocol import load_protocol\nload_protocol()\n"
            "print('pint' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.stdout.strip() == "False"
