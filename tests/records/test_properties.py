"""Property tests: any text a user may type survives a save exactly, and the hash ignores key order.

A patient ID must have at least one letter or digit (canonical key not empty), else save refuses it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mscdose.core.identifiers import canonical_key
from mscdose.records.canonical import canonical_json, sha256_text
from mscdose.records.store import RecordStore
from tests.records.helpers import document

TEMPLATE = document("P1")
typed = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(patient_id=typed.filter(lambda t: canonical_key(t) != ""), name=typed, lot=typed)
def test_any_typed_text_round_trips_and_verifies(patient_id: str, name: str, lot: str) -> None:
    doc = {**TEMPLATE, "patient": {"id": patient_id, "name": name}, "lot_number": lot}
    with tempfile.TemporaryDirectory() as folder, RecordStore(Path(folder) / "r.sqlite3") as store:
        saved = store.save(doc)
        again = store.get(saved.id)
        assert again.document == doc
        assert again.patient_id == patient_id.strip() and again.patient_name == name.strip()
        assert [r.id for r in store.history(patient_id)] == [saved.id]
        assert store.verify().ok


@given(st.permutations(list(TEMPLATE)))
def test_the_document_hash_does_not_depend_on_key_order(keys: list[str]) -> None:
    reordered = {key: TEMPLATE[key] for key in keys}
    assert sha256_text(canonical_json(reordered)) == sha256_text(canonical_json(TEMPLATE))
