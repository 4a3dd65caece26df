"""The calculation document: what is saved and printed."""

from __future__ import annotations

from mscdose.core.document import record_document
from mscdose.core.overrides import Override, finalising_flags

from .helpers import calc


def test_document_carries_people_lot_overrides_and_checklist() -> None:
    r = calc()
    doc = record_document(r, patient_id="P-1", patient_name="A Patient", prepared_by="AB", lot_number="L7",
                          eligibility={r.protocol.inclusion[0]: True})
    assert doc["patient"] == {"id": "P-1", "name": "A Patient"}
    assert doc["volume_to_draw_ml"] == 32.6 and doc["status"] == "ok"
    assert doc["eligibility"][0] == {"kind": "inclusion", "criterion": r.protocol.inclusion[0], "confirmed": True}
    assert doc["eligibility"][1]["confirmed"] is None
    assert len(doc["eligibility"]) == len(r.protocol.inclusion) + len(r.protocol.exclusion)
    assert doc["protocol_settings"]["final_volume"]["source"] == "site"


def test_finalising_flags_join_the_document_and_its_status() -> None:
    r = calc()
    extra = finalising_flags({}, ["criterion"])
    doc = record_document(r, patient_id="P-1", extra_flags=extra,
                          overrides=[Override("ELIGIBILITY_UNCONFIRMED", "confirmed verbally by consultant", "AB")])
    assert doc["status"] == "warning"
    assert doc["flags"][0]["code"] == "ELIGIBILITY_UNCONFIRMED"
    assert doc["overrides"][0]["code"] == "ELIGIBILITY_UNCONFIRMED"
