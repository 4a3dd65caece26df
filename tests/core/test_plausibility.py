"""Plausibility limits of issue 11, each worked by hand from domain.md and the protocol's [plausibility] table.

Site values used (resources/protocols/nct03055078.toml): usual lot concentration 0.5 to 25 million cells/mL
(soft); label cross-check tolerance 25 %; duration 15 min to 8 h; drop factors 10, 15, 20, 60 gtt/mL;
increments 0.01, 0.1, 0.2, 0.5, 1 mL; rate at most 300 mL/h; at most 20 mL/kg; DMSO 10 % by default,
1.1 g/mL, at most 1 g/kg/day. The worked example (62 kg, 150 million cells, 5 million cells/mL at 92 %,
two 20 mL bags) draws 32.6 mL into 100 mL over 60 min.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from mscdose.core.errors import InputError
from mscdose.core.flags import Flag
from mscdose.core.plausibility import (
    PLAUSIBILITY_CATALOGUE,
    Plausibility,
    dmso_percent_used,
    limits_dict,
    parse_dmso_percent,
    parse_label_cells,
)
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request

from .helpers import calc, codes, protocol_file

PLAUSIBILITY_CODES = set(PLAUSIBILITY_CATALOGUE)


def plausibility_codes(result: object, severity: str | None = None) -> set[str]:
    return codes(result, severity) & PLAUSIBILITY_CODES  # type: ignore[arg-type]


def severity(result: object, code: str) -> str:
    return next(f.severity for f in result.flags if f.code == code)  # type: ignore[attr-defined]


def step(result: object, label: str) -> str:
    return next(s.working for s in result.steps if s.label == label)  # type: ignore[attr-defined]


def test_worked_example_passes_every_plausibility_limit_and_shows_its_dmso() -> None:
    r = calc()
    assert plausibility_codes(r) == set() and r.status == "ok"
    # 32.6 mL x 10 % = 3.26 mL DMSO; x 1.1 g/mL = 3.586 g; / 62 kg = 0.057839 g/kg, far below 1 g/kg/day
    assert step(r, "DMSO delivered") == ("32.6 mL × 10 % (site value) × 1.1 g/mL = 3.586 g; ÷ 62 kg = "
                                         "0.0578 g/kg (limit 1 g/kg/day)")


# --- lot concentration: usual range (soft) and label cross-check (hard) ---

def test_fifty_for_five_concentration_slip_is_caught_without_the_label() -> None:
    # 50 x 92 % = 46 million/mL; 150 / 46 = 3.26087 -> 3.3 mL; 3.3 x 46 = 151.8 million: inside 100-300,
    # so the dose window alone says OK. 50 million/mL is above the usual 25: soft CONCENTRATION_UNUSUAL.
    r = calc(concentration="50 million cells/mL")
    assert r.delivered_dose_cells == D("151.8e6")
    assert plausibility_codes(r) == {"CONCENTRATION_UNUSUAL"} and severity(r, "CONCENTRATION_UNUSUAL") == "soft"
    assert r.status == "warning"


def test_fifty_for_five_concentration_slip_is_blocked_by_the_label_count() -> None:
    # label: 5 million/mL x 20 mL = 100 million cells per bag. Typed 50 x 20 = 1000 million:
    # |1000 - 100| / 100 = 900 % > 25 %: hard LABEL_COUNT_MISMATCH.
    r = calc(concentration="50 million cells/mL", label_cells="100 million cells")
    assert "LABEL_COUNT_MISMATCH" in codes(r, "hard") and r.status == "blocked"
    assert "1,000 million cells" in step(r, "Label cross-check") and "900 %" in step(r, "Label cross-check")


def test_label_count_that_agrees_passes() -> None:
    r = calc(label_cells="100 million cells")
    assert plausibility_codes(r) == set() and r.status == "ok"
    assert step(r, "Label cross-check") == ("5 million cells/mL × 20 mL = 100 million cells per bag; label "
                                            "100 million cells; difference 0 % (tolerance 25 %)")


@pytest.mark.parametrize(("label", "flagged"), [
    ("80 million cells", False),  # |100 - 80| / 80 = 25 % exactly: at the tolerance, not beyond it
    ("79 million cells", True),   # 21 / 79 = 26.58 %
    ("125 million cells", False),  # 25 / 125 = 20 %
    ("10 million cells", True),   # 90 / 10 = 900 %: a ten-fold slip the other way
])
def test_label_tolerance_boundary(label: str, flagged: bool) -> None:
    assert ("LABEL_COUNT_MISMATCH" in codes(calc(label_cells=label))) is flagged


@pytest.mark.parametrize(("concentration", "flagged"), [
    ("0.5 million cells/mL", False), ("0.49 million cells/mL", True), ("25 million cells/mL", False),
    ("25.1 million cells/mL", True)])
def test_usual_concentration_boundaries(concentration: str, flagged: bool) -> None:
    assert ("CONCENTRATION_UNUSUAL" in codes(calc(concentration=concentration, bags="99", bag_volume="100 mL"),
                                             "soft")) is flagged


# --- preparation values ---

def test_duration_of_one_second_is_blocked() -> None:
    # 1 s = 1/60 min, below 15 min; rate 100 mL / (1/60 min) x 60 = 360,000 mL/h, above 300 mL/h
    r = calc(duration="1 s")
    assert {"DURATION_OUTSIDE_RANGE", "RATE_ABOVE_MAXIMUM"} <= codes(r, "hard") and r.status == "blocked"
    assert "360000 mL/h" in next(f.message for f in r.flags if f.code == "RATE_ABOVE_MAXIMUM")


@pytest.mark.parametrize(("duration", "expected"), [
    ("15 min", {"RATE_ABOVE_MAXIMUM"}),  # inside the range, but 100 / 15 x 60 = 400 mL/h
    ("14 min", {"DURATION_OUTSIDE_RANGE", "RATE_ABOVE_MAXIMUM"}),
    ("20 min", set()),  # 100 / 20 x 60 = 300 mL/h: at the maximum, not above it
    ("19 min", {"RATE_ABOVE_MAXIMUM"}),  # 315.79 mL/h
    ("8 h", set()),
    ("481 min", {"DURATION_OUTSIDE_RANGE"}),
])
def test_duration_and_rate_boundaries(duration: str, expected: set[str]) -> None:
    assert plausibility_codes(calc(duration=duration), "hard") == expected


@pytest.mark.parametrize(("drop_factor", "flagged"), [
    ("13", True), ("0.001", True), ("13 gtt/mL", True), ("10", False), ("15 gtt/mL", False), ("60", False)])
def test_drop_factor_must_be_a_giving_set_of_the_site(drop_factor: str, flagged: bool) -> None:
    r = calc(drop_factor=drop_factor)
    assert ("DROP_FACTOR_NOT_IN_LIST" in codes(r, "hard")) is flagged
    assert (r.status == "blocked") is flagged


@pytest.mark.parametrize(("increment", "flagged"), [("0.3 mL", True), ("0.05 mL", True), ("0.01 mL", False),
                                                    ("1 mL", False)])
def test_volume_increment_must_be_measurable(increment: str, flagged: bool) -> None:
    assert ("INCREMENT_NOT_IN_LIST" in codes(calc(increment=increment), "hard")) is flagged


@pytest.mark.parametrize(("weight", "flagged"), [("5 kg", False), ("4.9 kg", True)])
def test_total_volume_per_kg(weight: str, flagged: bool) -> None:
    # 100 mL / 5 kg = 20 mL/kg: at the maximum; 100 / 4.9 = 20.41 mL/kg: above it
    assert ("VOLUME_ABOVE_MAXIMUM_PER_KG" in codes(calc(weight=weight), "hard")) is flagged


# --- DMSO ---

DMSO_CASE = {"weight": "40 kg", "concentration": "0.375 million cells/mL", "basis": "viable",
             "bag_volume": "100 mL", "bags": "4", "duration": "2 h"}


def test_dmso_above_one_gram_per_kg_is_blocked() -> None:
    # 150 million / 0.375 million/mL = 400 mL (no rounding); final volume max(100, 400) = 400 mL;
    # 400 mL / 2 h = 200 mL/h; 400 / 40 = 10 mL/kg. DMSO: 400 mL x 10 % x 1.1 g/mL = 44 g; / 40 kg = 1.1 g/kg > 1.
    r = calc(**DMSO_CASE)
    assert r.volume_to_draw_ml == 400
    assert plausibility_codes(r, "hard") == {"DMSO_ABOVE_LIMIT"} and r.status == "blocked"
    assert step(r, "DMSO delivered") == ("400 mL × 10 % (site value) × 1.1 g/mL = 44 g; ÷ 40 kg = 1.1 g/kg "
                                         "(limit 1 g/kg/day)")


def test_dmso_exactly_at_the_limit_and_a_lower_lot_percentage_pass() -> None:
    # 44 g / 44 kg = 1 g/kg: at the limit, not above it
    assert "DMSO_ABOVE_LIMIT" not in codes(calc(**{**DMSO_CASE, "weight": "44 kg"}))
    # lot at 5 %: 400 x 5 % x 1.1 = 22 g; / 40 kg = 0.55 g/kg
    r = calc(**DMSO_CASE, dmso="5 %")
    assert "DMSO_ABOVE_LIMIT" not in codes(r)
    assert step(r, "DMSO delivered").startswith("400 mL × 5 % (entered) × 1.1 g/mL = 22 g; ÷ 40 kg = 0.55 g/kg")


def test_dmso_limit_uses_the_published_default_when_a_protocol_is_silent() -> None:
    p = protocol_file("stemirac_like.toml")
    assert p.plausibility == Plausibility() and p.plausibility.dmso_limit_per_kg_day.value == 1
    assert p.plausibility.dmso_density.value == D("1.1")
    # no DMSO % stated by the protocol nor entered: no DMSO step; entered: checked against 1 g/kg/day
    assert not any(s.label == "DMSO delivered" for s in calc(p).steps)
    r = calc(p, **{**DMSO_CASE, "dose": "100 million cells", "weight": "40 kg", "dmso": "15"})
    # 100 / 0.375 = 266.67 mL -> 266.7 mL; x 15 % x 1.1 = 44.0055 g; / 40 = 1.1001 g/kg
    assert "DMSO_ABOVE_LIMIT" in codes(r, "hard")


# --- product expiry ---

@pytest.mark.parametrize(("expires_at", "expired"), [
    ("2026-11-25T09:59", True), ("2026-11-25T10:00", True), ("2026-11-25T10:01", False)])
def test_expired_product_is_blocked(expires_at: str, expired: bool) -> None:
    r = calc(expires_at=expires_at, now="2026-11-25T10:00")
    assert ("PRODUCT_EXPIRED" in codes(r, "hard")) is expired


# --- the new request inputs ---

def test_new_inputs_are_read_into_the_request() -> None:
    texts = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
             "viability": "92", "bag_volume": "20 mL", "label_cells": "1e8 cells", "dmso": "7.5 % v/v",
             "expires_at": "2030-01-31T23:59"}
    request, errors = read_request(texts)
    assert not errors and request is not None
    assert (request.label_cells_per_bag, request.dmso_percent) == (D("1e8"), D("7.5"))
    assert request.expires_at is not None and request.expires_at.year == 2030


@pytest.mark.parametrize("text", ["100", "2 million cells/kg", "100 mL", "", "lots"])
def test_label_cells_refuses_what_is_not_a_count_of_cells(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_label_cells(text)
    assert caught.value.field == "label_cells" and "Label cells per bag" in caught.value.message
    assert "Accepted:" in caught.value.message


@pytest.mark.parametrize("text", ["60 %", "10 mL", "١٠", "1e1", "-5", "10 % % ", ""])
def test_dmso_refuses_what_is_not_a_plausible_percentage(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_dmso_percent(text)
    assert caught.value.field == "dmso" and "Accepted:" in caught.value.message


@pytest.mark.parametrize(("text", "value"), [("10", D(10)), ("0", D(0)), ("5 %", D(5)), (" 2.5 % v/v ", D("2.5"))])
def test_dmso_accepts_percentages(text: str, value: D) -> None:
    assert parse_dmso_percent(text) == value


def test_bad_inputs_are_reported_by_field() -> None:
    texts = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
             "viability": "92", "bag_volume": "20 mL", "label_cells": "100", "dmso": "x", "expires_at": "soon"}
    request, errors = read_request(texts)
    assert request is None and set(errors) == {"label_cells", "dmso", "expires_at"}


def test_every_plausibility_flag_has_its_severity() -> None:
    assert {code: sev for code, (sev, _) in PLAUSIBILITY_CATALOGUE.items()} == {
        "CONCENTRATION_UNUSUAL": "soft", "LABEL_COUNT_MISMATCH": "hard", "DURATION_OUTSIDE_RANGE": "hard",
        "DROP_FACTOR_NOT_IN_LIST": "hard", "INCREMENT_NOT_IN_LIST": "hard", "RATE_ABOVE_MAXIMUM": "hard",
        "VOLUME_ABOVE_MAXIMUM_PER_KG": "hard", "DMSO_ABOVE_LIMIT": "hard", "PRODUCT_EXPIRED": "hard"}
    assert isinstance(calc(drop_factor="13").flags[0], Flag)


def test_shipped_protocol_states_every_limit_as_a_site_value() -> None:
    p = load_protocol().plausibility
    assert (p.concentration_usual_min.value, p.concentration_usual_max.value) == (D("0.5e6"), D("25e6"))  # type: ignore[union-attr]
    assert p.label_count_tolerance.value == 25  # type: ignore[union-attr]
    assert (p.min_duration.value, p.max_duration.value) == (15, 480)  # type: ignore[union-attr]
    assert p.drop_factors.values == (10, 15, 20, 60)  # type: ignore[union-attr]
    assert p.volume_increments.values == (D("0.01"), D("0.1"), D("0.2"), D("0.5"), 1)  # type: ignore[union-attr]
    assert (p.max_infusion_rate.value, p.max_volume_per_kg.value) == (300, 20)  # type: ignore[union-attr]
    assert (p.dmso_percent.value, p.dmso_density.value, p.dmso_limit_per_kg_day.value) == (10, D("1.1"), 1)  # type: ignore[union-attr]
    limits = [getattr(p, name) for name in p.__dataclass_fields__]
    assert all(limit is not None and limit.source == "site" for limit in limits)


def test_limits_and_dmso_used_as_plain_data_for_the_record() -> None:
    p = load_protocol()
    data = limits_dict(p.plausibility)
    assert data["drop_factors"]["value"] == ["10", "15", "20", "60"] and data["drop_factors"]["source"] == "site"
    assert data["max_infusion_rate"] == {"value": "300", "unit": "mL/h", "text": "300 mL/h", "source": "site",
                                         "note": data["max_infusion_rate"]["note"]}
    assert data["concentration_usual_min"]["value"] == "500000"  # never e notation (5E+5)
    assert limits_dict(Plausibility()).keys() == {"dmso_density", "dmso_limit_per_kg_day"}
    assert dmso_percent_used(calc().request, p) == (10, "protocol default")
    assert dmso_percent_used(calc(dmso="5").request, p) == (5, "entered")
    assert dmso_percent_used(calc().request, protocol_file("stemirac_like.toml")) == (None, "none")
