"""Properties of every parser (issue 11 "Proof"), and of the unit table against pint (issue 18).

- Nothing escapes a parser but `InputError`, whatever the text.
- Every accepted text means what a person means: the value equals a hand-written conversion (factors from
  domain.md and the SI, not from the program), and the echo of what was entered reads back as the same value.
- The table of unit factors is exactly what pint says, and reading through it gives exactly pint's magnitude.
Example counts stay small for CI; benchmarks/fuzz.py runs 100,000+.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mscdose.core import parsing
from mscdose.core.errors import InputError
from mscdose.core.isbt128 import parse_din
from mscdose.core.text import check_text
from mscdose.core.unit_table import FACTORS
from mscdose.core.units import SPELLINGS, fast_quantity, generate_table, pint_spelling, registry

PARSERS = {
    "weight": parsing.parse_weight,
    "weight_lb_selector": lambda t: parsing.parse_weight(t, "lb"),
    "dose": parsing.parse_dose,
    "dose_selector": lambda t: parsing.parse_dose(t, "million cells/kg"),
    "concentration": parsing.parse_concentration,
    "concentration_selector": lambda t: parsing.parse_concentration(t, "million cells/mL"),
    "viability": parsing.parse_viability,
    "bag_volume": lambda t: parsing.parse_volume("bag_volume", t),
    "increment": lambda t: parsing.parse_volume("increment", t, "mL"),
    "duration": lambda t: parsing.parse_duration(t, "min"),
    "drop_factor": parsing.parse_drop_factor,
    "bags": parsing.parse_bags,
    "age": parsing.parse_age,
    "thawed_at": lambda t: parsing.parse_datetime("thawed_at", t),
    "din": parse_din,
    "patient_id": lambda t: check_text("patient_id", t),
    "reason": lambda t: check_text("reason", t),
}
# Pieces people (and accidents) type, so that generated texts are often nearly valid.
PIECES = ["0", "1", "2", "5", "6", "9", ".", "-", "+", "e", "E", "e-", "e+", " ", "x", "×", "*", "^", "10", "⁶",
          "million", "thousand", "kg", "lb", "g", "mL", "L", "%", "cells", "cell", "/", "/kg", "/mL", "min", "h",
          "s", "day", "gtt", "#", ",", "nan", "inf", "\u200b", "\ufeff", "\u202e", "６", "٢", "\x1b", "\n", ":",
          "T", "2026-11-25", "09:30", "Z", "+01:00", "=", "G1234", "99999999", "e999999", "1e-30"]
texts = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(PIECES), max_size=10).map("".join))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(PARSERS)), texts)
def test_nothing_escapes_a_parser_but_an_input_error(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except InputError as error:
        assert error.message and error.field
        assert "\u202e" not in error.message and "\x1b" not in error.message


# Factors by hand: 1 lb = 0.45359237 kg (domain.md); SI prefixes; 1 h = 60 min.
HAND = {"kg": ("weight", D(1)), "g": ("weight", D("0.001")), "lb": ("weight", D("0.45359237")),
        "mL": ("bag_volume", D(1)), "L": ("bag_volume", D(1000)), "min": ("duration", D(1)),
        "h": ("duration", D(60)), "cells": ("dose", D(1)), "million cells": ("dose", D(10) ** 6),
        "x 10^6 cells": ("dose", D(10) ** 6), "× 10⁶ cells": ("dose", D(10) ** 6),
        "billion cells": ("dose", D(10) ** 9), "million cells/kg": ("dose", D(10) ** 6),
        "million cells/mL": ("concentration", D(10) ** 6), "cells/µL": ("concentration", D(1000)),
        "%": ("viability", D(1)), "gtt/mL": ("drop_factor", D(1))}
READ = {"weight": parsing.read_weight, "dose": parsing.read_dose,
        "bag_volume": lambda t: parsing.read_quantity("bag_volume", t, ("volume",)),
        "duration": lambda t: parsing.read_quantity("duration", t, ("time",)),
        "concentration": lambda t: parsing.read_quantity("concentration", t, ("cells_per_volume",)),
        "viability": lambda t: parsing.read_quantity("viability", t, ("percent",), bare_unit="%"),
        "drop_factor": lambda t: parsing.read_quantity("drop_factor", t, ("drops_per_volume",))}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(HAND)), st.decimals(min_value=D("0.001"), max_value=D("99999"), places=3),
       st.sampled_from(["{n} {u}", "{n}{u}", " {n}  {u} "]))
def test_every_accepted_text_means_what_a_person_means_and_its_echo_reads_back(unit: str, number: D,
                                                                               form: str) -> None:
    field, factor = HAND[unit]
    text = form.format(n=number, u=unit)
    if unit.startswith(("x", "×")):
        text = f"{number} {unit}"
    try:
        entry = READ[field](text)
    except InputError:
        return  # outside the field's range: refused, which is fine; what is accepted must be right
    assert entry.value == number * factor
    assert READ[field](entry.entered).value == entry.value
    assert "e" not in entry.entered.split()[0].lower()


def test_the_unit_table_is_exactly_what_pint_says_today() -> None:
    assert generate_table() == FACTORS, "run `python -m mscdose.core.units` to regenerate core/unit_table.py"


SPELLED = [(spelling, kind) for kind, (_, _, spellings) in SPELLINGS.items() for spelling in spellings]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(SPELLED), st.sampled_from(["", "thousand ", "million ", "billion "]),
       st.decimals(min_value=D("1e-9"), max_value=D("1e12"), allow_nan=False, allow_infinity=False))
def test_the_fast_path_gives_exactly_pints_magnitude(spelled: tuple[str, str], word: str, number: D) -> None:
    spelling, kind = spelled
    canonical = SPELLINGS[kind][0]
    multiplier = {"": D(1), "thousand ": D("1e3"), "million ": D("1e6"), "billion ": D("1e9")}[word]
    fast = parsing.to_canonical(number, word + spelling)
    expected = registry().Quantity(number * multiplier, pint_spelling(spelling)).to(canonical).magnitude
    assert fast == (kind, expected)
    assert str(fast[1]) == str(expected)  # the same Decimal, digit for digit


FIELD_OF_KIND = {"mass": "weight", "volume": "bag_volume", "time": "duration", "age": "age", "cells": "dose",
                 "cells_per_volume": "concentration", "cells_per_mass": "dose",
                 "drops_per_volume": "drop_factor", "percent": "viability"}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SPELLED), st.decimals(min_value=D("0.0001"), max_value=D("1e6"), places=4))
def test_every_text_the_parser_accepts_reads_as_pint_reads_it(spelled: tuple[str, str], number: D) -> None:
    spelling, kind = spelled
    field = FIELD_OF_KIND[kind]
    try:
        entry = parsing.read_quantity(field, f"{number} {spelling}", (kind,), allow_zero=True)
    except InputError:
        return
    expected = registry().Quantity(number, pint_spelling(spelling)).to(SPELLINGS[kind][0]).magnitude
    assert entry.value == expected


@pytest.mark.parametrize("text", ["kg*m/m", "% kg", "mL*%", "1", "kg # 10 lb", "cells %", "stone"])
def test_unit_texts_outside_the_table_are_not_converted(text: str) -> None:
    assert parsing.to_canonical(D(1), text) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SPELLED), st.sampled_from(["", "thousand ", "million ", "billion "]),
       st.decimals(min_value=D("0.001"), max_value=D("1e9"), places=3))
def test_the_fast_path_for_program_texts_equals_pint_reading_the_same_text(spelled: tuple[str, str], word: str,
                                                                           number: D) -> None:
    spelling, kind = spelled
    canonical = SPELLINGS[kind][0]
    text = f"{number} {word}{spelling}"
    power = {"": "", "thousand ": "* 1e3 * ", "million ": "* 1e6 * ", "billion ": "* 1e9 * "}[word]
    expanded = f"{number} {power}"  # as protocol.py writes a word out for pint
    expected = registry().Quantity(expanded + pint_spelling(spelling)).to(canonical).magnitude
    assert fast_quantity(text, canonical) == expected


@pytest.mark.parametrize(("text", "canonical"), [("100 mL", "kg"), ("3 days", "min"), ("1e6*cells", "cell"),
                                                 ("100 mL + 1 L", "mL"), ("-5 mL", "mL")])
def test_the_fast_path_leaves_other_texts_to_pint(text: str, canonical: str) -> None:
    assert fast_quantity(text, canonical) is None
