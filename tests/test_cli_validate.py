"""`mscdose validate CASES.csv [--json]`: exit 0 all matched, 1 a difference (named), 2 an unusable file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mscdose.cli import main

CASES = ("case,weight,dose,concentration,viability,bag_volume,bags,age,expected_volume_to_draw_ml,expected_flags\n"
         "worked,62 kg,150 million cells,5 million cells/mL,92 %,20 mL,2,30,{volume},\n")


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], volume: str, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "cases.csv"
    path.write_text(CASES.format(volume=volume), encoding="utf-8")
    code = main(["validate", str(path), *extra])
    out = capsys.readouterr()
    return int(code), out.out, out.err


def test_all_matching_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, "32.6")
    assert code == 0 and "1 of 1 rows passed" in out and "SHA-256" in out


def test_a_difference_exits_1_and_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, "32.5")
    assert code == 1
    assert "FAIL  line 2: worked" in out and "volume_to_draw_ml: expected 32.5, got 32.6" in out


def test_json_names_every_difference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(tmp_path, capsys, "32.5", "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and data["failed"] == 1
    assert data["cases"][0]["differences"] == [{"output": "volume_to_draw_ml", "expected": "32.5", "actual": "32.6"}]


def test_unusable_file_exits_2_saying_nothing_was_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(tmp_path / "missing.csv"), "--json"])
    error = json.loads(capsys.readouterr().out)["error"]
    assert code == 2 and error["field"] == "cases" and "Nothing was checked" in error["message"]


def test_the_shipped_reference_cases_validate(capsys: pytest.CaptureFixture[str]) -> None:
    reference = Path(__file__).resolve().parents[1] / "resources" / "reference_cases.csv"
    assert main(["validate", str(reference)]) == 0
    assert capsys.readouterr().out.count("ok    line") >= 20
