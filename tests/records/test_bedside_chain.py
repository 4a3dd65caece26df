"""Bedside checks in the record chain (records/bedside.py, issue 13): MATCH and MISMATCH are both kept, a
retry is a new entry, verify covers them, and any change to a kept check fails verify.

The record is the worked example of domain.md (tests/records/helpers.py) for patient AA-014 with the DIN
G1234 98 654321 H (domain.md: check character H), saved without a thaw time: the time of use is not
checked (a note says so), so these results do not depend on the clock.
"""

from __future__ import annotations

import json
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from mscdose.core.bedside import MATCH, MISMATCH, WristbandPattern
from mscdose.records.bedside import bedside_checks, bedside_hash, check_and_log
from mscdose.records.store import RecordStore
from tests.records.helpers import document, drop_append_only_triggers, raw

LABEL = "MSCDOSE1|R=1|P=AA-014|D=G123498654321"
NOW = datetime(2026, 11, 25, 11, 0).astimezone()


@pytest.fixture
def saved(store: RecordStore) -> RecordStore:
    store.save(document("AA-014", din="G123498654321H"))
    return store


def test_match_and_mismatch_are_both_in_the_chain_and_verify(saved: RecordStore) -> None:
    wrong, wrong_entry = check_and_log(saved, "AA-015", LABEL, now=NOW)
    right, right_entry = check_and_log(saved, "AA-014", LABEL, now=NOW)
    assert (wrong.result, right.result) == (MISMATCH, MATCH)
    assert wrong.reasons == ("WRONG PATIENT: the wristband says patient AA-015; this bag is for patient AA-014.",)
    kept = bedside_checks(saved)
    # the retry is a new entry: the MISMATCH stays, first, with its reason
    assert [(e.id, e.record_id, e.result) for e in kept] == [(1, 1, MISMATCH), (2, 1, MATCH)]
    assert kept[0].reasons == wrong.reasons and kept[0].detail["wristband_scan"] == "AA-015"
    # record 1 is ledger entry 1; the two checks follow it in the one chain
    assert (wrong_entry.ledger_seq, right_entry.ledger_seq) == (2, 3)
    report = saved.verify()
    assert report.ok, report.problem
    assert report.entries == 3 and report.head == saved.head()[1]


def test_an_unreadable_label_or_an_unknown_record_is_a_logged_mismatch(saved: RecordStore) -> None:
    unread, _ = check_and_log(saved, "AA-014", "=G12349865432177", now=NOW)  # a product label scanned instead
    unknown, _ = check_and_log(saved, "AA-014", "MSCDOSE1|R=7|P=AA-014|D=G123498654321", now=NOW)
    assert unread.result == unknown.result == MISMATCH
    assert unread.reasons[0].startswith("BAG LABEL NOT READ")
    assert unknown.reasons == ("UNKNOWN RECORD: the bag label names record 7, which is not in this record store. "
                               "Do not give this bag: call the pharmacy.",)
    assert [(e.record_id, e.result) for e in bedside_checks(saved)] == [(None, MISMATCH), (None, MISMATCH)]
    assert saved.verify().ok


def test_a_superseded_record_never_matches(saved: RecordStore) -> None:
    saved.save(document("AA-014", din="G123498654321H"), supersedes=1, correction_reason="viability recounted")
    check, _ = check_and_log(saved, "AA-014", LABEL, now=NOW)
    assert check.result == MISMATCH and check.reasons[0].startswith("RECORD SUPERSEDED")


def test_the_wristband_pattern_strips_the_site_prefix(saved: RecordStore) -> None:
    pattern = WristbandPattern.from_setting("MRN:{id}")
    assert check_and_log(saved, "MRN:AA-014", LABEL, now=NOW, wristband_pattern=pattern)[0].result == MATCH
    assert check_and_log(saved, "AA-014", LABEL, now=NOW, wristband_pattern=pattern)[0].result == MISMATCH


