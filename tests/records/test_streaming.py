"""Records at scale (issue 18): history and export stream rows, History's summaries come from SQL.

Nothing here is timed (benchmarks/records.py measures); these prove the behaviour: a yielding store API
that never holds all rows, a CSV byte-identical to the list-based writer, summaries equal to the records.
"""

from __future__ import annotations

from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from mscdose.core.overrides import Override
from mscdose.records import store as store_module
from mscdose.records import summaries
from mscdose.records.csv_export import write_csv
from mscdose.records.store import RecordStore, StoreError
from mscdose.records.summaries import STATUS_SUPERSEDED, STATUS_WARNING, SummaryFilter
from tests.records.helpers import document, drop_append_only_triggers, raw


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    """1 P1 (superseded by 3, printed), 2 P2 warning (8.7 mL), 3 P1 correction, 4 Émile (a formula-like name)."""
    opened = RecordStore(tmp_path / "records.sqlite3")
    opened.save(document("P1", patient_name="Ana Li", lot_number="L-7"))
    opened.mark_printed(1, True, "test")
    opened.save(document("P2", prepared_by="CD", weight="25 kg", dose="120 million cells",
                         concentration="15 million cells/mL",
                         overrides=(Override("WEIGHT_UNUSUAL", "small adult weighed on the ward scale", "CD"),)))
    opened.save(document("P1", patient_name="Ana Li", lot_number="L-7"), supersedes=1,
                correction_reason="checked by was missing")
    opened.save(document("P-4", patient_name="=Émile Dubois", din="G123498654321H"))
    yield opened
    opened.close()


def test_iter_history_yields_the_same_records_as_history(store: RecordStore) -> None:
    streamed = store.iter_history()
    assert iter(streamed) is streamed  # a generator, not a list
    assert list(streamed) == store.history()
    assert [r.id for r in store.iter_history("p1")] == [1, 3]


def test_iter_history_never_builds_more_than_a_batch_ahead(store: RecordStore, monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    built: list[int] = []
    real = store_module._record_from_row
    monkeypatch.setattr(store_module, "_record_from_row", lambda row, path: built.append(row[0]) or real(row, path))
    monkeypatch.setattr(summaries, "BATCH", 2)
    monkeypatch.setattr(summaries.iter_records, "__defaults__", (2,))
    streamed = store.iter_history()
    assert built == []  # nothing read before the first record is asked for
    assert next(streamed).id == 1
    assert built == [1]  # one record built at a time from a batch of 2 rows, never the whole store
    assert [r.id for r in streamed] == [2, 3, 4] and built == [1, 2, 3, 4]


def test_export_is_byte_identical_to_the_list_writer(store: RecordStore, tmp_path: Path) -> None:
    expected, streamed = tmp_path / "list.csv", tmp_path / "streamed.csv"
    assert write_csv(store.history(), expected) == 4
    assert store.export_csv(streamed) == 4
    assert streamed.read_bytes() == expected.read_bytes()
    assert streamed.read_bytes().startswith(b"\xef\xbb\xbfrecord_id,")
    assert b"'=\xc3\x89mile Dubois" in streamed.read_bytes()  # still a formula guard on the streamed path


def test_a_damaged_record_halfway_leaves_no_export_file(store: RecordStore, tmp_path: Path) -> None:
    drop_append_only_triggers(store.path)
    with closing(raw(store.path)) as conn:
        conn.execute("UPDATE records SET document = 'not json' WHERE id = 3")
    target = tmp_path / "out" / "export.csv"
    with pytest.raises(StoreError, match="record 3"):
        store.export_csv(target)
    assert not target.exists() and list(target.parent.iterdir()) == []  # not even the half-written temporary


def test_summaries_equal_what_the_full_records_say(store: RecordStore) -> None:
    records = {r.id: r for r in store.history()}
    ids = store.history_ids()
    assert ids == [4, 3, 2, 1]  # newest first by default
    for summary in store.history_summaries(ids):
        full = records[summary.id]
        assert (summary.created_at, summary.patient_id, summary.patient_name, summary.status, summary.prepared_by,
                summary.checked_by, summary.printed, summary.supersedes, summary.superseded_by,
                summary.correction_reason, summary.sha256, summary.lot_number, summary.din) == (
            full.created_at, full.patient_id, full.patient_name, full.status, full.prepared_by, full.checked_by,
            full.printed, full.supersedes, full.superseded_by, full.correction_reason, full.sha256,
            full.lot_number, full.din)
        assert summary.volume_to_draw_ml == full.document["volume_to_draw_ml"]
        assert summary.delivered_dose_cells == full.document["delivered_dose_cells"]


def test_database_sorts_numbers_as_numbers_and_text_by_casefold(store: RecordStore) -> None:
    # record 2 draws 8.7 mL (120 million / 13.8 million per mL), the others 32.6 mL: 8.7 first, as a number
    assert store.history_ids(column="Volume to draw", descending=False)[0] == 2
    assert store.history_ids(column="Record", descending=False) == [1, 2, 3, 4]
    # casefolded names: "" (2) < "=émile dubois" (4) < "ana li" (1, 3: tie broken by record number)
    assert store.history_ids(column="Name", descending=False) == [2, 4, 1, 3]
    assert store.history_ids(column="Name", descending=True) == [3, 1, 4, 2]


def test_database_filters_like_the_window_did(store: RecordStore) -> None:
    assert store.history_ids(SummaryFilter(patient="ana")) == [3, 1]
    assert store.history_ids(SummaryFilter(patient="ÉMILE")) == [4]  # beyond ASCII: casefold, not SQL lower()
    assert store.history_ids(SummaryFilter(patient="p-4")) == [4]
    assert store.history_ids(SummaryFilter(status=STATUS_WARNING)) == [2]
    assert store.history_ids(SummaryFilter(status=STATUS_SUPERSEDED)) == [1]
    tomorrow = store_module._lower_bound(date.today() + timedelta(days=1))
    assert store.history_ids(SummaryFilter(since_utc=tomorrow or "")) == []


def test_summaries_keep_the_order_asked_and_skip_unknown_ids(store: RecordStore) -> None:
    assert [s.id for s in store.history_summaries([2, 99, 1])] == [2, 1]
    assert store.history_summaries([]) == []
