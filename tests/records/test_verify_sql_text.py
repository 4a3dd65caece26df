"""Issue 18: the hash texts SQLite makes for verify (verify_walk.FAST_SELECT, LEDGER_SELECT) are exactly the
canonical JSON that canonical.record_hash / ledger_hash hash, for any value (hypothesis); a value of another
type gives no text (NULL), so the original Python rule hashes it. And verify still gives the original verdict for
documents a forger could write that the new SQL treats differently (hard in a message, escapes, odd types)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.records import canonical, verify_walk
from mscdose.records.canonical import RECORD_FIELDS, canonical_json
from mscdose.records.store import RecordStore
from tests.records.helpers import document, fast_and_original_verdicts, raw, rehash_everything

# every character but lone surrogates (which cannot be stored as UTF-8): quotes, backslashes, controls, NUL,
# U+2028, non-BMP
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
HEADER = st.tuples(st.integers(min_value=1, max_value=2**63 - 1), *[TEXT] * 10, st.none() | st.integers(1, 2**63 - 1),
                   TEXT)
DIGEST = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


def _records_table(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE TABLE records ({', '.join(RECORD_FIELDS)}, prev_sha256, document)")


@settings(max_examples=300, deadline=None)
@given(HEADER, TEXT, DIGEST)
def test_sql_record_hash_text_is_the_canonical_json(header: tuple[Any, ...], prev: str, digest: str) -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        _records_table(conn)
        conn.execute(f"INSERT INTO records VALUES ({', '.join('?' * 15)})", (*header, prev, "{}"))
        header_object, = conn.execute(f"SELECT CASE WHEN {verify_walk._TYPED} THEN {verify_walk._HEADER_OBJECT} END "
                                      "FROM records").fetchone()
    content = dict(zip(RECORD_FIELDS, header, strict=True))
    content.update(document_sha256=digest, prev_sha256=prev)
    assert verify_walk.record_text(header_object, digest) == canonical_json(content)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["app_version", "checked_by", "correction_reason", "created_at"]), DIGEST)
def test_a_value_before_the_document_hash_that_spells_its_key_does_not_take_its_place(column: str,
                                                                                        digest: str) -> None:
    """The document's SHA-256 goes where its key is, even when a value written before it holds the key's text."""
    values = dict(zip(RECORD_FIELDS, (7, *[""] * 10, None, ""), strict=True))  # empty texts: `:"",` everywhere
    values[column] = 'a,"document_sha256":"",b\\'
    with closing(sqlite3.connect(":memory:")) as conn:
        _records_table(conn)
        conn.execute(f"INSERT INTO records VALUES ({', '.join('?' * 15)})", (*values.values(), "p", "{}"))
        header_object, = conn.execute(f"SELECT {verify_walk._HEADER_OBJECT} FROM records").fetchone()
    assert verify_walk.record_text(header_object, digest) == canonical_json(
        {**values, "document_sha256": digest, "prev_sha256": "p"})


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(range(14)), st.one_of(st.floats(allow_nan=False), st.binary(max_size=5)))
def test_a_header_value_of_another_type_gives_no_sql_text(column: int, value: Any) -> None:
    values: list[Any] = [1, *["x"] * 10, None, "y", "0" * 64, "{}"]  # RECORD_FIELDS, prev_sha256, document
    values[column] = value
    with closing(sqlite3.connect(":memory:")) as conn:
        _records_table(conn)
        conn.execute(f"INSERT INTO records VALUES ({', '.join('?' * 15)})", values)
        assert conn.execute(f"SELECT {verify_walk._TYPED} FROM records").fetchone()[0] == 0


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 2**63 - 1), TEXT, st.integers(1, 2**63 - 1), TEXT, TEXT)
def test_sql_ledger_hash_text_is_the_canonical_json(seq: int, kind: str, ref: int, item: str, prev: str) -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute("CREATE TABLE ledger (seq, kind, ref, item_sha256, prev_sha256, sha256)")
        conn.execute("INSERT INTO ledger VALUES (?, ?, ?, ?, ?, '')", (seq, kind, ref, item, prev))
        text = conn.execute(verify_walk.LEDGER_SELECT).fetchone()[-1]
    assert canonical.sha256_text(text) == canonical.ledger_hash(
        {"seq": seq, "kind": kind, "ref": ref, "item_sha256": item}, prev)


# --- the same verdict as the original checks, for documents the SQL facts read differently ----------------

ODD_DOCUMENTS: dict[str, Any] = {
    "hard in a message only": lambda d: {**d, "flags": [{"code": "X", "severity": "info", "message": "hard to say"}]},
    "an escaped hard severity": lambda d: d,  # written by hand below: "h\u0061rd"
    "a backslash in a message": lambda d: {**d, "flags": [{"code": "X", "severity": "info", "message": "a\\b"}]},
    "status null": lambda d: {**d, "status": None},
    "status of another record": lambda d: {**d, "status": "warning"},
    "flags false": lambda d: {**d, "flags": False},
    "flags an empty object": lambda d: {**d, "flags": {}},
    "flags a list of texts": lambda d: {**d, "flags": ["hard"]},
    "din a number": lambda d: {**d, "inputs": {**d["inputs"], "din": 5}},
    "a flag without a severity": lambda d: {**d, "flags": [{"code": "X"}]},
}


@pytest.mark.parametrize("how", sorted(ODD_DOCUMENTS))
def test_odd_facts_get_the_original_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.save(document("P1", lot_number="L-7"))
        store.save(document("P2", lot_number="L-8"))
        store.mark_printed(2, True, "test")
    with closing(raw(path)) as conn:
        stored = json.loads(conn.execute("SELECT document FROM records WHERE id = 2").fetchone()[0])
        text = canonical_json(ODD_DOCUMENTS[how](stored))
        if how == "an escaped hard severity":
            text = text.replace('"flags":[', '"flags":[{"code":"X","severity":"h\\u0061rd"},', 1)
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET document = ? WHERE id = 2", (text,))
    rehash_everything(path)  # hashes and keys recomputed: only the document rule can object
    fast, original = fast_and_original_verdicts(path, monkeypatch)
    assert fast == original
    if how in ("an escaped hard severity", "status null", "status of another record"):
        assert not fast.ok and fast.first_bad_id == 2  # a hard flag, a status that is not the header's
    if how == "an escaped hard severity":
        assert "hard flag" in fast.problem


def test_a_header_changed_in_any_column_fails_on_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.save(document("P1", patient_name="Zoë \"Q\" Müller"))
        store.save(document("P2"))
    for column in RECORD_FIELDS[1:]:
        with closing(raw(path)) as conn:
            conn.execute("DROP TRIGGER IF EXISTS records_no_update")
            before = conn.execute(f"SELECT {column} FROM records WHERE id = 1").fetchone()[0]
            changed = 2 if column == "supersedes" else f"{before}x" if column != "status" else "warning"
            conn.execute(f"UPDATE records SET {column} = ? WHERE id = 1", (changed,))
        with RecordStore.open_read_only(path) as store:
            report = store.verify()
        assert not report.ok and report.first_bad_id == 1, column
        with closing(raw(path)) as conn:
            conn.execute(f"UPDATE records SET {column} = ? WHERE id = 1", (before,))
    with RecordStore.open_read_only(path) as store:
        assert store.verify().ok
