"""Only approved protocol files decide a final dose (issue 10 §1), through `mscdose calc` and `mscdose protocol`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.core.paths import resource

WORKED = ["--weight", "62 kg", "--concentration", "5 million cells/mL", "--viability", "92 %",
          "--bag-volume", "20 mL", "--bags", "20", "--age", "30", "--json"]
SHIPPED = resource("protocols", "nct03055078.toml").read_text(encoding="utf-8")


def calc(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["calc", *WORKED, *args])
    return code, json.loads(capsys.readouterr().out)


def test_an_edited_copy_under_the_shipped_id_and_version_is_refused_naming_both_hashes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The reproduction: a copy with total_max = 3000 million cells gave OK for 1,500 million cells."""
    copy = tmp_path / "nct03055078.toml"
    copy.write_text(SHIPPED.replace('total_max = "300 million cells"', 'total_max = "3000 million cells"'))
    code, out = calc(capsys, "--dose", "1500 million cells", "--protocol", str(copy))
    assert code == 2
    assert out["error"]["field"] == "protocol" and "differs from the approved file" in out["error"]["message"]


def test_a_site_protocol_counts_only_once_approved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SHIPPED.replace('id = "NCT03055078"', 'id = "SITE-001"'))
    code, out = calc(capsys, "--dose", "150 million cells", "--protocol", str(site))
    assert code == 3 and "PROTOCOL_NOT_APPROVED" in {f["code"] for f in out["flags"]}
    assert main(["protocol", "check", str(site)]) == 0
    assert "NOT APPROVED" in capsys.readouterr().out
    assert main(["protocol", "approve", str(site), "--by", "JS", "--reason", "ok"]) == 2  # a reason of 1 word
    capsys.readouterr()
    assert main(["protocol", "approve", str(site), "--by", "JS", "--reason", "approved by the ethics committee"]) == 0
    capsys.readouterr()
    code, out = calc(capsys, "--dose", "150 million cells", "--protocol", str(site))
    assert code == 0 and out["status"] == "ok"
    code, out = calc(capsys, "--dose", "150 million cells", "--protocol", "SITE-001")  # by id, from the copy kept
    assert code == 0 and out["protocol"]["id"] == "SITE-001"
    assert main(["protocol", "list"]) == 0
    listed = capsys.readouterr().out
    assert "SITE-001 v1.0" in listed and "NCT03055078 v1.0" in listed
    # the approved file edited afterwards: same id and version, other bytes
    site.write_text(site.read_text().replace('total_max = "300 million cells"', 'total_max = "400 million cells"'))
    code, out = calc(capsys, "--dose", "150 million cells", "--protocol", str(site))
    assert code == 2 and "differs from the approved file" in out["error"]["message"]


def test_a_site_protocol_cannot_take_a_shipped_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twin = tmp_path / "twin.toml"
    twin.write_text(SHIPPED.replace('version = "1.0"', 'version = "2.0"'))
    assert main(["protocol", "approve", str(twin), "--by", "JS", "--reason", "approved by the ethics committee"]) == 2
    assert "One id names one protocol" in capsys.readouterr().err


def test_implausible_limits_are_refused_at_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`post_thaw_limit = "1e9 years"` crashed every calculation with a thaw time; 10 % minimum viability."""
    bad = tmp_path / "bad.toml"
    bad.write_text(SHIPPED.replace('id = "NCT03055078"', 'id = "SITE-002"').replace('"70 %"', '"10 %"'))
    code, out = calc(capsys, "--dose", "150 million cells", "--protocol", str(bad))
    assert code == 2 and "min_viability" in out["error"]["message"]
