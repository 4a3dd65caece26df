"""Issue 18: `mscdose history` and `export --csv` read only the columns they show (records/listing.py,
csv_export.iter_rows); these prove the output equal to that of full records, whatever the documents hold,
and the fast paths of `safe_for_terminal` and `readable.local_time` equal to the rules they shortcut."""

from __future__ import annotations

import json
import time
import unicodedata
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.core import text as text_module
from mscdose.core.text import safe_for_terminal
from mscdose.records import csv_export, readable
from mscdose.records.readable import history_line
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document, drop_append_only_triggers, raw


def _escaped_by_the_rule(text: str) -> str:
    """safe_for_terminal as its docstring states it, one character at a time (the loop the fast path skips)."""
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char != " " and (unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp", "Zs")
                              or code in text_module._IGNORABLE):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


IGNORABLE = st.sampled_from(sorted(text_module._IGNORABLE)).map(chr)


@settings(max_examples=400, deadline=None)
@given(st.text(st.one_of(st.characters(), IGNORABLE, st.sampled_from("\\ é—#\x1b\u202e")), max_size=30))
def test_safe_for_terminal_equals_the_rule(text: str) -> None:
    assert safe_for_terminal(text) == _escaped_by_the_rule(text)


def _local_time_by_astimezone(moment: datetime) -> str:
    """readable.local_time before issue 18."""
    local = moment.astimezone()
    text = local.strftime("%Y-%m-%d %H:%M")
    if local.utcoffset() != timedelta(0):
        text += f" (UTC {moment.astimezone(UTC).strftime('%H:%M')})"
    return text


