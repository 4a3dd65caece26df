"""Issue 12's tampering variants, each caught: by the chain alone where the file betrays itself, and by an
anchor (a line kept outside the file, or the site's MSCDOSE_ANCHOR_FILE) where the forger rewrote the file
consistently. Every variant drops the append-only triggers first, as a forger with the file would."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records.canonical import GENESIS, canonical_json, print_event_hash
from mscdose.records.ledger import append_entry, parse_anchor
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document, drop_every_trigger, raw, rehash_everything

SHA_A = "a" * 64


@pytest.fixture
def anchor_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "share" / "anchors.txt"
    monkeypatch.setenv("MSCDOSE_ANCHOR_FILE", str(path))
    return path


def fill(path: Path) -> str:
    """Five records, a print event of record 2, an approval; returns the anchor line taken at the end."""
    with RecordStore(path) as store:
        for n in range(1, 6):
            store.save(document(f"P{n}"))
            if n == 2:
                store.mark_printed(2, True, "worksheet.pdf")
        store.approve_protocol(SHA_A, "SITE-1", "1.0", "JS", "approved by the trial committee 2026-11-01")
        line = store.anchor_line()
        assert store.verify(line).ok
    return line


def verify(path: Path, anchor: str | None = None):  # type: ignore[no-untyped-def]
    with RecordStore.open_read_only(path) as store:
        return store.verify(anchor)


def test_the_anchor_line_is_one_line_with_count_head_and_time(store_path: Path) -> None:
    line = fill(store_path)
    anchor = parse_anchor(line)
    assert "\n" not in line and line.startswith("mscdose-anchor v1 entries=7 head=")
    assert anchor.entries == 7  # 5 records + 1 print event + 1 approval, one chain
    report = verify(store_path)
    assert (report.ok, report.entries, report.head) == (True, 7, anchor.head)
    assert (report.print_events, report.approvals) == (1, 1)
    assert len(anchor.head) == 64 and anchor.head != GENESIS and anchor.at.endswith("+00:00")


def test_an_anchor_from_before_later_saves_still_verifies(store_path: Path) -> None:
    line = fill(store_path)
    with RecordStore(store_path) as store:
        store.save(document("P6"))
        report = store.verify(line)
    assert (report.ok, report.anchors_checked, report.unanchored) == (True, 1, 1)


@pytest.mark.parametrize("bad", ["", "anchor 7 abc", "mscdose-anchor v1 entries=7 head=12345"])
def test_a_malformed_anchor_is_a_clear_error(store_path: Path, bad: str) -> None:
    fill(store_path)
    with pytest.raises(StoreError, match="is not an mscdose anchor line"):
        verify(store_path, bad)


def test_deleting_the_last_records_and_clearing_sqlite_sequence_is_caught_by_the_anchor(
        store_path: Path, anchor_file: Path) -> None:
    line = fill(store_path)
    with closing(raw(store_path)) as conn:  # ledger: r1 r2 p1 r3 r4 r5 approval; keep the first four
        drop_every_trigger(conn)
        for statement in ("DELETE FROM protocol_approvals", "DELETE FROM record_keys WHERE record_id >= 4",
                          "DELETE FROM records WHERE id >= 4", "DELETE FROM ledger WHERE seq >= 5",
                          "DELETE FROM sqlite_sequence"):
            conn.execute(statement)
    rehash_everything(store_path)
    with RecordStore.open_read_only(store_path, anchor_file=Path("/nonexistent/none.txt")) as store:
        alone = store.verify()
    assert alone.ok and alone.count == 3  # the file alone cannot know (see docs/audit.md)
    report = verify(store_path, line)
    assert not report.ok and "says the chain had 7 entries" in report.problem and "only 4" in report.problem
    lines = anchor_file.read_text().splitlines()  # the site's anchor file: one line a save
    assert len(lines) == 7 and lines[-1].split(" at=")[0] == line.split(" at=")[0]
    from_file = verify(store_path)
    assert not from_file.ok and from_file.problem.startswith("anchor file line 5 says the chain had 5 entries")


def test_editing_a_record_and_rehashing_the_rest_is_caught_by_the_anchor(store_path: Path) -> None:
    line = fill(store_path)
    with closing(raw(store_path)) as conn:
        drop_every_trigger(conn)
        stored = conn.execute("SELECT document FROM records WHERE id = 2").fetchone()[0]
        conn.execute("UPDATE records SET document = ? WHERE id = 2",
                     (stored.replace('"volume_to_draw_ml":32.6', '"volume_to_draw_ml":33.6'),))
    assert not verify(store_path).ok  # before re-hashing the chain names record 2
    assert verify(store_path).first_bad_id == 2
    rehash_everything(store_path)
    assert verify(store_path).ok  # consistent on its own
    report = verify(store_path, line)
    assert not report.ok and "the anchor given does not match: entry 7" in report.problem


def test_a_database_forged_from_scratch_is_caught_by_the_anchor(tmp_path: Path) -> None:
    line = fill(tmp_path / "real.sqlite3")
    forged = tmp_path / "forged.sqlite3"
    with RecordStore(forged) as store:  # same patients, same documents, same number of entries
        for n in range(1, 6):
            store.save(document(f"P{n}"))
            if n == 2:
                store.mark_printed(2, True, "worksheet.pdf")
        store.approve_protocol(SHA_A, "SITE-1", "1.0", "JS", "approved by the trial committee 2026-11-01")
    assert verify(forged).ok
    report = verify(forged, line)
    assert not report.ok and "does not match: entry 7" in report.problem


@pytest.mark.parametrize("how", ["status", "hard flag"])
def test_an_appended_record_whose_document_says_blocked_never_passes(store_path: Path, how: str) -> None:
    """The header column must say ok or warning (a CHECK), so a forger appends a consistently hashed record
    whose stored document is a blocked calculation; verify reads the document and fails it."""
    fill(store_path)
    blocked = document("P9", viability="50 %")  # 50 % < 70 % minimum: VIABILITY_BELOW_MINIMUM (hard)
    assert blocked["status"] == "blocked"
    if how == "hard flag":
        blocked["status"] = "ok"  # says ok but still carries its hard flag
    with closing(raw(store_path)) as conn:
        drop_every_trigger(conn)
        row = conn.execute("SELECT * FROM records WHERE id = 5").fetchone()
        conn.execute("INSERT INTO records VALUES (6, ?, ?, ?, ?, ?, 'P9', '', 'AB', '', 'ok', NULL, '', ?, '', ?)",
                     (*row[1:6], canonical_json(blocked), "x" * 64))
    rehash_everything(store_path)
    report = verify(store_path)
    assert (report.ok, report.first_bad_id) == (False, 6)
    assert "record 6 cannot be a final record" in report.problem
    assert ("says status 'blocked'" if how == "status" else "VIABILITY_BELOW_MINIMUM") in report.problem


def test_a_forged_print_event_in_the_past_is_caught_by_the_anchor(store_path: Path) -> None:
    line = fill(store_path)
    with closing(raw(store_path)) as conn:
        drop_every_trigger(conn)
        at = conn.execute("SELECT created_at FROM records WHERE id = 3").fetchone()[0]
        conn.execute("INSERT INTO print_events VALUES (2, 3, ?, 1, 'worksheet.pdf', '', ?)", (at, "y" * 64))
    assert not verify(store_path).ok  # not even hashed: named at once
    rehash_everything(store_path)  # a careful forger: hashed and given its place in the ledger
    assert verify(store_path).ok
    report = verify(store_path, line)
    assert not report.ok and "does not match" in report.problem


def test_a_print_event_appended_outside_mscdose_is_caught_by_the_anchor_file(store_path: Path,
                                                                            anchor_file: Path) -> None:
    fill(store_path)
    with closing(raw(store_path)) as conn:  # hashed by the documented rules and linked into the ledger
        event = {"id": 2, "record_id": 4, "at": "2099-01-01T00:00:00.000000+00:00", "ok": 1, "detail": "x.pdf"}
        prev = conn.execute("SELECT sha256 FROM print_events WHERE id = 1").fetchone()[0]
        digest = print_event_hash(event, prev)
        conn.execute("INSERT INTO print_events VALUES (?, ?, ?, ?, ?, ?, ?)", (*event.values(), prev, digest))
        append_entry(conn, "print", 2, digest)
    with RecordStore.open_read_only(store_path, anchor_file=Path("/nonexistent/none.txt")) as store:
        assert store.verify().ok
    report = verify(store_path)
    assert not report.ok and "ledger entries 8 to 8 are not in the anchor file" in report.problem


def test_a_changed_approval_is_caught(store_path: Path) -> None:
    line = fill(store_path)
    with closing(raw(store_path)) as conn:
        drop_every_trigger(conn)
        conn.execute("UPDATE protocol_approvals SET protocol_sha256 = ?", ("b" * 64,))
    report = verify(store_path)
    assert not report.ok and "protocol approval 1 (SITE-1 version 1.0) was changed" in report.problem
    rehash_everything(store_path)
    assert not verify(store_path, line).ok


def test_the_anchor_file_gets_a_line_per_write_and_a_failure_to_write_it_is_reported(
        store_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with RecordStore(store_path, anchor_file=blocker / "anchors.txt") as store:
        saved = store.save(document("P1"))
        assert store.get(saved.id).id == 1  # saved whatever happened to the anchor file
        assert store.last_anchor_problem is not None and "was saved, but its anchor line" in store.last_anchor_problem
    good = tmp_path / "anchors.txt"
    with RecordStore(store_path, anchor_file=good) as store:
        store.mark_printed(1, True, "w.pdf")
        assert store.last_anchor_problem is None
        assert good.read_text().startswith("mscdose-anchor v1 entries=2 head=")
        assert store.verify().ok


def test_a_worksheet_s_printed_hashes_are_checked(store_path: Path) -> None:
    fill(store_path)
    with RecordStore(store_path) as store:
        record = store.get(3)
        assert record.chain_head and record.short_hash == record.sha256[:12] and len(record.short_head) == 12
        assert store.verify_printed(3, record.short_hash, record.short_head).ok
        latest = store.head()[1]
        assert store.verify_printed(3, record.short_hash, latest[:12]).ok  # a reprint prints the later head
        earlier = store.get(2).chain_head
        assert not store.verify_printed(3, record.short_hash, earlier[:12]).ok  # a head from before record 3
        wrong = store.verify_printed(3, store.get(4).short_hash, record.short_head)
        assert not wrong.ok and "it is not the record printed" in wrong.problem
        assert "at least 12" in store.verify_printed(3, "abc", record.short_head).problem
        assert "not in this record store" in store.verify_printed(99, record.short_hash, record.short_head).problem
        head_saved = store.save(document("P7")).chain_head
        assert head_saved == store.head()[1]
    with closing(raw(store_path)) as conn:  # a later record rewritten: record 3 itself is untouched
        drop_every_trigger(conn)
        conn.execute("UPDATE records SET patient_name = 'x' WHERE id = 5")
    rehash_everything(store_path)
    with RecordStore.open_read_only(store_path) as store:
        assert store.verify_printed(3, record.short_hash, record.short_head).ok
        check = store.verify_printed(3, record.short_hash, latest[:12])
    assert not check.ok and "is not in this chain" in check.problem

