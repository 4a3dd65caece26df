"""Time of use, not time of typing (issue 10 §2): the same check again at finalising and at every print."""

from __future__ import annotations

from datetime import datetime

from mscdose.core.document import record_document
from mscdose.core.time_of_use import time_of_use_flags

from .helpers import calc

THAW = "2026-11-25T10:00:00+00:00"  # + 3 h = finish by 13:00; − 60 min infusion = start by 12:00


def at(clock: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-25T{clock}+00:00")


def test_a_calculation_ok_when_typed_is_blocked_when_finalised_too_late() -> None:
    # The reproduction: OK at typing (11:59:45, 15 s before start by), finalised 25 s later at 12:00:10
    r = calc(thawed_at=THAW, now="2026-11-25T11:59:45+00:00")
    assert r.status == "ok"
    assert time_of_use_flags(r, at("12:00:00")) == []
    assert [f.code for f in time_of_use_flags(r, at("12:00:10"))] == ["INFUSION_ENDS_AFTER_LIMIT"]
    assert [f.code for f in time_of_use_flags(r, at("13:00:01"))] == ["POST_THAW_EXPIRED"]


def test_the_saved_document_is_checked_the_same_way_at_print() -> None:
    doc = record_document(calc(thawed_at=THAW, now="2026-11-25T11:00:00+00:00"), patient_id="P-1")
    assert (doc["start_by"], doc["finish_by"]) == ("2026-11-25T12:00:00+00:00", "2026-11-25T13:00:00+00:00")
    assert doc["administer_before"] == doc["finish_by"]
    assert time_of_use_flags(doc, at("11:59:59")) == []
    (flag,) = time_of_use_flags(doc, at("12:30:00"))
    assert flag.code == "INFUSION_ENDS_AFTER_LIMIT" and flag.severity == "hard"
    assert "An infusion of 1 h started now would end, 30 min after the post-thaw limit" in flag.message
    # the next day: expired, written in days and hours
    (flag,) = time_of_use_flags(doc, datetime.fromisoformat("2026-11-27T14:00:00+00:00"))
    assert flag.message.startswith("2 days 4 h have passed since thaw; the limit is 3 h (site value).")


def test_an_old_document_without_start_by_or_settings_is_still_checked() -> None:
    doc = record_document(calc(thawed_at=THAW, now="2026-11-25T11:00:00+00:00"), patient_id="P-1")
    for key in ("start_by", "finish_by", "protocol_settings"):
        del doc[key]
    # from administer_before 13:00 and duration 60 min: start by 12:00
    assert time_of_use_flags(doc, at("12:00:00")) == []
    assert [f.code for f in time_of_use_flags(doc, at("12:00:01"))] == ["INFUSION_ENDS_AFTER_LIMIT"]


def test_without_a_thaw_time_there_is_nothing_to_check() -> None:
    r = calc()
    assert r.start_by is None and r.finish_by is None
    assert time_of_use_flags(r, at("12:00:00")) == []
    assert time_of_use_flags(record_document(r, patient_id="P-1"), at("12:00:00")) == []
