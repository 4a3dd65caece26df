"""Protocol approvals in the chain (issue 10 §1, store side) and backups that can be trusted (issue 12)."""

from __future__ import annotations

import hashlib
import os
import shutil
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records.store import ProtocolApproval, RecordStore, StoreError
from tests.records.helpers import document, drop_every_trigger, raw

SHA_1, SHA_2 = "1" * 64, "2" * 64


def test_an_approval_is_kept_listed_and_chained(store: RecordStore) -> None:
    approval = store.approve_protocol(SHA_1, "SITE-1", "1.0", "JS", "approved by the trial committee")
    assert isinstance(approval, ProtocolApproval)
    protocol_id, version, sha256, by, at, reason = store.approved_protocols()[0]
    assert (protocol_id, version, sha256, by, reason) == ("SITE-1", "1.0", SHA_1, "JS",
                                                          "approved by the trial committee")
    assert at == approval.at and at.utcoffset() is not None
    report = store.verify()
    assert (report.ok, report.approvals, report.entries) == (True, 1, 1)


def test_a_different_file_for_an_approved_id_and_version_is_refused_naming_both(store: RecordStore) -> None:
    store.approve_protocol(SHA_1, "SITE-1", "1.0", "JS", "first approval")
    with pytest.raises(StoreError, match=f"already approved with SHA-256 {SHA_1}") as refused:
        store.approve_protocol(SHA_2, "site 1", "1.0", "JS", "changed limits")  # same id by canonical key
    assert SHA_2 in str(refused.value)
    again = store.approve_protocol(SHA_1.upper(), "SITE-1", "1.0", "AB", "again")  # same file: no new entry
    assert again.approved_by == "JS" and len(store.approved_protocols()) == 1
    store.approve_protocol(SHA_2, "SITE-1", "1.1", "JS", "new version")
    assert [a.version for a in store.approved_protocols()] == ["1.0", "1.1"]


@pytest.mark.parametrize(("args", "message"), [
    (("abc", "SITE-1", "1.0", "JS", "r"), "is not a SHA-256"),
    ((SHA_1, " ", "1.0", "JS", "r"), "protocol id is empty"),
    ((SHA_1, "SITE-1", "", "JS", "r"), "version is empty"),
    ((SHA_1, "SITE-1", "1.0", "", "r"), "--by is empty"),
    ((SHA_1, "SITE-1", "1.0", "JS", "  "), "--reason is empty"),
])
def test_an_incomplete_approval_is_refused(store: RecordStore, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.approve_protocol(*args)
    assert store.approved_protocols() == []


def test_approvals_cannot_be_deleted_by_raw_sql(store: RecordStore, store_path: Path) -> None:
    store.approve_protocol(SHA_1, "SITE-1", "1.0", "JS", "first approval")
    with closing(raw(store_path)) as conn, pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM protocol_approvals")


def test_a_deleted_approval_is_caught(store: RecordStore, store_path: Path) -> None:
    store.approve_protocol(SHA_1, "SITE-1", "1.0", "JS", "first approval")
    store.save(document("P1"))
    with closing(raw(store_path)) as conn:
        drop_every_trigger(conn)
        conn.execute("DELETE FROM protocol_approvals")
    report = store.verify()
    assert not report.ok and "approval" in report.problem


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_verifies_and_checking_it_changes_nothing(store: RecordStore, tmp_path: Path) -> None:
    store.save(document("P1"))
    store.mark_printed(1, True, "w.pdf")
    store.approve_protocol(SHA_1, "SITE-1", "1.0", "JS", "first approval")
    backup = tmp_path / "b" / "backup.sqlite3"
    assert store.backup(backup) == 1
    before = sha(backup)
    report = RecordStore.check_backup(backup)
    assert (report.ok, report.count, report.entries, report.head) == (True, 1, 3, store.head()[1])
    assert sha(backup) == before and os.listdir(backup.parent) == ["backup.sqlite3"]


def test_check_backup_fails_a_damaged_backup(store: RecordStore, tmp_path: Path) -> None:
    store.save(document("P1"))
    backup = tmp_path / "backup.sqlite3"
    store.backup(backup)
    data = backup.read_bytes()
    backup.write_bytes(data.replace(b'"volume_to_draw_ml":32.6', b'"volume_to_draw_ml":39.6'))
    report = RecordStore.check_backup(backup)
    assert not report.ok and "record 1 was changed" in report.problem


def test_a_backup_is_checked_against_the_anchor_file_up_to_its_own_end(
        store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSCDOSE_ANCHOR_FILE", str(tmp_path / "anchors.txt"))
    with RecordStore(store_path) as store:
        store.save(document("P1"))
        store.backup(tmp_path / "backup.sqlite3")
        store.save(document("P2"))  # the live store grows past the backup
        assert store.verify().ok
    assert RecordStore.check_backup(tmp_path / "backup.sqlite3").ok


def test_restore_procedure_of_docs_audit_md(store_path: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Back up, damage the live file, restore as docs/audit.md says, verify, save again."""
    anchors = tmp_path / "anchors.txt"
    monkeypatch.setenv("MSCDOSE_ANCHOR_FILE", str(anchors))
    backup = tmp_path / "backups" / "records-2026-11-26.sqlite3"
    with RecordStore(store_path) as store:
        for n in (1, 2):
            store.save(document(f"P{n}"))
        store.backup(backup)
        store.save(document("P3"))  # saved after the backup: lost by the restore, its worksheet is on paper
    with open(store_path, "r+b") as handle:  # the live file is damaged
        handle.seek(100)
        handle.write(b"\xff" * 4000)
    with pytest.raises(StoreError, match="restore the latest backup"):
        RecordStore(store_path).verify()
    # 1. check the backup, 2. move the damaged file (and -wal, -shm) aside, 3. copy the backup into place
    assert RecordStore.check_backup(backup).ok
    kept = tmp_path / "damaged-2026-11-26"
    kept.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{store_path}{suffix}").exists():
            shutil.move(f"{store_path}{suffix}", kept)
    shutil.copy(backup, store_path)
    # 4. the anchor file remembers entry 3, which the backup never had: verify says so
    with RecordStore.open_read_only(store_path) as restored:
        report = restored.verify()
    assert not report.ok and "says the chain had 3 entries" in report.problem and "only 2" in report.problem
    # 5. keep the old anchor file with the incident report and start a new one; verify, then save again
    shutil.move(anchors, tmp_path / "anchors-before-restore-2026-11-26.txt")
    with RecordStore(store_path) as restored:
        assert restored.verify().ok and restored.count() == 2
        assert restored.save(document("P3")).id == 3
        assert restored.verify().ok
    assert len(anchors.read_text().splitlines()) == 1


def test_a_backup_never_overwrites_the_live_store(store: RecordStore) -> None:
    with pytest.raises(StoreError, match="onto itself"):
        store.backup(store.path)
