"""The dose engine against values worked out by hand from the formulas in domain.md."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.core.engine import round_half_up

from .helpers import calc, codes


def test_worked_example_to_the_last_digit() -> None:
    # Cv = 5e6 × 92/100 = 4.6e6; Vx = 150e6/4.6e6 = 32.608695...; V = 32.6; Dd = 32.6 × 4.6e6 = 149.96e6
    r = calc()
    assert r.target_dose_cells == D("150e6")
    assert r.viable_concentration_cells_per_ml == D("4.6e6")
    assert r.volume_exact_ml.quantize(D("0.0001")) == D("32.6087")
    assert r.volume_to_draw_ml == D("32.6")
    assert r.delivered_dose_cells == D("149.96e6")
    # 149.96e6 / 62 = 2418709.677419...
    assert r.delivered_dose_cells_per_kg.quantize(D("0.001")) == D("2418709.677")
    assert r.bags_needed == 2
    assert r.final_volume_ml == 100
    assert r.diluent_volume_ml == D("67.4")
    assert r.infusion_rate_ml_per_h == 100
    assert r.drip_rate_gtt_per_min == 33  # 100 × 20 / 60 = 33.33
    assert r.status == "ok"
    assert codes(r, "hard") | codes(r, "soft") == set()
    assert "VOLUME_ROUNDED" in codes(r, "info")


def test_tie_rounds_up_in_decimal() -> None:
    # Cv = 12.5e6 × 0.8 = 10e6; Vx = 122.5e6 / 10e6 = 12.25 exactly -> 12.3 mL; Dd = 123e6
    r = calc(dose="122.5 million cells", concentration="12.5 million cells/mL", viability="80")
    assert r.volume_exact_ml == D("12.25")
    assert r.volume_to_draw_ml == D("12.3")
    assert r.delivered_dose_cells == D("123e6")


@pytest.mark.parametrize(
    ("value", "increment", "expected"),
    [("12.25", "0.1", "12.3"), ("12.35", "0.1", "12.4"), ("12.249", "0.1", "12.2"), ("0.05", "0.1", "0.1"),
     ("7.5", "5", "10"), ("2.5", "1", "3"), ("0.125", "0.25", "0.25"), ("0.04", "0.1", "0")],
)
def test_round_half_up(value: str, increment: str, expected: str) -> None:
    assert round_half_up(D(value), D(increment)) == D(expected)


def test_float_would_flip_this_tie_but_decimal_does_not() -> None:
    # In binary, 0.35 / 0.1 is 3.4999999999999996, so a float engine would round 0.35 mL down to 0.3 mL.
    assert 0.35 / 0.1 < 3.5
    # 0.35 mL at 0.1 mL: dose 1.75 million cells at 5 million/mL viable -> 0.35 mL exactly -> 0.4 mL
    r = calc(dose="1.75 million cells", concentration="5 million cells/mL", viability="100")
    assert r.volume_exact_ml == D("0.35")
    assert r.volume_to_draw_ml == D("0.4")


def test_pounds_are_converted_exactly() -> None:
    # 150 lb × 0.45359237 = 68.0388555 kg; 2e6/kg × 68.0388555 = 136077711 cells; Cv = 4.5e6
    # Vx = 30.2395; V = 30.2; Dd = 135.9e6; per kg = 135.9e6 / 68.0388555 = 1997388.095...
    r = calc(weight="150 lb", dose="2 million cells/kg", viability="90")
    assert r.request.weight_kg == D("68.0388555")
    assert r.target_dose_cells == D("136077711")
    assert r.volume_to_draw_ml == D("30.2")
    assert r.delivered_dose_cells == D("135.9e6")
    assert r.delivered_dose_cells_per_kg.quantize(D("0.001")) == D("1997388.095")


def test_per_kg_prescription() -> None:
    # 2e6 × 62 = 124e6; Vx = 124e6 / 4.6e6 = 26.9565; V = 27; Dd = 27 × 4.6e6 = 124.2e6; /62 = 2003225.806
    r = calc(dose="2 million cells/kg")
    assert r.target_dose_cells == D("124e6")
    assert r.volume_to_draw_ml == D("27")
    assert r.delivered_dose_cells == D("124.2e6")
    assert r.delivered_dose_cells_per_kg.quantize(D("0.001")) == D("2003225.806")
    assert r.diluent_volume_ml == D("73")


def test_viable_basis_does_not_apply_viability_twice() -> None:
    r = calc(concentration="4.6 million cells/mL", basis="viable")
    assert r.viable_concentration_cells_per_ml == D("4.6e6")
    assert r.volume_to_draw_ml == D("32.6")
    assert r.delivered_dose_cells == D("149.96e6")


def test_viable_basis_still_checks_viability_minimum() -> None:
    r = calc(concentration="4.6 million cells/mL", basis="viable", viability="65")
    assert r.volume_to_draw_ml == D("32.6")
    assert "VIABILITY_BELOW_MINIMUM" in codes(r, "hard")


@pytest.mark.parametrize(
    ("final", "duration", "drop", "rate", "drip"),
    [("1000 mL", "480 min", "15", "125", 31), ("500 mL", "240 min", "20", "125", 42),
     ("90 mL", "60 min", "15", "90", 23), ("100 mL", "45 min", "20", "133.3", 44)],
)
def test_rates(final: str, duration: str, drop: str, rate: str, drip: int) -> None:
    # 1000×15/480 = 31.25 -> 31; 500×20/240 = 41.67 -> 42; 90×15/60 = 22.5 -> 23 (tie up);
    # 100/45×60 = 133.33 mL/h -> 133.3; 100×20/45 = 44.4 -> 44
    r = calc(final_volume=final, duration=duration, drop_factor=drop)
    assert r.infusion_rate_ml_per_h == D(rate)
    assert r.drip_rate_gtt_per_min == drip


def test_final_volume_is_raised_when_cells_exceed_it() -> None:
    # 150e6 / 4.6e6 -> 32.6 mL > 30 mL site final volume: F = 32.6, no diluent
    r = calc(final_volume="30 mL")
    assert r.final_volume_ml == D("32.6")
    assert r.diluent_volume_ml == 0
    assert "FINAL_VOLUME_RAISED" in codes(r, "info")


def test_exact_volume_raises_no_rounding_flag() -> None:
    r = calc(dose="150 million cells", concentration="5 million cells/mL", viability="100")  # 30 mL exactly
    assert r.volume_to_draw_ml == 30
    assert "VOLUME_ROUNDED" not in codes(r)


# --- each flag at and just past its edge ------------------------------------------------------------------


def test_dose_exactly_at_maximum_is_inside_and_just_past_is_blocked() -> None:
    # Cv = 5e6; 300e6 -> 60 mL -> 300e6 (inside); 300.05e6 at 0.01 mL -> 60.01 mL -> 300.05e6 (above)
    at = calc(dose="300 million cells", viability="100", bags="3")
    assert at.delivered_dose_cells == D("300e6") and at.status == "ok"
    past = calc(dose="300.05 million cells", viability="100", bags="4", increment="0.01 mL")
    assert past.delivered_dose_cells == D("300.05e6")
    assert codes(past, "hard") == {"DOSE_ABOVE_RANGE"} and past.status == "blocked"


def test_dose_exactly_at_minimum_is_inside_and_just_below_is_blocked() -> None:
    at = calc(dose="100 million cells", viability="100")  # 20 mL -> 100e6
    assert at.delivered_dose_cells == D("100e6") and at.status == "ok"
    below = calc(dose="99.95 million cells", viability="100", increment="0.01 mL")  # 19.99 mL -> 99.95e6
    assert below.delivered_dose_cells == D("99.95e6")
    assert codes(below, "hard") == {"DOSE_BELOW_RANGE"}


def test_limits_are_checked_on_the_dose_delivered_not_the_target() -> None:
    # Target 300.1e6 is above the maximum, but 300.1e6 / 4.6e6 = 65.239 -> 65.2 mL -> 299.92e6 delivered: inside.
    r = calc(dose="300.1 million cells", bags="4")
    assert r.delivered_dose_cells == D("299.92e6")
    assert "DOSE_ABOVE_RANGE" not in codes(r)
    # Target 90e6 is below: 90e6 / 4.6e6 = 19.565 -> 19.6 mL -> 90.16e6 delivered: below the minimum.
    low = calc(dose="90 million cells")
    assert low.delivered_dose_cells == D("90.16e6")
    assert codes(low, "hard") == {"DOSE_BELOW_RANGE"}
    # (Changed by issue 10 §4: a target of 100e6, 21.739 mL, no longer rounds down to 99.82e6 and blocks;
    # see test_rounding_that_would_leave_the_window_goes_the_other_way.)


def test_viability_edge() -> None:
    assert "VIABILITY_BELOW_MINIMUM" not in codes(calc(viability="70", bags="3"))
    assert codes(calc(viability="69.99", bags="3"), "hard") == {"VIABILITY_BELOW_MINIMUM"}


def test_insufficient_product_edge() -> None:
    # 200e6 at 5e6/mL = 40 mL = 2 × 20 mL: enough; 200.5e6 -> 40.1 mL: not enough
    assert calc(dose="200 million cells", viability="100").status == "ok"
    r = calc(dose="200.5 million cells", viability="100")
    assert r.bags_needed == 3
    assert codes(r, "hard") == {"INSUFFICIENT_PRODUCT"}


@pytest.mark.parametrize(
    ("now", "hard"),
    # thawed 10:00 + 3 h = finish by 13:00; minus the 60 min infusion = start by 12:00 (issue 10 §2)
    [("12:00:00", set()), ("12:00:01", {"INFUSION_ENDS_AFTER_LIMIT"}), ("13:00:00", {"INFUSION_ENDS_AFTER_LIMIT"}),
     ("13:00:01", {"POST_THAW_EXPIRED"})],
)
def test_post_thaw_edge(now: str, hard: set[str]) -> None:
    r = calc(thawed_at="2026-11-25T10:00:00+00:00", now=f"2026-11-25T{now}+00:00")
    assert codes(r, "hard") == hard
    assert r.finish_by.isoformat() == r.administer_before.isoformat() == "2026-11-25T13:00:00+00:00"
    assert r.start_by.isoformat() == "2026-11-25T12:00:00+00:00"


def test_post_thaw_limit_follows_time_zones() -> None:
    # 10:00 UTC is 11:00 in UTC+1: 12:50+01:00 is 11:50 UTC, 110 min after thaw; a 60 min infusion ends at
    # 12:50 UTC, inside the 180 min limit (13:00 UTC). At 13:30+01:00 (12:30 UTC) it would end at 13:30 UTC.
    assert calc(thawed_at="2026-11-25T10:00:00+00:00", now="2026-11-25T12:50:00+01:00").status == "ok"
    late = calc(thawed_at="2026-11-25T10:00:00+00:00", now="2026-11-25T13:30:00+01:00")
    assert codes(late, "hard") == {"INFUSION_ENDS_AFTER_LIMIT"}


@pytest.mark.parametrize(("age", "flagged"), [("14", False), ("60", False), ("13", True), ("61", True),
                                              ("60.5", True)])
def test_age_edge(age: str, flagged: bool) -> None:
    r = calc(age=age)
    # hard: the age window is a hard inclusion criterion of NCT03055078 (issue 11)
    assert ("AGE_OUTSIDE_ELIGIBILITY" in codes(r, "hard")) is flagged
    assert r.status == ("blocked" if flagged else "ok")


def test_missing_age_is_only_noted() -> None:
    r = calc(age=None)
    assert "AGE_NOT_ENTERED" in codes(r, "info") and r.status == "ok"


@pytest.mark.parametrize(("weight", "flagged"), [("30 kg", False), ("29.9 kg", True), ("150 kg", False),
                                                 ("150.1 kg", True)])
def test_weight_edge(weight: str, flagged: bool) -> None:
    assert ("WEIGHT_UNUSUAL" in codes(calc(weight=weight), "soft")) is flagged


def test_volume_that_rounds_to_zero_is_blocked() -> None:
    r = calc(dose="0.2 million cells", viability="100")  # 0.04 mL -> 0 mL
    assert r.volume_to_draw_ml == 0
    assert "VOLUME_ROUNDS_TO_ZERO" in codes(r, "hard")


def test_status_order_hard_beats_soft() -> None:
    r = calc(age="70", viability="50", bags="3")
    assert r.status == "blocked"
    assert r.flags[0].severity == "hard"


def test_steps_show_the_numbers_put_into_each_formula() -> None:
    steps = [str(s) for s in calc().steps]
    assert "Viable concentration: 5 million cells/mL × 92 % ÷ 100 = 4.6 million cells/mL" in steps
    assert "Volume to draw: 32.6087 mL rounded to the nearest 0.1 mL (ties up) = 32.6 mL" in steps
    assert "Dose delivered: 32.6 mL × 4.6 million cells/mL = 149.96 million cells (viable cells)" in steps
    assert all("e+" not in s.lower() and "E" not in s.split(":")[1] for s in steps)


def test_a_rounded_infusion_rate_is_shown_as_rounded() -> None:
    steps = [str(s) for s in calc(duration="45 min").steps]
    assert ("Infusion rate: 100 mL ÷ 45 min × 60 = 133.3333 mL/h, set to the nearest 0.1 mL/h = 133.3 mL/h"
            in steps)


def test_a_weight_not_in_kg_gets_its_exact_conversion_as_a_step() -> None:
    steps = [str(s) for s in calc(weight="150 lb", dose="2 million cells/kg", viability="90").steps]
    assert steps[0] == "Weight: 150 lb = 68.0388555 kg (1 lb = 0.45359237 kg)"
    assert steps[1] == "Target dose: 2 million cells/kg × 68.0388555 kg = 136.0777 million cells"
    assert not any(s.startswith("Weight") for s in map(str, calc().steps))  # entered in kg: no step


def test_administer_before_is_written_as_people_read_it() -> None:
    r = calc(thawed_at="2026-11-25T09:30:00+01:00", now="2026-11-25T10:00:00+01:00")
    steps = [str(s) for s in r.steps]
    assert "Finish by: thawed 2026-11-25 09:30 (UTC+01:00) + 3 h = 2026-11-25 12:30 (UTC+01:00)" in steps
    assert "Start by: finish by 2026-11-25 12:30 (UTC+01:00) − 1 h infusion = 2026-11-25 11:30 (UTC+01:00)" in steps


# --- issue 10 §4: the screen never contradicts the decision ------------------------------------------------


def test_rounding_that_would_leave_the_window_goes_the_other_way() -> None:
    # The reproduction. Cv = 5.42e6 × 0.9 = 4.878e6; Vx = 100e6 / 4.878e6 = 20.5002 mL -> 20.5 mL,
    # which delivers 20.5 × 4.878e6 = 99.999e6 < 100e6. 20.6 mL delivers 100.4868e6: inside, so draw 20.6 mL.
    r = calc(dose="100 million cells", concentration="5.42 million cells/mL", viability="90")
    assert r.volume_to_draw_ml == D("20.6")
    assert r.delivered_dose_cells == D("100.4868e6")
    assert r.status == "ok"
    assert {"VOLUME_ROUNDED_INTO_WINDOW", "VOLUME_ROUNDED"} <= codes(r, "info")
    assert ("Kept inside the window: 20.5 mL would deliver 99.999 million cells, below the protocol minimum of "
            "100 million cells; the nearest measurable volume that stays inside is 20.6 mL") in map(str, r.steps)


def test_rounding_down_into_the_window_at_the_maximum() -> None:
    # Cv = 4.6e6; 299.99e6 / 4.6e6 = 65.21522 mL; at 0.01 mL -> 65.22 mL = 300.012e6 > 300e6; 65.21 mL = 299.966e6
    r = calc(dose="299.99 million cells", bags="4", increment="0.01 mL")
    assert r.volume_to_draw_ml == D("65.21") and r.delivered_dose_cells == D("299.966e6")
    assert r.status == "ok" and "VOLUME_ROUNDED_INTO_WINDOW" in codes(r, "info")


def test_target_100_million_at_the_worked_lot_goes_up_not_below() -> None:
    # 100e6 / 4.6e6 = 21.739 -> 21.7 mL = 99.82e6 (below); 21.8 mL = 100.28e6: inside
    r = calc(dose="100 million cells")
    assert r.volume_to_draw_ml == D("21.8") and r.delivered_dose_cells == D("100.28e6")
    assert codes(r, "hard") == set()


def test_a_target_outside_the_window_is_not_pulled_inside() -> None:
    # 99.999e6 is itself below 100e6: 99.999 / 4.878 = 20.49998 -> 20.5 mL -> 99.999e6 delivered: blocked,
    # and every text says 99.999 million, never "100 million"
    r = calc(dose="99.999 million cells", concentration="5.42 million cells/mL", viability="90")
    assert r.volume_to_draw_ml == D("20.5") and r.delivered_dose_cells == D("99.999e6")
    assert codes(r, "hard") == {"DOSE_BELOW_RANGE"}
    assert r.hard_flags[0].message == ("Dose delivered 99.999 million cells is below the protocol minimum of "
                                       "100 million cells (NCT03055078).")
    assert r.delivered_dose_text == "99.999 million cells"
    from mscdose.core.summary import summary_text

    text = summary_text(r)
    assert "Dose delivered:      99.999 million cells" in text and "Target dose:         99.999 million" in text
    assert "Dose delivered:      100 million" not in text


def test_dose_just_above_the_maximum_reads_above() -> None:
    # 3.000024e6/mL viable × 100 mL = 300.0024e6 > 300e6 (target itself above: no adjustment)
    r = calc(dose="300.0024 million cells", concentration="3.000024 million cells/mL", viability="100",
             bags="5")
    assert r.volume_to_draw_ml == 100 and r.delivered_dose_cells == D("300.0024e6")
    assert r.hard_flags[0].message.startswith("Dose delivered 300.002 million cells is above the protocol maximum")
    assert r.delivered_dose_text == "300.002 million cells"


def test_no_measurable_volume_inside_the_window_blocks() -> None:
    # Cv = 100e6/mL: the window 100-300e6 is 1 to 3 mL; at 4 mL steps only 0, 4, 8 mL can be drawn.
    # 200e6 -> 2 mL -> 2/4 = 0.5 -> tie up -> 4 mL = 400e6 (above); 0 mL delivers nothing: blocked
    r = calc(dose="200 million cells", concentration="100 million cells/mL", viability="100", increment="4 mL")
    # 4 mL is not a measurable step of the site, and 100 million/mL is above the usual lot range (issue 11):
    # those flags join, and the dose delivered is still what blocks.
    assert r.volume_to_draw_ml == 4 and codes(r, "hard") == {"DOSE_ABOVE_RANGE", "INCREMENT_NOT_IN_LIST"}
    assert "VOLUME_ROUNDED_INTO_WINDOW" not in codes(r)
    assert any(str(s).startswith("No measurable volume inside the window: 4 mL would deliver 400 million cells")
               for s in r.steps)


def test_per_kg_cap_also_counts_as_the_window() -> None:
    from .helpers import protocol_file

    # Stemirac-like: 50-200e6 and at most 3.34e6/kg. 60 kg × 3.34e6 = 200.4e6 > 200e6, so the window here is
    # 50-200e6. Target 199.99e6 at Cv 4.6e6: 43.4761 mL -> 43.5 mL = 200.1e6 (above); 43.4 mL = 199.64e6: inside
    r = calc(protocol_file("stemirac_like.toml"), weight="60 kg", dose="199.99 million cells", bags="3")
    assert r.volume_to_draw_ml == D("43.4") and r.status == "ok"


# --- issue 10 §1: an unapproved protocol computes but cannot be final --------------------------------------


def test_an_edited_copy_loaded_by_path_is_not_approved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The reproduction: a copy with total_max = 3000 million cells gives OK for 1,500 million cells today.
    from mscdose.core.paths import resource
    from mscdose.core.protocol import load_protocol

    text = resource("protocols", "nct03055078.toml").read_text(encoding="utf-8")
    copy = tmp_path / "nct03055078.toml"
    copy.write_text(text.replace('total_max = "300 million cells"', 'total_max = "3000 million cells"'))
    p = load_protocol(str(copy))
    assert p.approved is False
    # 1500e6 / 4.6e6 = 326.087 -> 326.1 mL = 1500.06e6: inside the edited window, but not approved
    r = calc(p, dose="1500 million cells", bags="17")
    # 326.1 mL in 60 min is also above the 300 mL/h maximum rate (issue 11); without approval the edited
    # window would still say nothing about the dose: only the approval and the rate block.
    assert codes(r, "hard") == {"PROTOCOL_NOT_APPROVED", "RATE_ABOVE_MAXIMUM"} and r.status == "blocked"
    assert "NOT FOR ADMINISTRATION" in next(f for f in r.hard_flags if f.code == "PROTOCOL_NOT_APPROVED").message
    assert "PROTOCOL_NOT_APPROVED" not in codes(calc())  # the shipped one is approved


# --- issue 10 §2: time of use ------------------------------------------------------------------------------


def test_a_4_h_infusion_started_2_h_55_min_after_thaw_is_blocked() -> None:
    # The reproduction: thaw 10:00, limit 3 h -> finish by 13:00; 4 h infusion -> start by 09:00;
    # now 12:55 + 4 h = 16:55, 3 h 55 min after the limit
    r = calc(duration="4 h", thawed_at="2026-11-25T10:00:00+00:00", now="2026-11-25T12:55:00+00:00")
    assert codes(r, "hard") == {"INFUSION_ENDS_AFTER_LIMIT"}
    message = r.hard_flags[0].message
    assert "An infusion of 4 h started now would end, 3 h 55 min after the post-thaw limit" in message
    assert "finish by 2026-11-25 13:00 (UTC+00:00) (thaw + 3 h (site value))" in message


def test_elapsed_time_in_an_expiry_message_is_readable() -> None:
    # 3630196 min after thaw: "2,520 days 23 h 16 min", never "3630196 min"
    from datetime import datetime, timedelta

    now = datetime.fromisoformat("2026-11-25T10:00:00+00:00")
    thaw = (now - timedelta(minutes=3630196)).isoformat()
    r = calc(thawed_at=thaw, now=now.isoformat())
    assert codes(r, "hard") == {"POST_THAW_EXPIRED"}
    assert r.hard_flags[0].message.startswith("2,520 days 23 h 16 min have passed since thaw; the limit is 3 h")
    assert "3630196" not in r.hard_flags[0].message


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 3000), st.integers(5, 2000), st.sampled_from(["0.01", "0.1", "0.5", "1", "5"]))
def test_a_target_inside_the_window_is_delivered_inside_whenever_some_volume_can(
        target_e5: int, conc_e5: int, increment: str) -> None:
    # target 100-300 million, viable concentration 0.5-200 million/mL (viability 100 %), one of five increments.
    # Either the dose delivered is inside 100-300 million, or no multiple of the increment is: the multiples
    # just below and just above the exact volume are both outside (worked independently here).
    target, conc, step = D(target_e5) * 100_000, D(conc_e5) * 100_000, D(increment)
    r = calc(dose=f"{target / 1_000_000} million cells", concentration=f"{conc / 1_000_000} million cells/mL",
             viability="100", bags="99", bag_volume="100 mL", increment=f"{increment} mL")
    inside = D("100e6") <= r.delivered_dose_cells <= D("300e6")
    exact = target / conc
    below = (exact / step).to_integral_value(rounding="ROUND_FLOOR") * step
    neighbours_inside = [v for v in (below, below + step) if v > 0 and D("100e6") <= v * conc <= D("300e6")]
    assert inside or not neighbours_inside
    assert inside is ("DOSE_BELOW_RANGE" not in codes(r) and "DOSE_ABOVE_RANGE" not in codes(r))
    assert abs(r.volume_to_draw_ml - exact) <= step  # never more than one step from the exact volume
