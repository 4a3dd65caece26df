"""Issue 18: verify's fast walk (records/verify_walk.py) gives exactly the original hashes, keys and verdicts.

The fast path may only accept; anything not plainly as mscdose writes it goes to the original checks. These
tests compare the two: the same hash text for any value (hypothesis), the same canonical key, and the same
report for stores whose documents are odd in ways a forger (who recomputes every hash) could make them.
"""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mscdose.core.identifiers import canonical_key
from mscdose.records import canonical, signature_rules, verify_walk
from mscdose.records.canonical import canonical_json
from mscdose.records.store import RecordStore
from tests.records.helpers import document, fast_and_original_verdicts, raw, rehash_everything

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)  # quotes, backslashes, controls, non-ASCII
ODD = st.one_of(TEXT, st.none(), st.integers(), st.booleans(), st.floats(allow_nan=False, allow_infinity=False))
HEADER = st.tuples(st.integers(min_value=1, max_value=2**63 - 1), *[TEXT] * 10, st.none() | st.integers(1, 10**6),
                   TEXT)


@settings(max_examples=300, deadline=None)
@given(HEADER, TEXT, st.text(alphabet="0123456789abcdef", min_size=64, max_size=64))
def test_record_hash_equals_the_canonical_rule(header: tuple[Any, ...], doc: str, prev: str) -> None:
    expected = canonical.record_hash(dict(zip(canonical.RECORD_FIELDS, header, strict=True)), doc, prev)
    assert verify_walk.record_hash(header, doc.encode("utf-8"), prev) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(ODD, min_size=13, max_size=13), TEXT)
def test_record_hash_of_unexpected_types_equals_the_canonical_rule(values: list[Any], prev: str) -> None:
    doc = '{"a":1}'
    expected = canonical.record_hash(dict(zip(canonical.RECORD_FIELDS, values, strict=True)), doc, prev)
    assert verify_walk.record_hash(tuple(values), doc.encode(), prev) == expected


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers(0, 2**62) | ODD, TEXT | ODD, st.integers(0, 2**62) | ODD, TEXT | ODD), TEXT | ODD)
def test_ledger_hash_equals_the_canonical_rule(entry: tuple[Any, ...], prev: Any) -> None:
    expected = canonical.ledger_hash(dict(zip(canonical.LEDGER_FIELDS, entry, strict=True)), prev)
    assert verify_walk.ledger_hash(entry, prev) == expected


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers(0, 2**62), st.integers(0, 2**62), TEXT, st.sampled_from([0, 1]), TEXT), TEXT)
def test_print_event_hash_equals_the_canonical_rule(event: tuple[Any, ...], prev: str) -> None:
    expected = canonical.print_event_hash(dict(zip(canonical.PRINT_FIELDS, event, strict=True)), prev)
    assert verify_walk.print_event_hash(event, prev) == expected


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers() | ODD, st.integers() | ODD, TEXT | ODD, st.integers() | ODD, TEXT | ODD),
       TEXT | ODD)
def test_print_event_hash_of_any_types_equals_the_canonical_rule(event: tuple[Any, ...], prev: Any) -> None:
    """Issue 18, session 7: the print event's text is made from a template when its values have the types
    mscdose writes (whole numbers and text; `True` is not one: JSON writes it `true`), else the original way."""
    expected = canonical.print_event_hash(dict(zip(canonical.PRINT_FIELDS, event, strict=True)), prev)
    assert verify_walk.print_event_hash(event, prev) == expected


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**62), st.integers(0, 2**62), TEXT, st.booleans() | st.integers(), TEXT, TEXT)
def test_a_print_event_whose_ok_is_true_or_false_is_written_as_json_writes_it(
        event_id: int, record_id: int, at: str, ok: Any, detail: str, prev: str) -> None:
    """Every other value of the template's type: `ok` a bool (JSON `true`, never `1`) or any whole number."""
    event = (event_id, record_id, at, ok, detail)
    expected = canonical.print_event_hash(dict(zip(canonical.PRINT_FIELDS, event, strict=True)), prev)
    assert verify_walk.print_event_hash(event, prev) == expected


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers(0, 2**62), st.integers(0, 2**62), TEXT, TEXT, TEXT, TEXT, TEXT, TEXT))
def test_signature_hash_equals_the_rule(signature: tuple[Any, ...]) -> None:
    expected = signature_rules.signature_hash(dict(zip(signature_rules.SIGNATURE_FIELDS, signature, strict=True)))
    assert verify_walk.signature_hash(signature) == expected


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers() | ODD, st.integers() | ODD, TEXT | ODD, TEXT | ODD, TEXT | ODD, TEXT | ODD,
                 TEXT | ODD, TEXT | ODD))
