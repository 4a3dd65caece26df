"""Signatures in verify's walk (issue 14), now held as 32 bytes by position and each one's ledger positions read
with it (issue 18: a site signs every record twice, so they are as many as the records).

Three records, each signed "prepared" (AB) and then "checked" (CD): signatures 1-6, signature 2k-1 and 2k of
record k. The problems below are worked out from users.ledger_items' words, in the order it checks (each row's
own hash and record first, then ids without gaps); they were the same before the change (run against that tree).
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records.signature_rules import SIGNATURE_FIELDS, signature_hash
from mscdose.records.store import RecordStore
from mscdose.records.users import add_signature
from tests.records.helpers import document, drop_every_trigger, raw


@pytest.fixture
def signed(store_path: Path) -> Path:
    with RecordStore(store_path) as store:
        for patient in ("P1", "P2", "P3"):
            record = store.save(document(patient))
            add_signature(store, record.id, "prepared", "", "AB")
            add_signature(store, record.id, "checked", "", "CD")
    return store_path


def _edit(path: Path, *statements: str) -> None:
    with closing(raw(path)) as conn:
        drop_every_trigger(conn)
        conn.execute("DROP TRIGGER IF EXISTS signatures_no_update")
        conn.execute("DROP TRIGGER IF EXISTS signatures_no_delete")
        for statement in statements:
            conn.execute(statement)


def _resigned(path: Path, signature_id: int, record_id: int) -> None:
    """Signature `signature_id` moved to another record, its own hash recomputed (as a forger would)."""
    _edit(path, f"UPDATE signatures SET record_id = {record_id} WHERE id = {signature_id}")
    with closing(raw(path)) as conn:
        row = conn.execute(f"SELECT {', '.join(SIGNATURE_FIELDS)} FROM signatures WHERE id = ?",
                           (signature_id,)).fetchone()
        digest = signature_hash(dict(zip(SIGNATURE_FIELDS, row, strict=True)))
        conn.execute("UPDATE signatures SET sha256 = ? WHERE id = ?", (digest, signature_id))


def _report(path: Path) -> tuple[bool, str, int | None, int]:
    with RecordStore.open_read_only(path) as store:
        report = store.verify()
    return report.ok, report.problem, report.first_bad_id, report.signatures


def test_six_signatures_verify(signed: Path) -> None:
    assert _report(signed) == (True, "", None, 6)


@pytest.mark.parametrize("deleted", [3, 6])
def test_a_deleted_signature_is_missing(signed: Path, deleted: int) -> None:
    _edit(signed, f"DELETE FROM signatures WHERE id = {deleted}")
    assert _report(signed)[:3] == (False, "a signature is missing (deleted?)", None)


def test_a_signature_moved_to_a_later_record_is_named(signed: Path) -> None:
    _resigned(signed, 1, 3)  # record 3 was saved after signature 1 was logged
    assert _report(signed)[:3] == (False, "signature 1 names record 3, which is not there or was saved after it", 3)


def test_a_signature_of_a_record_that_is_not_there_is_named(signed: Path) -> None:
    _resigned(signed, 4, 9)
    assert _report(signed)[:3] == (False, "signature 4 names record 9, which is not there or was saved after it", 9)


def test_a_changed_signature_comes_before_a_missing_one(signed: Path) -> None:
    _edit(signed, "UPDATE signatures SET initials = 'ZZ' WHERE id = 5", "DELETE FROM signatures WHERE id = 2")
    assert _report(signed)[:3] == (False, "signature 5 of record 3 was changed after it was made", 3)


def test_a_ledger_entry_naming_a_signature_twice_is_named(signed: Path) -> None:
    """The ledger (record 1, its two signatures, record 2, ...): entry 3 made to name signature 1 again, the
    table rebuilt without its UNIQUE and the chain recomputed; the ledger walk's short way must not take it."""
    from tests.records.test_ledger_matching import _rechained

    _rechained(signed, ("CREATE TABLE copied AS SELECT * FROM ledger", "DROP TABLE ledger",
                        "ALTER TABLE copied RENAME TO ledger",
                        "UPDATE ledger SET ref = 1, item_sha256 = (SELECT sha256 FROM signatures WHERE id = 1) "
                        "WHERE seq = 3"))
    assert _report(signed)[:3] == (False, "ledger entry 3 (signature 1) names a signature that is not there or was "
                                          "changed", None)
