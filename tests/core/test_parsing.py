"""What people type: every accepted form, and every refusal naming the field and what is accepted."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from mscdose.core import parsing
from mscdose.core.errors import InputError
from mscdose.core.request import read_request


@pytest.mark.parametrize(("text", "kg"), [("62 kg", "62"), ("62.5kg", "62.5"), ("136 lb", "61.68856232"),
                                          ("62000 g", "62"), (" 62 KG ".lower(), "62"), ("0.5 kg", "0.5")])
def test_weights(text: str, kg: str) -> None:
    assert parsing.parse_weight(text) == D(kg)


@pytest.mark.parametrize(
    ("text", "mode", "value"),
    [("150e6 cell", "total", "150e6"), ("1.5e8 cells", "total", "150e6"), ("150 million cells", "total", "150e6"),
     ("150 × 10^6 cells", "total", "150e6"), ("150 x 10⁶ cells", "total", "150e6"),
     ("1.5 × 10⁸ cells", "total", "150e6"),
     ("2e6 cell/kg", "per_kg", "2e6"), ("2 million cells/kg", "per_kg", "2e6")],
)
def test_doses(text: str, mode: str, value: str) -> None:
    assert parsing.parse_dose(text) == (mode, D(value))


@pytest.mark.parametrize("text", ["5e6 cell/mL", "5 million cells/mL", "5e9 cell/L", "5000 cells/uL"])
def test_concentrations(text: str) -> None:
    assert parsing.parse_concentration(text) == D("5e6")


@pytest.mark.parametrize("text", ["92 %", "92%", "92", "92 percent"])
def test_percentages(text: str) -> None:
    assert parsing.parse_viability(text) == 92


def test_volumes_and_durations() -> None:
    assert parsing.parse_volume("bag_volume", "20 mL") == 20
    assert parsing.parse_volume("bag_volume", "0.02 L") == 20
    assert parsing.parse_duration("60 min") == 60
    assert parsing.parse_duration("1 h") == 60
    assert parsing.parse_drop_factor("20 gtt/mL") == 20
    assert parsing.parse_drop_factor("15") == 15


def test_a_window_may_supply_the_unit_of_a_bare_number() -> None:
    assert parsing.parse_weight("136", default_unit="lb") == D("61.68856232")
    assert parsing.parse_concentration("5", default_unit="million cells/mL") == D("5e6")
    assert parsing.parse_dose("2", default_unit="million cells/kg") == ("per_kg", D("2e6"))


REFUSED = [
    # (parser, field, text, words the message must contain)
    (parsing.parse_weight, "weight", "62", "needs a unit: kg or lb"),
    (parsing.parse_weight, "weight", "62 mL", "is a volume, not a weight"),
    (parsing.parse_weight, "weight", "0 kg", "more than zero"),
    (parsing.parse_weight, "weight", "-62 kg", "more than zero"),
    (parsing.parse_weight, "weight", "62,5 kg", "comma"),
    (parsing.parse_weight, "weight", "nan kg", "not a finite number"),
    (parsing.parse_weight, "weight", "inf kg", "not a finite number"),
    (parsing.parse_weight, "weight", "1e999 kg", "too large"),
    (parsing.parse_weight, "weight", "9000 kg", "check the entry"),
    (parsing.parse_weight, "weight", "", "nothing was entered"),
    (parsing.parse_weight, "weight", "   ", "nothing was entered"),
    (parsing.parse_weight, "weight", "sixty kg", "could not read"),
    (parsing.parse_weight, "weight", "62 stone", "not a unit mscdose knows"),
    (parsing.parse_dose, "dose", "150 mL", "not a number of cells"),
    (parsing.parse_dose, "dose", "1,500 million cells", "comma"),
    (parsing.parse_dose, "dose", "0 cells", "more than zero"),
    # Changed by issue 11: a dose without a unit is refused unless a window's selector gives the unit
    # (before, "150e6" and "150 million" were read as cells; "150" as 150 cells, a million-fold slip).
    (parsing.parse_dose, "dose", "150e6", "needs a unit: cells for a total"),
    (parsing.parse_dose, "dose", "150 million", "needs a unit: cells for a total"),
    (parsing.parse_concentration, "concentration", "5e6", "needs a volume unit"),
    (parsing.parse_concentration, "concentration", "5e6 cells", "not a concentration"),
    (parsing.parse_viability, "viability", "101", "more than 100 %"),
    (parsing.parse_viability, "viability", "0.92", "looks like a fraction"),
    (parsing.parse_viability, "viability", "92 kg", "not a percentage"),
    (parsing.parse_viability, "viability", "NaN", "not a finite number"),
    (parsing.parse_duration, "duration", "60", "needs a unit"),
    (parsing.parse_drop_factor, "drop_factor", "20 mL", "not a drop factor"),
    (parsing.parse_bags, "bags", "0", "whole number of bags"),
    (parsing.parse_bags, "bags", "1.5", "whole number of bags"),
    (parsing.parse_age, "age", "200", "from 0 to 130"),
    (parsing.parse_age, "age", "-1", "from 0 to 130"),
]


@pytest.mark.parametrize(("parse", "field", "text", "words"), REFUSED, ids=[f"{r[1]}:{r[2]!r}" for r in REFUSED])
def test_refusals_name_the_field_echo_the_text_and_say_what_is_accepted(parse, field, text, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        parse(text)
    error = caught.value
    assert error.field == field
    assert error.given == text
    assert words in error.message
    assert error.message.startswith(parsing.LABELS[field])
    assert "Accepted:" in error.message


def test_decimal_comma_is_never_read_as_a_larger_number() -> None:
    for text in ("62,5 kg", "62,5kg", "1,5 million cells"):
        with pytest.raises(InputError, match="comma"):
            parsing.parse_dose(text) if "cells" in text else parsing.parse_weight(text)


def test_datetime_without_zone_is_local_time() -> None:
    moment = parsing.parse_datetime("thawed_at", "2026-11-25 09:30")
    assert moment.tzinfo is not None and moment.hour == 9
    with pytest.raises(InputError) as caught:
        parsing.parse_datetime("thawed_at", "yesterday")
    assert caught.value.field == "thawed_at"


def test_read_request_reports_every_bad_field_in_form_order() -> None:
    request, errors = read_request({"weight": "62", "dose": "", "concentration": "5 million cells/mL",
                                    "viability": "150", "bag_volume": "20 mL", "age": "x"})
    assert request is None
    assert list(errors) == ["weight", "dose", "viability", "age"]


def test_read_request_refuses_a_thaw_time_in_the_future() -> None:
    _, errors = read_request({"weight": "62 kg", "dose": "150e6 cells", "concentration": "5e6 cells/mL",
                              "viability": "92", "bag_volume": "20 mL", "thawed_at": "2026-11-25T12:00:00+00:00",
                              "now": "2026-11-25T11:00:00+00:00"})
    assert list(errors) == ["thawed_at"]
    assert "later than the current time" in errors["thawed_at"].message


def test_read_request_refuses_an_unknown_basis() -> None:
    _, errors = read_request({"weight": "62 kg", "dose": "150e6 cells", "concentration": "5e6 cells/mL",
                              "viability": "92", "bag_volume": "20 mL", "basis": "alive"})
    assert errors["basis"].field == "basis" and "Accepted: total" in errors["basis"].message


def test_a_multiplier_typed_into_a_million_field_is_not_applied_twice() -> None:
    assert parsing.parse_concentration("5 million", default_unit="million cells/mL") == D("5e6")
    assert parsing.parse_concentration("5e6", default_unit="million cells/mL") == D("5e6")
    assert parsing.parse_dose("150 million", default_unit="million cells") == ("total", D("150e6"))
    assert parsing.parse_dose("150", default_unit="million cells") == ("total", D("150e6"))


def test_weight_text_conversion_for_a_unit_switch() -> None:
    # 62 / 0.45359237 = 136.6868…; 136.69 lb × 0.45359237 = 62.0015 kg -> 62
    assert parsing.convert_weight_text("62", "kg", "lb") == "136.69"
    assert parsing.convert_weight_text("136.69", "lb", "kg") == "62"
    assert parsing.convert_weight_text("150 lb", "kg", "kg") == "68.04"
    assert parsing.convert_weight_text("sixty", "kg", "lb") is None
