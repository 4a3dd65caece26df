"""`mscdose calc --scan` with the published ISBT 128 examples (issue 13), in process through `cli.main`.

Published examples (see tests/core/test_scan.py for the sources and the hand-worked check characters):
- ICCBBA ST-012 section 6.2 "Data Matrix symbol 1": DIN Z5499 17 123456 (check P: 1567 mod 37 = 13,
  38 - 13 = 25 -> P) with flags 00, product code T0416003 (T: tissue, not a cellular therapy product), expiry
  &>0183652359 = 2018-12-31 23:59 (domain.md).
- ICCBBA ST-017 section 4.3.1: DIN A9999 17 123456 (check 9) and the expiry date =>019031 = 2019, day 31 =
  31 January 2019, no time -> 23:59.
"""

from __future__ import annotations

import json

import pytest

from mscdose.cli import main

WORKED = ["--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
          "--viability", "92 %", "--bag-volume", "20 mL", "--bags", "2", "--age", "30", "--now", "2026-12-01T09:00"]
ST012_SYMBOL_1 = ("=+05000=Z54991712345600=%T300=<T0416003&>0183652359"
                  "&,4PL001499Z549917123456A00T041600320181231")
ST017_COMPOUND = "=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031"


def calc_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["calc", *WORKED, "--json", *args])
    return int(code), json.loads(capsys.readouterr().out)


def test_st012_symbol_through_calc(capsys: pytest.CaptureFixture[str]) -> None:
    code, result = calc_json(capsys, "--scan", ST012_SYMBOL_1)
    assert code == 3 and result["status"] == "blocked"
    inputs = result["inputs"]
    assert inputs["din"] == "Z5499 17 123456 P"
    assert inputs["product_code"] == result["product_code"] == "T0416003"
    assert inputs["expires_at"].startswith("2018-12-31T23:59")
    assert inputs["sources"] == {"din": "scan", "product_code": "scan", "expires_at": "scan"}
    assert inputs["scans"][0]["source"] == "scan" and inputs["scans"][0]["din_check_verified"] is False
    hard = sorted(f["code"] for f in result["flags"] if f["severity"] == "hard")
    assert hard == ["PRODUCT_EXPIRED", "PRODUCT_NOT_IN_PROTOCOL"]


def test_st017_compound_message_through_calc(capsys: pytest.CaptureFixture[str]) -> None:
    code, result = calc_json(capsys, "--scan", ST017_COMPOUND)
    assert code == 3
    assert result["inputs"]["din"] == "A9999 17 123456 9"
    assert result["inputs"]["expires_at"].startswith("2019-01-31T23:59")
    expired = [f for f in result["flags"] if f["code"] == "PRODUCT_EXPIRED"]
    assert len(expired) == 1 and "date only: 23:59" in expired[0]["message"]


def test_a_good_scan_repeated_for_two_bags_is_ok(capsys: pytest.CaptureFixture[str]) -> None:
    good = "=G12349865432177=<S1234A00&>0263651800"
    code, result = calc_json(capsys, "--scan", good, "--scan", "=G12349865432177")
    assert code == 0 and result["status"] == "ok"
    assert len(result["inputs"]["scans"]) == 2
    assert [f["code"] for f in result["flags"] if f["code"].startswith(("PRODUCT", "BAG"))] == \
        ["PRODUCT_CODE_NOT_LISTED"]


def test_two_donations_through_calc_are_blocked(capsys: pytest.CaptureFixture[str]) -> None:
    code, result = calc_json(capsys, "--scan", "=G12349865432177", "--scan", "=G12341765432170")
    assert code == 3
    assert [f["code"] for f in result["flags"] if f["severity"] == "hard"] == ["BAG_DIN_MISMATCH"]


@pytest.mark.parametrize(("scan", "words"), [
    ("=G1234986543", "cut short"),
    ("=G12349865432178", "fails its check"),
    ("&>0233660000", "impossible"),       # 2023 has 365 days
    ("&>0243652400", "impossible"),       # 24:00 is not on a clock
    ("=#ZZ", "cut short"),
    ("=~12345", "not an ISBT 128 data identifier"),
])
def test_bad_scans_are_refused_with_the_reason(capsys: pytest.CaptureFixture[str], scan: str, words: str) -> None:
    code, result = calc_json(capsys, "--scan", scan)
    assert code == 2
    assert result["error"]["field"] == "scan" and words in result["error"]["message"]


def test_a_typed_din_against_the_scan_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, result = calc_json(capsys, "--din", "G1234 17 654321 A", "--scan", "=G12349865432177")
    assert code == 2 and result["error"]["field"] == "din"
    assert "G1234 17 654321 A" in result["error"]["message"] and "G1234 98 654321 H" in result["error"]["message"]
