"""`mscdose validate` cases: every differing output named, the file's own mistakes refused by name.

Expected values below are worked by hand from domain.md: the worked example (62 kg, 150 million cells,
5 million cells/mL at 92 %, two 20 mL bags) draws 32.6 mL (Vx 32.6087), delivers 149.96 million cells,
needs 2 bags, 67.4 mL diluent, 33 gtt/min.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mscdose.core.request import FIELDS
from mscdose.core.validation import CaseFileError, Difference, check_row, read_rows, validate_file, validate_text

HEADER = "case,weight,dose,concentration,viability,bag_volume,bags,age"
WORKED = "62 kg,150 million cells,5 million cells/mL,92 %,20 mL,2,30"


def one(columns: str, cells: str) -> list:
    return validate_text(f"{HEADER},{columns}\nworked,{WORKED},{cells}\n").rows


def test_matching_row_passes_and_counts_its_checks() -> None:
    rows = one("expected_volume_to_draw_ml,expected_delivered_dose_cells,expected_bags_needed,expected_status",
               "32.6,149960000,2,ok")
    assert rows[0].passed and rows[0].checked == 4 and rows[0].line == 2


def test_every_differing_output_of_a_row_is_reported() -> None:
    rows = one("expected_volume_to_draw_ml,expected_bags_needed,expected_diluent_volume_ml,expected_status",
               "32.7,3,67.4,ok")
    assert rows[0].differences == (Difference("volume_to_draw_ml", "32.7", "32.6"),
                                   Difference("bags_needed", "3", "2"))


def test_number_compared_at_the_precision_written_half_up() -> None:
    # Vx = 150e6 / 4.6e6 = 32.608695...: 32.61 to two decimals (half up), 32.6087 to four; 32.60 is wrong
    assert one("expected_volume_exact_ml", "32.61")[0].passed
    assert one("expected_volume_exact_ml", "32.6087")[0].passed
    assert not one("expected_volume_exact_ml", "32.60")[0].passed
    assert not one("expected_volume_exact_ml", "33")[0].passed


def test_empty_flags_cell_means_no_flag_so_a_new_flag_is_caught() -> None:
    # 28 kg is below the protocol's usual weight (30 kg): WEIGHT_UNUSUAL is raised (soft)
    text = f"{HEADER},expected_volume_to_draw_ml,expected_flags\nlight,28 kg,150 million cells,5 million cells/mL," \
           "92 %,20 mL,2,30,32.6,\n"
    row = validate_text(text).rows[0]
    assert row.differences == (Difference("flags", "", "WEIGHT_UNUSUAL"),)


def test_expected_flags_any_separator_any_order() -> None:
    text = (f"{HEADER},increment,expected_flags\nnone measurable,62 kg,200 million cells,100 million cells/mL,100,"
            "20 mL,1,30,4 mL,\"INCREMENT_NOT_IN_LIST; DOSE_ABOVE_RANGE, CONCENTRATION_UNUSUAL\"\n")
    assert validate_text(text).rows[0].passed


def test_refused_inputs_fail_unless_refusal_is_expected() -> None:
    text = f"{HEADER},expected_status\nbare dose,62 kg,150,5 million cells/mL,92 %,20 mL,2,30,{{}}\n"
    assert validate_text(text.format("refused")).rows[0].passed
    differences = validate_text(text.format("ok")).rows[0].differences
    assert len(differences) == 1 and differences[0].output == "inputs" and "dose" in differences[0].actual


def test_option_spellings_are_accepted_as_columns() -> None:
    text = "--weight,dose,concentration,viability,bag-volume,--bags,expected_bags_needed\n" \
           "62 kg,150 million cells,5 million cells/mL,92,20 mL,2,2\n"
    assert validate_text(text).rows[0].passed


@pytest.mark.parametrize(("text", "words"), [
    (f"{HEADER},expected_volume_to_draw\nx,{WORKED},32.6\n", "'expected_volume_to_draw' is not a validation column"),
    (f"{HEADER},wieght,expected_status\nx,{WORKED},62 kg,ok\n", "'wieght'"),
    (f"{HEADER}\nx,{WORKED}\n", "no expected_* column"),
    (f"{HEADER},expected_status\n", "no case rows"),
    ("", "empty"),
    (f"{HEADER},expected_status\nx,{WORKED},ok,extra\n", "line 2 has 10 cells"),
    (f"{HEADER},weight,expected_status\nx,{WORKED},1 kg,ok\n", "'weight' appears more than once"),
])
def test_unusable_files_are_refused_by_name(text: str, words: str) -> None:
    with pytest.raises(CaseFileError, match=None) as caught:
        validate_text(text)
    assert words in str(caught.value)


def test_a_row_that_checks_nothing_fails() -> None:
    rows = one("expected_volume_to_draw_ml", "")
    assert not rows[0].passed and rows[0].differences[0].output == "row"


def test_an_unknown_protocol_fails_its_row_only() -> None:
    text = f"{HEADER},protocol,expected_status\nbad,{WORKED},NOPE,ok\ngood,{WORKED},,ok\n"
    rows = validate_text(text).rows
    assert [r.passed for r in rows] == [False, True] and rows[0].differences[0].output == "protocol"


def test_an_engine_error_fails_the_row_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import mscdose.core.engine as engine

    calls = iter([RuntimeError("boom")])

    def compute(*args: object) -> object:
        error = next(calls, None)
        if error:
            raise error
        return real(*args)

    real = engine.compute
    monkeypatch.setattr(engine, "compute", compute)
    rows = validate_text(f"{HEADER},expected_status\na,{WORKED},ok\nb,{WORKED},ok\n").rows
    assert [r.passed for r in rows] == [False, True]
    assert rows[0].differences[0] == Difference("engine", "a result", "RuntimeError: boom")


def test_blank_lines_skipped_and_line_numbers_are_the_files(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(f"\ufeff{HEADER},expected_bags_needed\n\na,{WORKED},3\n".encode())
    report = validate_file(path)
    assert [r.line for r in report.rows] == [3] and not report.ok
    assert report.as_dict()["failed"] == 1 and report.as_dict()["cases"][0]["differences"][0]["output"] == "bags_needed"


def test_rows_are_read_lazily() -> None:
    rows = read_rows(f"{HEADER},expected_status\n" + f"x,{WORKED},ok\n" * 3)
    assert next(rows)[0] == 2  # a generator: a 10,000-row file is never held as results all at once


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(f"{HEADER},expected_status\n".encode() + b"\xff\xfe,1\n")
    with pytest.raises(CaseFileError, match="not UTF-8"):
        validate_file(path)


def test_check_row_alone() -> None:
    row = dict(zip(HEADER.split(","), ["w", *WORKED.split(",")], strict=True)) | {"expected_status": "ok"}
    assert check_row(5, row).passed


def test_outputs_compared_are_exactly_those_of_calc_json() -> None:
    """validate reads the outputs without building the whole result_dict: they must never drift apart."""
    from mscdose.core.engine import compute
    from mscdose.core.protocol import load_protocol
    from mscdose.core.request import read_request
    from mscdose.core.selftest import REFERENCE_CASES
    from mscdose.core.serialize import result_dict
    from mscdose.core.validation import OUTPUTS, output_values

    text = resource_text(REFERENCE_CASES)
    compared = 0
    for _, row in read_rows(text):
        request, errors = read_request({k: v or None for k, v in row.items() if k in FIELDS})
        if errors:
            continue
        result = compute(request, load_protocol())
        expected = {key: value for key, value in result_dict(result).items() if key in OUTPUTS and key != "flags"}
        assert output_values(result) == expected
        compared += 1
    assert compared >= 18


def resource_text(name: str) -> str:
    from mscdose.core.paths import resource

    return resource(name).read_bytes().decode("utf-8-sig")
