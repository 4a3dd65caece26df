"""The calculation document: what is saved and printed."""

from __future__ import annotations

from mscdose.core.document import record_document
from mscdose.core.overrides import Override, finalising_flags

from .helpers import calc


def test_document_carries_people_lot_overrides_and_checklist() -> None:
    r = calc()
    doc = record_document(r, patient_id="P-1", patient_name="A Patient", prepared_by="AB", lot_number="L7",
                          eligibility={r.protocol.inclusion[0]: True})
    assert doc["patient"] == {"id": "P-1", "name": "A Patient", "date_of_birth": None, "age_years": 30,
                              "age_source": "typed"}  # issue 19 added the last three
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


def test_document_carries_both_patient_identifiers_and_the_order() -> None:
    # issue 19: born 1990-04-03, prepared 2026-11-25: 36 completed years (birthday in April has passed)
    from datetime import date

    r = calc(age=None, date_of_birth="1990-04-03", now="2026-11-25T10:00:00+00:00")
    doc = record_document(r, patient_id="MRN-004512", patient_name="A Patient", prescriber="Dr B Jones",
                          order_reference="RX-2026-0042", order_date="2026-11-24", date_of_birth="1990-04-03")
    assert doc["patient"] == {"id": "MRN-004512", "name": "A Patient", "date_of_birth": "1990-04-03",
                              "age_years": 36, "age_source": "date_of_birth"}
    assert doc["order"] == {"prescriber": "Dr B Jones", "reference": "RX-2026-0042", "date": "2026-11-24"}
    assert doc["inputs"]["date_of_birth"] == "1990-04-03"
    assert record_document(r, patient_id="P", order_date=date(2026, 11, 24))["order"]["date"] == "2026-11-24"


def test_old_callers_get_empty_order_and_no_date_of_birth() -> None:
    doc = record_document(calc(), patient_id="P-1")
    assert doc["order"] == {"prescriber": "", "reference": "", "date": None}
    assert doc["patient"]["date_of_birth"] is None and doc["patient"]["age_source"] == "typed"


def test_a_bad_order_date_or_a_different_date_of_birth_is_refused() -> None:
    import pytest

    from mscdose.core.errors import InputError

    with pytest.raises(InputError, match="Order date: “24/11/2026”"):
        record_document(calc(), patient_id="P-1", order_date="24/11/2026")
    with pytest.raises(ValueError, match="pass it to read_request"):
        record_document(calc(), patient_id="P-1", date_of_birth="1990-04-03")  # not in the request: age unchecked
    with pytest.raises(ValueError, match="is not the one the calculation used"):
        record_document(calc(date_of_birth="1990-04-03", age=None), patient_id="P-1", date_of_birth="1990-04-04")


def test_document_shows_the_dose_beside_its_limits_as_text() -> None:
    # 20.5 mL × 4.878e6 = 99.999e6 (target 99.999e6 is itself below 100e6, so it stays and is blocked)
    doc = record_document(calc(dose="99.999 million cells", concentration="5.42 million cells/mL", viability="90"),
                          patient_id="P-1")
    assert doc["delivered_dose_text"] == "99.999 million cells"
    assert doc["status"] == "blocked"
