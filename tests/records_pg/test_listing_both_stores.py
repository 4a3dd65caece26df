"""Issue 18 on both back ends: `history`'s lines and the CSV export equal those made from full records (SQLite
reads its own columns for them; PostgreSQL goes through iter_history), and verify still passes and fails alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mscdose.records.csv_export import write_csv
from mscdose.records.readable import history_line
from tests.records.helpers import document


def test_history_lines_and_export_equal_those_of_full_records(any_store: Any, tmp_path: Path) -> None:
    any_store.save(document("P1", patient_name="Zoë Müller", lot_number="L-7", din="G123498654321H"))
    any_store.save(document("P2", patient_name="=cmd", prepared_by="CD"))
    any_store.save(document("P1", patient_name="Zoë Müller"), supersedes=1, correction_reason="-weight re-measured")
    any_store.mark_printed(2, True, "test")
    assert list(any_store.iter_history_lines()) == [history_line(r) for r in any_store.history()]
    assert list(any_store.iter_history_lines("p1")) == [history_line(r) for r in any_store.history("p1")]
    assert any_store.export_csv(tmp_path / "store.csv") == 3
    assert write_csv(any_store.history(), tmp_path / "full.csv") == 3
    assert (tmp_path / "store.csv").read_bytes() == (tmp_path / "full.csv").read_bytes()
    report = any_store.verify()
    assert report.ok and report.count == 3 and report.print_events == 1 and report.entries == 4
