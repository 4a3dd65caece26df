"""The bedside check (core/bedside.py): the right bag and patient say MATCH; anything wrong says MISMATCH
with every reason. The record is the worked example of domain.md saved as record 12 for patient AA-014,
DIN G1234 98 654321 H, to start by 11:30 and finish by 12:30 (UTC+01:00) on 2026-11-25."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from mscdose.core.bedside import MATCH, MISMATCH, WristbandPattern, bedside_check
from mscdose.core.errors import InputError
from mscdose.core.scan import parse_scan
from tests.worked_example import WORKED_TEXTS, build_document

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=CET)
LABEL = "MSCDOSE1|R=12|P=AA-014|D=G123498654321"


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    document = build_document({**WORKED_TEXTS, "din": "G123498654321H"}, patient_id="AA-014",
                              patient_name="Jane Example", prepared_by="JS")
    document.update(start_by="2026-11-25T11:30:00+01:00", finish_by="2026-11-25T12:30:00+01:00",
                    product_code="S1234A00")
    return document


def check(record: dict[str, Any], wristband: str = "AA-014", label: str = LABEL, **options: Any):
    options.setdefault("superseded", False)
    options.setdefault("now", NOW)
    return bedside_check(wristband, label, record, record_id=12, **options)


def test_the_right_bag_for_the_right_patient_in_time_matches(record: dict[str, Any]) -> None:
    result = check(record, "AA-014\r\n", LABEL + "\r\n")
    assert result.result == MATCH and result.matched and result.reasons == () and result.notes == ()
    assert result.headline.startswith("MATCH")
    data = result.as_dict()
    assert data["result"] == "MATCH" and data["record_id"] == "12" and data["checked_at"] == "2026-11-25T11:00:00+01:00"


@pytest.mark.parametrize("wristband", ["aa 014", "ＡＡ－０１４", "AA\u200b014", "AA\u2013014"])
def test_ids_are_compared_in_canonical_form(record: dict[str, Any], wristband: str) -> None:
    assert check(record, wristband).result == MATCH


def test_the_wrong_patient(record: dict[str, Any]) -> None:
    result = check(record, "AA-015")
    assert result.result == MISMATCH and not result.matched
    assert result.reasons == ("WRONG PATIENT: the wristband says patient AA-015; this bag is for patient AA-014.",)
    assert result.headline.startswith("MISMATCH – DO NOT GIVE")


def test_a_label_of_another_record_patient_and_donation_gives_every_reason(record: dict[str, Any]) -> None:
    result = check(record, "AA-015", "MSCDOSE1|R=13|P=AA-015|D=G123417654321")
    assert [r.split(":")[0] for r in result.reasons] == [
        "WRONG PATIENT", "WRONG RECORD", "WRONG PATIENT ON LABEL", "WRONG DONATION"]
    assert "DIN G123417654321" in result.reasons[3] and "DIN G123498654321" in result.reasons[3]


def test_a_superseded_record(record: dict[str, Any]) -> None:
    result = check(record, superseded=True)
    assert result.result == MISMATCH and result.reasons[0].startswith("RECORD SUPERSEDED: record 12")


def test_outside_start_by_and_finish_by(record: dict[str, Any]) -> None:
    assert check(record, now=datetime(2026, 11, 25, 11, 30, tzinfo=CET)).result == MATCH  # at start by: still in time
    late = check(record, now=datetime(2026, 11, 25, 11, 31, tzinfo=CET))
    assert [r.split(":")[0] for r in late.reasons] == ["TOO LATE TO START"]
    assert "start by 2026-11-25 11:30 (UTC+01:00)" in late.reasons[0]
    past = check(record, now=datetime(2026, 11, 25, 11, 31, tzinfo=UTC))  # 12:31 at UTC+01:00
    assert [r.split(":")[0] for r in past.reasons] == ["TOO LATE TO START", "PAST FINISH BY"]


def test_an_old_record_without_times_matches_with_a_note(record: dict[str, Any]) -> None:
    old = {k: v for k, v in record.items() if k not in ("start_by", "finish_by", "administer_before")}
    result = check(old)
    assert result.result == MATCH and "time since thaw was not checked" in result.notes[0]
    old["administer_before"] = "2026-11-25T10:00:00+01:00"  # the post-thaw deadline saved by older versions
    assert check(old).reasons[0].startswith("PAST FINISH BY")


def test_unreadable_scans_are_a_mismatch_not_an_error(record: dict[str, Any]) -> None:
    result = check(record, "", "=G12349865432177")
    assert result.result == MISMATCH
    assert result.reasons[0].startswith("WRISTBAND NOT READ: Wristband: nothing was scanned")
    assert result.reasons[1].startswith("BAG LABEL NOT READ") and "not an mscdose bag label" in result.reasons[1]
    assert result.label is None and result.wristband_patient_id is None


def test_a_blocked_record_never_matches(record: dict[str, Any]) -> None:
    blocked = {**record, "status": "blocked"}
    assert check(blocked).reasons[0].startswith("RECORD BLOCKED")


def test_the_product_label_when_it_is_scanned_too(record: dict[str, Any]) -> None:
    assert check(record, product_scan=parse_scan("=G12349865432177=<S1234A00")).result == MATCH
    wrong = check(record, product_scan=parse_scan("=G12341765432170=<S9999A00"))
    assert [r.split(":")[0] for r in wrong.reasons] == ["WRONG DONATION", "WRONG PRODUCT"]


def test_the_wristband_pattern_site_setting(record: dict[str, Any]) -> None:
    pattern = WristbandPattern.from_setting("MRN:{id}^H01")
    assert pattern.patient_id("mrn:AA-014^h01") == "AA-014"
    assert check(record, "MRN:AA-014^H01", wristband_pattern=pattern).result == MATCH
    plain_scan = check(record, "AA-014", wristband_pattern=pattern)
    assert plain_scan.reasons[0].startswith("WRISTBAND NOT READ") and "MRN:{id}^H01" in plain_scan.reasons[0]
    assert WristbandPattern.from_setting(None) == WristbandPattern() == WristbandPattern.from_setting(" {id} ")
    for bad in ("MRN:", "{id}{id}"):
        with pytest.raises(InputError) as caught:
            WristbandPattern.from_setting(bad)
        assert caught.value.field == "wristband_pattern"


def test_a_bag_label_scanned_into_the_wristband_field(record: dict[str, Any]) -> None:
    result = check(record, LABEL)
    assert "is a bag or product label, not a wristband" in result.reasons[0]


def test_a_naive_now_is_local_time(record: dict[str, Any]) -> None:
    local_now = datetime(2026, 11, 25, 11, 0, tzinfo=CET).astimezone().replace(tzinfo=None)
    assert check(record, now=local_now).result == MATCH


def test_an_unresolved_check_is_always_a_mismatch_with_a_reason() -> None:
    from mscdose.core.bedside import unresolved_check

    # issue 13 wiring: a readable label with no further reason given still says why it is a MISMATCH
    check = unresolved_check("AA-014", LABEL, "", now=NOW)
    assert check.result == MISMATCH and check.reasons[0].startswith("NO RECORD TO COMPARE")
    unreadable = unresolved_check("AA-014", "=G12349865432177", "", now=NOW, product_scan="=G1234")
    assert [r.split(":")[0] for r in unreadable.reasons] == ["BAG LABEL NOT READ", "PRODUCT LABEL NOT READ"]
