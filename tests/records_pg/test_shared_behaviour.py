"""The store's behaviour, asked of both back ends (SQLite and PostgreSQL) with the same tests and the same
expected values: the service layer must not be able to tell them apart.

Expected values are worked out from docs/audit.md's hash rules with json and hashlib here, not read back
from the store: the first record's previous hash is 64 zeros, the ledger entry of record 1 is seq 1, and so on.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

import pytest

from mscdose.core.bedside import MATCH, MISMATCH
from mscdose.records import users
from mscdose.records.bedside import bedside_checks, check_and_log
from mscdose.records.errors import InfusionLimitReached, StoreError
from mscdose.records.passwords import hash_password
from mscdose.records.same_lot import same_day_same_lot
from tests.records.helpers import document

ZEROS = "0" * 64


def sha(content: dict[str, Any]) -> str:
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_saved_record_has_the_documented_hash_and_ledger_entry(any_store: Any) -> None:
    saved = any_store.save(document("MRN-123", lot_number="L-7"))
    stored_document = json.dumps(saved.document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    header = {"id": 1, "created_at": saved.created_at.isoformat(timespec="microseconds"),
              "app_version": saved.app_version, "protocol_id": "NCT03055078",
              "protocol_version": saved.protocol_version, "protocol_sha256": saved.protocol_sha256,
              "patient_id": "MRN-123", "patient_name": "", "prepared_by": "AB", "checked_by": "",
              "status": "ok", "supersedes": None, "correction_reason": ""}
    expected = sha({**header, "document_sha256": hashlib.sha256(stored_document.encode()).hexdigest(),
                    "prev_sha256": ZEROS})
    assert (saved.id, saved.prev_sha256, saved.sha256) == (1, ZEROS, expected)
    assert saved.chain_head == sha({"seq": 1, "kind": "record", "ref": 1, "item_sha256": expected,
                                    "prev_sha256": ZEROS})
    again = any_store.get(1)
    assert (again.sha256, again.created_at, again.document, again.printed) == (expected, saved.created_at,
                                                                               saved.document, False)


def test_records_chain_in_order_and_history_finds_a_patient_by_canonical_key(any_store: Any) -> None:
    first = any_store.save(document("MRN-123"))
    second = any_store.save(document("P2"))
    third = any_store.save(document("mrn 123"))
    assert (second.prev_sha256, third.prev_sha256) == (first.sha256, second.sha256)
    assert [r.id for r in any_store.history("ＭＲＮ１２３")] == [1, 3]
    assert [r.id for r in any_store.history()] == [1, 2, 3]
    assert any_store.count() == 3


def test_the_infusion_limit_refuses_a_second_first_infusion_but_takes_a_correction(any_store: Any) -> None:
    any_store.save(document("P1"), infusion_limit=1)
    with pytest.raises(InfusionLimitReached) as refused:
        any_store.save(document("p-1"), infusion_limit=1)
    assert refused.value.earlier == (1,)
    corrected = any_store.save(document("P1"), infusion_limit=1, supersedes=1, correction_reason="weight was wrong")
    assert (corrected.id, corrected.supersedes) == (2, 1)
    assert any_store.get(1).superseded_by == 2
    assert [r.id for r in any_store.earlier_infusions("P1")] == [2]
    with pytest.raises(StoreError, match="already corrected by record 2"):
        any_store.save(document("P1"), supersedes=1, correction_reason="again")
    assert any_store.count() == 2


def test_print_events_and_approvals_are_chained_and_verify(any_store: Any) -> None:
    any_store.save(document("P1"))
    any_store.mark_printed(1, False, "printer jammed")
    assert any_store.get(1).printed is False
    any_store.mark_printed(1, True, "worksheet")
    assert any_store.get(1).printed is True
    assert [(e.id, e.ok, e.detail) for e in any_store.print_events(1)] == [(1, False, "printer jammed"),
                                                                            (2, True, "worksheet")]
    approval = any_store.approve_protocol("a" * 64, "SITE-1", "2", "JS", "approved by committee")
    assert any_store.approve_protocol("a" * 64, "site 1", "2", "JS", "again") == approval  # same file: idempotent
    with pytest.raises(StoreError, match="already approved"):
        any_store.approve_protocol("b" * 64, "SITE-1", "2", "JS", "changed file")
    report = any_store.verify()
    assert (report.ok, report.count, report.print_events, report.approvals, report.entries) == (True, 1, 2, 1, 4)
    assert report.head == any_store.head()[1]


def test_an_anchor_taken_earlier_still_matches_and_a_wrong_one_fails(any_store: Any) -> None:
    any_store.save(document("P1"))
    anchor = any_store.anchor_line()
    any_store.save(document("P2"))
    assert any_store.verify(anchor).ok
    entries = anchor.split("entries=")[1].split()[0]
    wrong = f"mscdose-anchor v1 entries={entries} head={'f' * 64} at=x"
    report = any_store.verify(wrong)
    assert not report.ok and "does not match" in report.problem


def test_a_printed_worksheet_is_checked_against_the_store(any_store: Any) -> None:
    saved = any_store.save(document("P1"))
    assert any_store.verify_printed(1, saved.sha256[:12], saved.chain_head[:12]).ok
    assert not any_store.verify_printed(1, saved.sha256[:12], "0123456789ab").ok


def test_users_and_signatures_live_in_the_same_chain(any_store: Any) -> None:
    any_store.save(document("P1", prepared_by="JS"))
    users.add_user(any_store, "jsmith", "Jane Smith", "JS", "admin", hash_password("correct horse 12"), by="")
    users.add_user(any_store, "bjones", "Bob Jones", "BJ", "checker", hash_password("battery staple 34"),
                   by="jsmith")
    users.add_signature(any_store, 1, "prepared", "jsmith", "JS")
    with pytest.raises(StoreError, match="prepared by the same person"):
        users.add_signature(any_store, 1, "checked", "jsmith", "JS")
    users.add_signature(any_store, 1, "checked", "bjones", "BJ", "blind re-entry matched")
    assert [(s.meaning, s.user_id) for s in users.signatures(any_store, 1)] == [("prepared", "jsmith"),
                                                                                 ("checked", "bjones")]
    assert [u.user_id for u in users.list_users(any_store)] == ["jsmith", "bjones"]
    report = any_store.verify()
    assert report.ok and report.entries == 5, report


def test_bedside_checks_are_kept_and_verified(any_store: Any) -> None:
    any_store.save(document("AA-014", din="G123498654321H"))
    now = datetime(2026, 11, 25, 11, 0).astimezone()
    label = "MSCDOSE1|R=1|P=AA-014|D=G123498654321"
    wrong, _ = check_and_log(any_store, "AA-015", label, now=now)
    right, _ = check_and_log(any_store, "AA-014", label, now=now)
    assert (wrong.result, right.result) == (MISMATCH, MATCH)
    assert [(e.id, e.record_id, e.result) for e in bedside_checks(any_store)] == [(1, 1, MISMATCH), (2, 1, MATCH)]
    assert any_store.verify().ok


def test_the_same_lot_check_reads_both_back_ends_alike(any_store: Any) -> None:
    any_store.save(document("P1", lot_number="L-7"))
    assert [r.id for r in same_day_same_lot(any_store, "p1", "l7")] == [1]
    assert same_day_same_lot(any_store, "P1", "L-8") == []


def test_a_blocked_or_unnamed_calculation_is_never_saved(any_store: Any) -> None:
    blocked = {**document("P1"), "status": "blocked"}
    with pytest.raises(StoreError, match="blocked"):
        any_store.save(blocked)
    with pytest.raises(StoreError, match="patient ID is empty"):
        any_store.save(document(" "))
    assert any_store.count() == 0 and any_store.verify().ok
