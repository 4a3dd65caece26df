"""Issue 11, parsing side: every reproduction of "units and numbers that cannot slip" refused or read as meant.

Each case here was accepted (or crashed) before issue 11; expected values are worked by hand.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from mscdose.core import parsing
from mscdose.core.errors import InputError
from mscdose.core.request import read_request

BASE = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
        "viability": "92", "bag_volume": "20 mL", "bags": "2"}


def refusal(parse, text: str) -> InputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize("text", ["６２ kg", "６２ ｋｇ", "٦٢ kg", "۶۲ kg", "६२ kg", "62\u3000kg"])
def test_digits_and_letters_other_than_half_width_ascii_are_refused_with_an_input_method_hint(text: str) -> None:
    error = refusal(parsing.parse_weight, text)
    assert error.field == "weight" and error.given == text
    assert "half-width" in error.message and "Accepted:" in error.message


def test_full_width_digits_are_refused_in_every_number_field() -> None:
    assert "half-width" in refusal(parsing.parse_bags, "２").message
    assert "half-width" in refusal(parsing.parse_viability, "９２ %").message
    assert "half-width" in refusal(lambda t: parsing.parse_datetime("thawed_at", t), "２０２６-11-25 09:30").message


@pytest.mark.parametrize(("text", "code"), [("62\u200b kg", "U+200B"), ("\ufeff62 kg", "U+FEFF"),
                                            ("62 kg\u2060", "U+2060"), ("62\u202e kg", "U+202E"),
                                            ("6\u00ad2 kg", "U+00AD"), ("62\tkg", "U+0009")])
def test_invisible_characters_are_refused_not_dropped(text: str, code: str) -> None:
    error = refusal(parsing.parse_weight, text)
    assert "invisible or control character" in error.message and code in error.message
    assert "\u200b" not in error.message and "\u202e" not in error.message  # the message itself is safe to print


@pytest.mark.parametrize(("parse", "text"), [
    (parsing.parse_weight, "62 % kg"),  # was 0.62 kg
    (parsing.parse_weight, "62 kg*m/m"),  # was 62 kg
    (parsing.parse_weight, "62 kg # 10 lb"),  # was 62 kg: pint reads "#" as a comment
    (lambda t: parsing.parse_volume("bag_volume", t), "100 mL*%"),  # was 1 mL
    (lambda t: parsing.parse_dose(t), "150 million cells %"),  # was 1.5 million cells
    (lambda t: parsing.parse_dose(t), "150 million cells/kg*kg"),  # was a total of 150 million
    (parsing.parse_viability, "0.92 1"),  # was 92 %
    (parsing.parse_viability, "92 % %"),
    (lambda t: parsing.parse_dose(t), "1.5e2 million cells"),  # two multipliers
    (lambda t: parsing.parse_dose(t), "150 x 10^6 million cells"),
])
def test_one_unit_per_field_from_the_list(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    error = refusal(parse, text)
    assert "Accepted:" in error.message and error.given == text


@pytest.mark.parametrize(("parse", "field", "text"), [
    (lambda t: parsing.parse_dose(t), "dose", "1e999999 x 10^6 cells"),  # was decimal.Overflow
    (lambda t: parsing.parse_duration(t), "duration", "1e-30 day"),
    (lambda t: parsing.parse_duration(t), "duration", "1e-30 min"),
    (parsing.parse_weight, "weight", "1e-27kg"),  # was saved, then broke `show` and `export`
    (parsing.parse_weight, "weight", "0.00001 kg"),
    (lambda t: parsing.parse_concentration(t), "concentration", "1 cells/mL"),
    (lambda t: parsing.parse_volume("bag_volume", t), "bag_volume", "1e-9 mL"),
    (lambda t: parsing.parse_dose(t), "dose", "0e-999999 cells"),
    (lambda t: parsing.parse_datetime("thawed_at", t), "thawed_at", "0001-01-01T00:00"),
    (lambda t: parsing.parse_datetime("thawed_at", t), "thawed_at", "9999-12-31T23:00"),
    (lambda t: parsing.parse_datetime("thawed_at", t), "thawed_at", "2026-11-25T09:30+23:59"),
    (lambda t: parsing.parse_datetime("thawed_at", t), "thawed_at", "2026-W48-3T09:30"),
])
def test_magnitudes_and_dates_are_bounded_and_refused_with_an_input_error(parse, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    error = refusal(parse, text)
    assert error.field == field and "Accepted:" in error.message


def test_dates_out_of_range_name_the_range() -> None:
    error = refusal(lambda t: parsing.parse_datetime("thawed_at", t), "0001-01-01T00:00")
    assert "2000" in error.message and "2100" in error.message


def test_a_600000_character_entry_is_refused_by_its_length() -> None:
    text = "6" * 600_000 + " kg"
    error = refusal(parsing.parse_weight, text)
    assert "600,003 characters long" in error.message
    assert len(error.message) < 600 and len(error.given) <= 200


def test_a_dose_unit_typed_must_agree_with_the_selector() -> None:
    # Before: "150 million cells" with the selector on million cells/kg was silently a total.
    _, errors = read_request({**BASE, "dose": "150 million cells"}, {"dose": "million cells/kg"})
    assert list(errors) == ["dose"]
    assert "unit beside the box is million cells/kg" in errors["dose"].message
    _, errors = read_request({**BASE, "dose": "2 million cells/kg"}, {"dose": "million cells"})
    assert list(errors) == ["dose"]


def test_window_and_command_line_read_a_text_with_its_unit_the_same_way() -> None:
    for text, mode, value in [("150 million cells", "total", D("150e6")), ("2e6 cells/kg", "per_kg", D("2e6"))]:
        unit = "million cells" if mode == "total" else "million cells/kg"
        window, _ = read_request({**BASE, "dose": text}, {"dose": unit})
        command_line, _ = read_request({**BASE, "dose": text})
        assert window is not None and command_line is not None
        assert (window.dose_mode, window.dose_value) == (command_line.dose_mode, command_line.dose_value) == (
            mode, value)


@pytest.mark.parametrize("field", ["dose", "concentration", "weight", "bag_volume"])
def test_the_command_line_refuses_bare_numbers_naming_accepted_units(field: str) -> None:
    # Before: --dose 150 meant 150 cells ("Target dose 0 million cells").
    _, errors = read_request({**BASE, field: "150"})
    assert list(errors) == [field]
    assert "needs a" in errors[field].message and "Accepted:" in errors[field].message
    if field == "dose":
        assert "cells/kg" in errors[field].message


@pytest.mark.parametrize(("texts", "units", "weight", "dose"), [
    ({"weight": "136.50 lb", "dose": "1.50e8 cells"}, {}, "136.5 lb", "150 million cells"),
    ({"weight": "62", "dose": "150"}, {"weight": "kg", "dose": "million cells"}, "62 kg", "150 million cells"),
    ({"weight": "62.0 KG".lower(), "dose": "2e6 cells/kg"}, {}, "62 kg", "2 million cells/kg"),
    ({"weight": "62000 g", "dose": "150 x 10^6 cells"}, {}, "62000 g", "150 million cells"),
    ({"weight": "150 lbs", "dose": "0.15 billion cells"}, {}, "150 lb", "150 million cells"),
    ({"weight": "62 kg", "dose": "123456789 cells"}, {}, "62 kg", "123.456789 million cells"),
    ({"weight": "62 kg", "dose": "50 thousand cells"}, {}, "62 kg", "50000 cells"),
])
def test_the_echo_of_what_was_entered_follows_the_display_rules(texts, units, weight: str, dose: str) -> None:  # type: ignore[no-untyped-def]
    request, errors = read_request({**BASE, **texts}, units)
    assert not errors and request is not None
    assert (request.weight_entered, request.dose_entered) == (weight, dose)


def test_the_echo_reads_back_as_the_same_value() -> None:
    # 136.5 lb = 136.5 x 0.45359237 kg = 61.91535850500 kg
    entry = parsing.read_weight("136.50 lb")
    assert entry.value == D("61.915358505")
    assert parsing.read_weight(entry.entered).value == entry.value


@pytest.mark.parametrize(("text", "value"), [("62 kg", "62"), ("62kg", "62"), ("0.5 kg", "0.5"), ("62\u00a0kg", "62"),
                                             ("62.5 kg", "62.5"), ("136 lb", "61.68856232"), ("62 KG".lower(), "62")])
def test_ordinary_weights_still_read_as_meant(text: str, value: str) -> None:
    assert parsing.parse_weight(text) == D(value)


def test_a_mistyped_default_unit_is_a_programming_error_not_a_silent_guess() -> None:
    with pytest.raises(ValueError, match="not one this field accepts"):
        parsing.parse_weight("62", default_unit="stone")
