"""The shipped reference cases pass, they are the one file of `mscdose validate` format, and they can fail."""

import csv

from mscdose.core.paths import resource
from mscdose.core.selftest import REFERENCE_CASES, reference_report, run_selftest
from mscdose.core.validation import Difference, check_row


def _rows() -> list[dict[str, str]]:
    text = resource(REFERENCE_CASES).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


def test_every_reference_case_passes() -> None:
    lines: list[str] = []
    assert run_selftest(lines.append) == 0
    count = len(_rows())
    assert count >= 20
    assert lines[-1] == f"{count} of {count} reference cases passed"


def test_every_reference_case_carries_its_hand_working_or_reason() -> None:
    for row in _rows():
        assert row["case"].strip() and row["note"].strip(), row["case"]


def test_the_worked_example_expects_the_numbers_of_domain_md() -> None:
    # domain.md: Cv 4.6 million/mL, V 32.6 mL, Dd 149.96 million, 2 bags, diluent 67.4 mL, 100 mL/h, 33 gtt/min
    row = next(r for r in _rows() if r["case"] == "domain.md worked example")
    assert (row["expected_volume_to_draw_ml"], row["expected_delivered_dose_cells"], row["expected_bags_needed"],
            row["expected_diluent_volume_ml"], row["expected_drip_rate_gtt_per_min"]) == (
        "32.6", "149960000", "2", "67.4", "33")


def test_a_wrong_expectation_in_a_reference_row_is_reported() -> None:
    row = {**_rows()[0], "expected_volume_to_draw_ml": "32.7"}
    assert check_row(2, row).differences == (Difference("volume_to_draw_ml", "32.7", "32.6"),)


def test_the_report_covers_every_row_of_the_file() -> None:
    report = reference_report()
    assert report.ok and len(report.rows) == len(_rows()) and len(report.sha256) == 64
