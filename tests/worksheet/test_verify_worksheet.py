"""`mscdose audit verify --worksheet FILE.pdf`: the paper copy is an anchor outside the record file (issue 12).

Worksheets are written the way every final copy is (service.outputs.write_record_worksheet), so the hashes
printed and put in the metadata are the record's own; the tampering is done with raw SQL as a forger would.
"""

from __future__ import annotations

import json
import shutil
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.records.store import RecordStore
from mscdose.service.outputs import PrintOptions, write_record_worksheet
from mscdose.worksheet.pdf_marker import read_marker
from tests.records.helpers import document, raw, rehash_everything
from tests.worksheet.helpers import pdf_pages


@pytest.fixture(scope="module")
def printed_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store and its two worksheets, made once per module (three saves and two PDFs); `printed` copies them."""
    tmp_path = tmp_path_factory.mktemp("printed")
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        for patient in ("P1", "P2", "P3"):
            store.save(document(patient, lot_number=f"L-{patient}"))
        two, three = tmp_path / "two.pdf", tmp_path / "three.pdf"
        write_record_worksheet(store, store.get(2), two, PrintOptions())
        write_record_worksheet(store, store.get(3), three, PrintOptions())
        record = store.get(2)
        assert f"record hash {record.short_hash} · chain head {record.short_head}" in pdf_pages(two)[0]
        assert read_marker(two).record_hash == record.short_hash
    return tmp_path


@pytest.fixture
def printed(printed_once: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A store of three records; worksheets of record 2 (first copy) and record 3 (first copy). The test's own
    copy (the store is closed, so its file holds everything): tests tamper with it."""
    for made in printed_once.iterdir():
        shutil.copy2(made, tmp_path / made.name)
    return tmp_path / "records.sqlite3", tmp_path / "two.pdf", tmp_path / "three.pdf"


def test_a_real_worksheet_verifies(printed: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    path, two, three = printed
    assert main(["audit", "verify", "--database", str(path), "--worksheet", str(two), str(three)]) == 0
    out = capsys.readouterr().out
    assert f"Worksheet OK: {two}: record 2" in out and f"Worksheet OK: {three}: record 3" in out


def test_a_record_edited_and_rehashed_fails_against_its_worksheet(printed: tuple[Path, Path, Path],
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path, two, _ = printed
    with closing(raw(path)) as conn:
        conn.execute("DROP TRIGGER records_no_update")
        saved = json.loads(conn.execute("SELECT document FROM records WHERE id = 2").fetchone()[0])
        assert saved["volume_to_draw_ml"] == 32.6
        saved["volume_to_draw_ml"] = 3.26  # a ten-fold slip, "corrected" into the record after printing
        conn.execute("UPDATE records SET document = ? WHERE id = 2", (json.dumps(saved),))
    rehash_everything(path)  # the file alone is consistent again
    assert main(["audit", "verify", "--database", str(path)]) == 0
    capsys.readouterr()
    assert main(["audit", "verify", "--database", str(path), "--worksheet", str(two)]) == 1
    err = capsys.readouterr().err
    assert f"Worksheet FAILED: {two}: record 2" in err and "it is not the record printed" in err


def test_a_worksheet_whose_record_is_missing_fails(printed: tuple[Path, Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The last record deleted, the triggers dropped, sqlite_sequence reset and everything rehashed."""
    path, two, three = printed
    with closing(raw(path)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS print_events_no_delete")
        conn.execute("DROP TRIGGER IF EXISTS records_no_delete")
        conn.execute("DROP TRIGGER IF EXISTS record_keys_no_delete")
        conn.execute("DELETE FROM print_events WHERE record_id = 3")
        conn.execute("DELETE FROM record_keys WHERE record_id = 3")
        conn.execute("DELETE FROM records WHERE id = 3")
    rehash_everything(path)
    assert main(["audit", "verify", "--database", str(path)]) == 0  # the file on its own looks fine
    capsys.readouterr()
    assert main(["audit", "verify", "--database", str(path), "--worksheet", str(two), str(three)]) == 1
    captured = capsys.readouterr()
    assert f"Worksheet FAILED: {three}: record 3" in captured.err and "not in this record store" in captured.err
    # record 2 and everything before it really are unchanged: its worksheet still proves that
    assert f"Worksheet OK: {two}: record 2" in captured.out


def test_a_preview_or_a_missing_pdf_is_named(printed: tuple[Path, Path, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = printed
    from mscdose.worksheet.render import write_worksheet_pdf

    preview = tmp_path / "preview.pdf"
    write_worksheet_pdf(document("P9"), preview, preview_reason="checking")
    assert main(["audit", "verify", "--database", str(path), "--worksheet", str(preview)]) == 1
    assert "no mscdose record marker" in capsys.readouterr().err
    assert main(["audit", "verify", "--database", str(path), "--worksheet", str(tmp_path / "none.pdf")]) == 2
    assert "--worksheet: " in capsys.readouterr().err


def test_reprints_carry_their_copy_number(printed: tuple[Path, Path, Path], tmp_path: Path) -> None:
    path, _, _ = printed
    with RecordStore(path) as store:
        again = tmp_path / "again.pdf"
        assert write_record_worksheet(store, store.get(2), again, PrintOptions()) == 1
    assert all("REPRINT 1 · " in page for page in pdf_pages(again))
    assert main(["audit", "verify", "--database", str(path), "--worksheet", str(again)]) == 0