@pytest.fixture(params=["UTC", "Europe/London", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kolkata",
                        "Pacific/Chatham"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_local_time_equals_astimezone_across_clock_changes(zone: str) -> None:
    # every 7 minutes 13 seconds over two years (each zone's clock changes in both directions), and odd moments
    start = datetime(2025, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(seconds=433 * n) for n in range(0, 2 * 365 * 24 * 3600 // 433, 37)]
    moments += [datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=UTC), datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
                datetime(1901, 6, 1, tzinfo=UTC), datetime(2026, 1, 1), datetime(2026, 1, 1, tzinfo=timezone_of(5))]
    for moment in moments:
        assert readable.local_time(moment) == _local_time_by_astimezone(moment), (zone, moment)


def timezone_of(hours: int) -> Any:
    from datetime import timezone

    return timezone(timedelta(hours=hours))


# --- the listing of a store with records of every shape ---------------------------------------------------

def _odd(path: Path, record_id: int, change: Any) -> None:
    with closing(raw(path)) as conn:
        stored = json.loads(conn.execute("SELECT document FROM records WHERE id = ?", (record_id,)).fetchone()[0])
        conn.execute("UPDATE records SET document = ? WHERE id = ?", (json.dumps(change(stored)), record_id))


@pytest.fixture
def varied(tmp_path: Path) -> RecordStore:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.save(document("P1", patient_name="Zoë Müller", lot_number="L-7", din="G123498654321H"))
        store.save(document("P2", patient_name="=cmd|' /C calc'!A0", prepared_by="CD", dose="120 million cells",
                            concentration="15 million cells/mL"))
        store.save(document("P1", patient_name="Zoë Müller"), supersedes=1, correction_reason="+weight re-measured")
        for n in range(4, 12):
            store.save(document(f"P{n}", lot_number=f"L-{n}"))
        store.mark_printed(2, True, "test")
        store.mark_printed(3, True, "label 1")
    drop_append_only_triggers(path)
    _odd(path, 4, lambda d: {**d, "inputs": None, "patient": [1], "order": "x"})
    _odd(path, 5, lambda d: {**d, "volume_to_draw_ml": "12.50", "delivered_dose_text": None,
                              "delivered_dose_cells": 1.5e20, "flags": [], "overrides": [{"code": "Y"}]})
    _odd(path, 6, lambda d: {k: v for k, v in d.items() if k not in ("inputs", "order", "flags", "lot_number")})
    _odd(path, 7, lambda d: {**d, "lot_number": 12, "computed_at": True, "target_dose_cells": "7",
                              "inputs": {**d["inputs"], "weight_kg": 62.50, "din": False}})
    _odd(path, 8, lambda d: {**d, "volume_to_draw_ml": 1e-7, "bags_needed": True, "inputs": {}})
    _odd(path, 9, lambda d: {**d, "inputs": [], "delivered_dose_text": "\u202eevil\x1b[31m"})
    _odd(path, 10, lambda d: {**d, "volume_to_draw_ml": 10**20, "final_volume_ml": -0.0, "drip_rate_gtt_per_min": 0})
    store = RecordStore.open_read_only(path)
    yield store
    store.close()


def test_history_lines_equal_those_of_full_records(varied: RecordStore) -> None:
    for patient, since in ((None, None), ("p1", None), (None, datetime(2000, 1, 1)), (None, datetime(9000, 1, 1))):
        lines = list(varied.iter_history_lines(patient, since))
        assert lines == [history_line(r) for r in varied.history(patient, since)]
    assert len(list(varied.iter_history_lines())) == 11


def test_history_lines_in_another_time_zone(varied: RecordStore, zone: str) -> None:
    assert list(varied.iter_history_lines()) == [history_line(r) for r in varied.history()]


def test_export_rows_equal_the_columns_of_full_records(varied: RecordStore, tmp_path: Path) -> None:
    fast, reference = tmp_path / "fast.csv", tmp_path / "reference.csv"
    assert varied.export_csv(fast) == 11
    assert csv_export.write_csv(varied.history(), reference) == 11
    assert fast.read_bytes() == reference.read_bytes()
    assert fast.read_bytes().startswith(b"\xef\xbb\xbfrecord_id,") and b"'=cmd" in fast.read_bytes()


@pytest.mark.parametrize("change", [lambda d: {**d, "inputs": "x"}, lambda d: {**d, "flags": "hard"},
                                    lambda d: {**d, "overrides": [1]}, lambda d: {**d, "target_dose_cells": [1]},
                                    lambda d: {**d, "inputs": {**d["inputs"], "weight_kg": {"a": 1}}}])
def test_a_document_the_columns_cannot_read_fails_the_export_as_before(varied: RecordStore, tmp_path: Path,
                                                                       change: Any) -> None:
    _odd(varied.path, 11, change)
    with pytest.raises(Exception) as fast:
        varied.export_csv(tmp_path / "fast.csv")
    with pytest.raises(Exception) as reference, varied._reading("export the records"):  # as export_csv wrapped it
        csv_export.write_csv(varied.history(), tmp_path / "reference.csv")
    assert (type(fast.value), str(fast.value).replace("fast.csv", "")) == (
        type(reference.value), str(reference.value).replace("reference.csv", ""))
    assert not (tmp_path / "fast.csv").exists()


@pytest.mark.parametrize("damage", ["not json", "[1, 2]"])
def test_a_damaged_document_is_named_by_history_and_export(varied: RecordStore, tmp_path: Path, damage: str) -> None:
    with closing(raw(varied.path)) as conn:
        conn.execute("UPDATE records SET document = ? WHERE id = 6", (damage,))
    with pytest.raises(StoreError, match="record 6"):
        list(varied.iter_history_lines())
    with pytest.raises(StoreError, match="record 6"):
        varied.export_csv(tmp_path / "x.csv")


def test_a_damaged_time_is_named_as_before(varied: RecordStore, tmp_path: Path) -> None:
    with closing(raw(varied.path)) as conn:
        conn.execute("UPDATE records SET created_at = 'yesterday' WHERE id = 2")
    with pytest.raises(StoreError, match="record 2") as listed:
        list(varied.iter_history_lines())
    with pytest.raises(StoreError, match="record 2") as full:
        varied.history()
    assert str(listed.value) == str(full.value)
    with pytest.raises(StoreError, match="record 2"):
        varied.export_csv(tmp_path / "x.csv")


def test_history_lines_stream_a_span_at_a_time(varied: RecordStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.records import listing, two_process

    fetched: list[int] = []
    monkeypatch.setattr(two_process, "SPAN", 3)
    real = listing.line_of
    monkeypatch.setattr(listing, "line_of", lambda *values: fetched.append(values[0]) or real(*values))
    lines = varied.iter_history_lines()
    assert fetched == []
    next(lines)
    assert fetched == [1, 2, 3]  # one span of records made, not the store
    assert len(list(lines)) == 10


def test_export_texts_stream_a_span_at_a_time(varied: RecordStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.records import two_process

    monkeypatch.setattr(two_process, "SPAN", 2)
    made = csv_export.iter_texts(varied._conn, varied.get, None)
    rows, text = next(made)
    assert rows == 2 and [line.split(",")[0] for line in text.splitlines()] == ["1", "2"]
    assert sum(rows for rows, _ in made) == 9  # records 3 to 11, two at a time
