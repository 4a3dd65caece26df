"""Issue 18: `mscdose history` and `export --csv` stream the records (the store yields them a batch at a time
and the CLI writes each before the next is read); what is printed or written is byte for byte as before."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mscdose.cli import main
from mscdose.cli.records import _summary
from mscdose.records.csv_export import partial_path, write_csv
from mscdose.records.store import RecordStore
from tests.records.helpers import document


@pytest.fixture
def seeded() -> Iterator[RecordStore]:
    """Three records in the default store (MSCDOSE_DATA_DIR is a temp folder, tests/conftest.py)."""
    store = RecordStore()
    store.save(document("P1", patient_name="Zoë Müller", lot_number="L-7"))
    store.save(document("P2", prepared_by="CD", lot_number="L-8"))
    store.save(document("P1", patient_name="Zoë Müller", weight="63 kg"), supersedes=1,
               correction_reason="weight re-measured")
    yield store
    store.close()


@pytest.fixture
def streamed_only(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The store's list API refuses; iter_history notes, before yielding each record, how many lines the CLI
    has written so far."""
    lines_before: list[int] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the CLI must stream (iter_history), not build the list")

    def watching(real: Any) -> Any:
        def watched(self: RecordStore, *args: Any, **kwargs: Any) -> Iterator[Any]:
            for item in real(self, *args, **kwargs):
                lines_before.append(sys.stdout.getvalue().count("\n"))  # type: ignore[attr-defined]
                yield item
        return watched

    monkeypatch.setattr(RecordStore, "history", refuse)
    monkeypatch.setattr(RecordStore, "iter_history", watching(RecordStore.iter_history))
    monkeypatch.setattr(RecordStore, "iter_history_lines", watching(RecordStore.iter_history_lines))
    return lines_before


def test_history_prints_each_record_before_reading_the_next(seeded: RecordStore, streamed_only: list[int],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == ["#1", "#2", "#3"]
    assert streamed_only == [0, 1, 2]  # record n+1 was read only after record n's line was written


def test_history_json_is_written_item_by_item_and_byte_identical(seeded: RecordStore, streamed_only: list[int],
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--json"]) == 0
    out = capsys.readouterr().out
    records = list(RecordStore.iter_history(seeded))
    assert out == json.dumps([_summary(r) for r in records], ensure_ascii=True, indent=2) + "\n"
    assert "Zo\\u00eb M\\u00fcller" in out  # still ASCII-escaped
    assert streamed_only[1] > 0  # the first item was written before the second record was read


def test_history_json_of_nothing_is_an_empty_list(seeded: RecordStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--patient", "P9", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"
    assert main(["history", "--patient", "p2", "--json"]) == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == [2]


def test_export_streams_through_the_store(seeded: RecordStore, streamed_only: list[int], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    assert main(["export", "--csv", str(target)]) == 0
    assert "Exported 3 records" in capsys.readouterr().out
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 4  # the header and three rows


def test_write_csv_counts_a_generator_as_it_writes(seeded: RecordStore, tmp_path: Path) -> None:
    listed, generated = tmp_path / "list.csv", tmp_path / "gen.csv"
    assert write_csv(list(seeded.iter_history()), listed) == 3
    assert write_csv((r for r in seeded.iter_history()), generated) == 3
    assert generated.read_bytes() == listed.read_bytes()


@pytest.mark.parametrize("error", [RuntimeError("reader failed"), KeyboardInterrupt()])
def test_write_csv_removes_its_temporary_file_whatever_is_raised(seeded: RecordStore, tmp_path: Path,
                                                                 error: BaseException) -> None:
    target = tmp_path / "export.csv"

    def failing() -> Iterator[Any]:
        yield from seeded.iter_history()
        raise error

    with pytest.raises(type(error)):
        write_csv(failing(), target)
    assert not target.exists() and not partial_path(target).exists()
    assert list(tmp_path.iterdir()) == []


def test_history_lines_equal_those_of_the_full_records(seeded: RecordStore, capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    from mscdose.records.readable import history_line

    seeded.mark_printed(2, True, "test")
    assert main(["history"]) == 0
    assert capsys.readouterr().out == "".join(history_line(r) + "\n" for r in seeded.history())


def test_a_projection_holds_only_the_keys_asked(seeded: RecordStore) -> None:
    first = next(seeded.iter_history(document_keys=("lot_number", "absent_key")))
    assert first.document == {"lot_number": "L-7", "absent_key": None}
    assert first.lot_number == "L-7" and first.sha256 == seeded.get(1).sha256
    assert next(seeded.iter_history(document_keys=("status",))).document == {"status": "ok"}  # one key: not an array