def test_signature_hash_of_any_types_equals_the_rule(signature: tuple[Any, ...]) -> None:
    """Issue 18, session 8: a signature's text is made from a template when its values have the types mscdose
    writes (whole numbers and text), else by the rule itself; `True` for an id is JSON `true`, not `1`."""
    expected = signature_rules.signature_hash(dict(zip(signature_rules.SIGNATURE_FIELDS, signature, strict=True)))
    assert verify_walk.signature_hash(signature) == expected


@settings(max_examples=100, deadline=None)
@given(st.booleans() | st.integers(0, 2**62), st.booleans() | st.integers(0, 2**62), TEXT)
def test_a_signature_whose_ids_are_true_or_false_is_written_as_json_writes_it(sid: Any, rid: Any,
                                                                              text: str) -> None:
    signature = (sid, rid, text, text, text, text, text, text)
    expected = signature_rules.signature_hash(dict(zip(signature_rules.SIGNATURE_FIELDS, signature, strict=True)))
    assert verify_walk.signature_hash(signature) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20) | st.from_regex(r"[A-Za-z0-9]{1,12}", fullmatch=True))
def test_the_short_way_to_a_key_is_canonical_key(text: str) -> None:
    assert verify_walk.key(text) == canonical_key(text)


def test_plain_ascii_ids_are_keyed_by_hand() -> None:
    assert verify_walk.key("MRN123") == "mrn123"
    assert verify_walk.key("MRN-123") == "mrn123"  # not alphanumeric: canonical_key drops the hyphen


# --- the same verdict as the original checks, for documents a forger could write (every hash recomputed) ---

ODD_DOCUMENTS: dict[str, Any] = {
    "inputs a list, lot kept": lambda d: {**d, "inputs": [1]},
    "inputs a text": lambda d: {**d, "inputs": "x"},
    "inputs null": lambda d: {**d, "inputs": None},
    "lot a number": lambda d: {**d, "lot_number": 12},
    "lot true": lambda d: {**d, "lot_number": True},
    "status a number": lambda d: {**d, "status": 1},
    "flags a text": lambda d: {**d, "flags": "hard"},
    "flags an object": lambda d: {**d, "flags": {"severity": "hard"}},
    "a hard flag": lambda d: {**d, "flags": [{"code": "X", "severity": "hard"}]},
    "document a list": lambda d: [d],
    "no flags key": lambda d: {k: v for k, v in d.items() if k != "flags"},
}


@pytest.mark.parametrize("how", sorted(ODD_DOCUMENTS))
def test_odd_documents_get_the_original_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.save(document("P1", lot_number="L-7", din="G123498654321H"))
        store.save(document("P2", lot_number="L-8"))
    with closing(raw(path)) as conn:
        stored = json.loads(conn.execute("SELECT document FROM records WHERE id = 2").fetchone()[0])
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET document = ? WHERE id = 2", (canonical_json(ODD_DOCUMENTS[how](stored)),))
    rehash_everything(path)  # hashes and keys recomputed: only the document rule can object
    fast, original = fast_and_original_verdicts(path, monkeypatch)
    assert fast == original


def test_keys_differing_from_the_document_fail_on_the_fast_path_too(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.save(document("P1", lot_number="L-7"))
    with closing(raw(path)) as conn:
        conn.execute("DROP TRIGGER record_keys_no_update")
        conn.execute("UPDATE record_keys SET lot_key = 'OTHER' WHERE record_id = 1")
    fast, original = fast_and_original_verdicts(path, monkeypatch)
    assert fast == original and not fast.ok and "keys" in fast.problem


def test_a_document_that_is_not_json_is_named_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.save(document("P1"))
        store.save(document("P2"))
    with closing(raw(path)) as conn:
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET document = '{not json' WHERE id = 2")
    rehash_everything(path)  # the keys of a document that is not JSON are empty (schema.document_lots)
    fast, original = fast_and_original_verdicts(path, monkeypatch)
    assert fast == original
    assert (fast.ok, fast.first_bad_id) == (False, 2) and "not readable JSON" in fast.problem
