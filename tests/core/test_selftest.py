"""The shipped reference cases pass, and the checker itself can fail."""

from mscdose.core.selftest import check_case, load_cases, run_selftest


def test_every_reference_case_passes() -> None:
    lines: list[str] = []
    assert run_selftest(lines.append) == 0
    assert lines[-1] == f"{len(load_cases())} of {len(load_cases())} reference cases passed"


def test_a_wrong_expectation_is_reported() -> None:
    case = dict(load_cases()[0])
    case["expected"] = {"volume_to_draw_ml": "32.7"}
    assert check_case(case) == ["volume_to_draw_ml: expected 32.7, got 32.6"]
