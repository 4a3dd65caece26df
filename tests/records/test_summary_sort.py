"""Issue 18, schema version 6: History sorts its document columns (volume to draw, dose delivered, lot / DIN)
on an indexed summary table, in exactly the order the documents themselves give; migration 6 fills it for
existing records by INSERTs only; every save adds its row in the same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.core.overrides import Override
from mscdose.records import summaries
from mscdose.records.store import RecordStore
from mscdose.records.summaries import STATUS_WARNING, SummaryFilter
from tests.records.helpers import document, raw

COLUMNS = ("Volume to draw", "Dose delivered", "Lot / DIN", "Record")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    """Volumes 32.6 (1, 4), 8.7 (2), 26.1 (3, 5); lots with case and accents, a DIN only, none."""
    opened = RecordStore(tmp_path / "records.sqlite3")
    opened.save(document("P1", lot_number="lot-b"))
    opened.save(document("P2", dose="120 million cells", concentration="15 million cells/mL", weight="25 kg",
                         lot_number="Éclair",
                         overrides=(Override("WEIGHT_UNUSUAL", "small adult weighed on the ward scale", "CD"),)))
    opened.save(document("P3", dose="120 million cells", lot_number="LOT-A"))
    opened.save(document("P4", din="G123498654321H"))
    opened.save(document("P5", dose="120 million cells"))
    yield opened
    opened.close()


def _by_documents(store: RecordStore, monkeypatch: pytest.MonkeyPatch, *args: object, **kwargs: object
                  ) -> list[int]:
    with monkeypatch.context() as patched:
        patched.setattr(summaries, "_summaries_complete", lambda conn: False)
        return store.history_ids(*args, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("selection", [SummaryFilter(), SummaryFilter(status=STATUS_WARNING),
                                       SummaryFilter(patient="p")])
def test_the_summary_table_sorts_as_the_documents_do(store: RecordStore, monkeypatch: pytest.MonkeyPatch,
                                                     column: str, descending: bool, selection: SummaryFilter) -> None:
    assert store.history_ids(selection, column, descending) == _by_documents(store, monkeypatch, selection, column,
                                                                             descending)


def test_orders_worked_out_by_hand(store: RecordStore) -> None:
    # 120 million / 13.8 million per mL (15 × 92 %) = 8.696 -> 8.7 mL (2); 120 / 4.6 = 26.09 -> 26.1 mL (3, 5);
    # 150 / 4.6 = 32.61 -> 32.6 mL (1, 4); ties by record number
    assert store.history_ids(column="Volume to draw", descending=False) == [2, 3, 5, 1, 4]
    # case-folded "lot / din": " / " (5) < " / g123498654321h" (4) < "lot-a / " (3) < "lot-b / " (1) < "éclair / " (2)
    assert store.history_ids(column="Lot / DIN", descending=False) == [5, 4, 3, 1, 2]


def test_every_save_adds_its_summary_row(store: RecordStore) -> None:
    store.save(document("P6", lot_number="L-9"))
    with closing(raw(store.path)) as conn:
        rows = conn.execute("SELECT record_id, volume_key, lot_din_key FROM record_summaries ORDER BY record_id"
                            ).fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[5][1:] == (32.6, "l-9 / ")


def test_migration_6_backfills_by_inserts_only(store: RecordStore, monkeypatch: pytest.MonkeyPatch) -> None:
    path = store.path
    store.close()
    with closing(raw(path)) as conn:  # the file as version 5 left it
        conn.execute("DROP TABLE record_summaries")
        conn.execute("PRAGMA user_version = 5")
        before = conn.execute("SELECT * FROM records ORDER BY id").fetchall()
        keys_before = conn.execute("SELECT * FROM record_keys ORDER BY record_id").fetchall()
    with RecordStore(path) as migrated:
        assert migrated.schema_version == 6
        assert migrated.verify().ok
        for column in COLUMNS:
            assert migrated.history_ids(column=column) == _by_documents(migrated, monkeypatch, column=column)
    with closing(raw(path)) as conn:
        assert conn.execute("SELECT * FROM records ORDER BY id").fetchall() == before  # not a byte rewritten
        assert conn.execute("SELECT * FROM record_keys ORDER BY record_id").fetchall() == keys_before
        assert conn.execute("SELECT COUNT(*) FROM record_summaries").fetchone()[0] == 5
        with pytest.raises(Exception, match="append-only"):
            conn.execute("UPDATE record_summaries SET volume_key = 0")


def test_a_missing_summary_row_falls_back_to_the_documents(store: RecordStore) -> None:
    with closing(raw(store.path)) as conn:
        conn.execute("DROP TRIGGER record_summaries_no_delete")
        conn.execute("DELETE FROM record_summaries WHERE record_id = 2")
    assert store.history_ids(column="Volume to draw", descending=False) == [2, 3, 5, 1, 4]  # record 2 still there
