"""What must be present before finalising (issue 19), and the one-infusion flag (issue 10 §3)."""

from __future__ import annotations

from dataclasses import replace

from mscdose.core.document import record_document
from mscdose.core.infusion_limit import infusion_limit_flags
from mscdose.core.protocol import load_protocol
from mscdose.core.required import document_values, missing_for_finalising

from .helpers import calc

COMPLETE = {"patient_id": "MRN-004512", "patient_name": "A Patient", "date_of_birth": "1990-04-03",
            "order_reference": "RX-1", "prescriber": "Dr B", "lot_number": "L7", "din": "G123498654321 H",
            "thawed_at": "2026-11-25T09:30"}


def test_the_default_list_names_everything_missing_in_order() -> None:
    # issue 19's record 3: saved with no lot number, no DIN, no thaw time and no age, only a patient id
    assert missing_for_finalising(load_protocol(), {"patient_id": "P-3"}) == [
        "patient name", "date of birth or age", "order reference", "prescriber", "lot number",
        "DIN (donation identification number)", "thaw time"]
    assert missing_for_finalising(load_protocol(), COMPLETE) == []


def test_age_stands_in_for_date_of_birth_and_blanks_count_as_missing() -> None:
    p = load_protocol()
    assert missing_for_finalising(p, {**COMPLETE, "date_of_birth": "", "age": "45"}) == []
    # spaces and zero-width characters only are not a value
    assert missing_for_finalising(p, {**COMPLETE, "date_of_birth": " ", "lot_number": "\u200b \ufeff"}) == [
        "date of birth or age", "lot number"]


def test_a_site_list_is_followed() -> None:
    p = replace(load_protocol(), required_at_finalising=("patient_id", "checked_by"))
    assert missing_for_finalising(p, COMPLETE) == ["checked by"]


def test_document_values_of_a_saved_document() -> None:
    doc = record_document(calc(thawed_at="2026-11-25T09:30:00+00:00", now="2026-11-25T10:00:00+00:00"),
                          patient_id="P-1", patient_name="A Patient", lot_number="L7", prescriber="Dr B",
                          order_reference="RX-1")
    assert missing_for_finalising(load_protocol(), document_values(doc)) == [
        "DIN (donation identification number)"]
    old = {"patient": {"id": "P-1", "name": ""}, "inputs": {"age_years": 30}}  # an old record: keys absent
    assert "order reference" in missing_for_finalising(load_protocol(), document_values(old))


def test_one_infusion_means_one_infusion() -> None:
    p = load_protocol()  # infusions = 1
    assert infusion_limit_flags(0, p) == []
    (flag,) = infusion_limit_flags(1, p)
    assert (flag.code, flag.severity) == ("INFUSION_LIMIT_REACHED", "hard")
    assert "already has 1 final infusion record under NCT03055078, which allows 1 infusion per patient" in (
        flag.message)
    assert infusion_limit_flags(1, p, is_correction=True) == []  # a correction supersedes, it does not add
    two = replace(p, infusions=2)
    assert infusion_limit_flags(1, two) == [] and len(infusion_limit_flags(2, two)) == 1
