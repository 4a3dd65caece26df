"""A forged ledger entry for a record is named as verify's general rule names it (issue 18).

The ledger walk takes the common entry, a record by a plain id whose hash is the one walked, without a call
(verify.py, `_LedgerChain.checked`); anything else goes through the general rule. These forgeries recompute the
ledger's own chain, so only the matching of entries with records can catch them; the problems are those the
rule's words give, and the same as before the short way (run against the tree before it).
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records.store import RecordStore
from tests.records.helpers import document, drop_every_trigger, raw


def _rechained(path: Path, edits: tuple[str, ...]) -> None:
    """An edit of the ledger, then its chain recomputed, as a forger would: only the matching can catch it."""
    from mscdose.records.canonical import GENESIS, LEDGER_FIELDS, ledger_hash

    with closing(raw(path)) as conn:
        drop_every_trigger(conn)
        for edit in edits:
            conn.execute(edit)
        prev = GENESIS
        for entry in conn.execute("SELECT seq, kind, ref, item_sha256 FROM ledger ORDER BY seq").fetchall():
            digest = ledger_hash(dict(zip(LEDGER_FIELDS, entry, strict=True)), prev)
            conn.execute("UPDATE ledger SET prev_sha256 = ?, sha256 = ? WHERE seq = ?", (prev, digest, entry[0]))
            prev = digest
        conn.execute("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM ledger) WHERE name = 'ledger'")


LEDGER_DAMAGE = {  # records 1-3 are ledger entries 1-3; what one walk names, worked out from the rule's words
    "a record named twice": (("CREATE TABLE copied AS SELECT * FROM ledger", "DROP TABLE ledger",  # no UNIQUE
                              "ALTER TABLE copied RENAME TO ledger",
                              "UPDATE ledger SET ref = 2, item_sha256 = (SELECT sha256 FROM records WHERE id = 2) "
                              "WHERE seq = 3"), "ledger entry 3 (record 2) names a record that is not there or "
                             "was changed", 2),
    "another record's hash": (("UPDATE ledger SET item_sha256 = (SELECT sha256 FROM records WHERE id = 1) "
                               "WHERE seq = 2",), "ledger entry 2 (record 2) names a record that is not there or "
                              "was changed", 2),
    "a record that is not there": (("UPDATE ledger SET ref = 7 WHERE seq = 3",),
                                   "ledger entry 3 (record 7) names a record that is not there or was changed", 7),
    "a record left out": (("DELETE FROM ledger WHERE seq = 3",),
                          "record 3 is not in the ledger (added outside mscdose?)", 3),
}


@pytest.mark.parametrize("damage", list(LEDGER_DAMAGE))
def test_a_forged_ledger_entry_for_a_record_is_named(store_path: Path, damage: str) -> None:
    with RecordStore(store_path) as store:
        for patient in ("P1", "P2", "P3"):
            store.save(document(patient))
        assert store.verify().ok
    edits, problem, record_id = LEDGER_DAMAGE[damage]
    _rechained(store_path, edits)
    with RecordStore.open_read_only(store_path) as store:
        report = store.verify()
    assert (report.ok, report.problem, report.first_bad_id) == (False, problem, record_id)