def test_a_product_label_of_another_donation_is_a_mismatch(saved: RecordStore) -> None:
    check, _ = check_and_log(saved, "AA-014", LABEL, now=NOW, product_scan="=G12341765432170")
    assert check.result == MISMATCH
    assert check.reasons == ("WRONG DONATION: the product label says DIN G1234 17 654321 A; the record was prepared "
                             "from DIN G123498654321.",)


def test_kept_checks_cannot_be_changed_through_the_store(saved: RecordStore, store_path: Path) -> None:
    check_and_log(saved, "AA-015", LABEL, now=NOW)
    with closing(raw(store_path)) as conn, pytest.raises(Exception, match="append-only"):
        conn.execute("UPDATE bedside_checks SET result = 'MATCH'")


def _flip_to_match(store_path: Path, entry_id: int, *, rehash: bool) -> None:
    """A tamperer turns a MISMATCH into a MATCH (reasons emptied), optionally recomputing the entry's own hash."""
    drop_append_only_triggers(store_path)
    with closing(raw(store_path)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS bedside_checks_no_update")
        row = conn.execute("SELECT id, record_id, at, result, detail FROM bedside_checks WHERE id = ?",
                           (entry_id,)).fetchone()
        detail = json.loads(row[4])
        detail.update(result="MATCH", reasons=[])
        entry = {"id": row[0], "record_id": row[1], "at": row[2], "result": "MATCH",
                 "detail": json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}
        digest = bedside_hash(entry) if rehash else "0" * 64
        conn.execute("UPDATE bedside_checks SET result = 'MATCH', detail = ?, sha256 = ? WHERE id = ?",
                     (entry["detail"], digest, entry_id))


@pytest.mark.parametrize("rehash", [False, True])
def test_a_tampered_bedside_entry_fails_verify(saved: RecordStore, store_path: Path, rehash: bool) -> None:
    check_and_log(saved, "AA-015", LABEL, now=NOW)
    check_and_log(saved, "AA-014", LABEL, now=NOW)
    saved.close()
    _flip_to_match(store_path, 1, rehash=rehash)
    with RecordStore.open_read_only(store_path) as store:
        report = store.verify()
    assert not report.ok
    if rehash:  # its own hash is consistent again, but the ledger entry still holds the old one
        assert "ledger entry 2 (bedside 1) names a bedside that is not there or was changed" in report.problem
    else:
        assert "bedside check 1 was changed after it was logged" in report.problem


def test_a_deleted_bedside_entry_fails_verify(saved: RecordStore, store_path: Path) -> None:
    check_and_log(saved, "AA-015", LABEL, now=NOW)
    check_and_log(saved, "AA-014", LABEL, now=NOW)
    saved.close()
    with closing(raw(store_path)) as conn:
        conn.execute("DROP TRIGGER bedside_checks_no_delete")
        conn.execute("DELETE FROM bedside_checks WHERE id = 2")
    with RecordStore.open_read_only(store_path) as store:
        report = store.verify()
    assert not report.ok and "bedside check 2 is missing" in report.problem


def test_a_mismatch_whose_reasons_were_emptied_is_refused_even_if_rehashed_everywhere(
        saved: RecordStore, store_path: Path) -> None:
    """Only the result column says MATCH while the detail keeps its reasons: inconsistent, named."""
    check_and_log(saved, "AA-015", LABEL, now=NOW)
    saved.close()
    with closing(raw(store_path)) as conn:
        conn.execute("DROP TRIGGER bedside_checks_no_update")
        row = conn.execute("SELECT id, record_id, at, result, detail FROM bedside_checks").fetchone()
        entry = dict(zip(("id", "record_id", "at", "result", "detail"), row, strict=True), result="MATCH")
        conn.execute("UPDATE bedside_checks SET result = 'MATCH', sha256 = ?", (bedside_hash(entry),))
    with RecordStore.open_read_only(store_path) as store:
        report = store.verify()
    assert not report.ok and "bedside check 1 says MATCH but its reasons say otherwise" in report.problem
