"""The bag label code format (core/label_code.py): MSCDOSE1|R=<record>|P=<patient>|D=<DIN>."""

from __future__ import annotations

import pytest

from mscdose.core.errors import InputError
from mscdose.core.label_code import LabelCode, encode_label_code, parse_label_code


def test_the_documented_example() -> None:
    assert encode_label_code(12, "AA-014", "G1234 98 654321 H") == "MSCDOSE1|R=12|P=AA-014|D=G123498654321"
    assert parse_label_code("MSCDOSE1|R=12|P=AA-014|D=G123498654321\r\n") == LabelCode("12", "AA-014",
                                                                                       "G123498654321")


@pytest.mark.parametrize(("din", "expected"), [("G123498654321H", "G123498654321"), ("G123498654321", "G123498654321"),
                                               ("=G12349865432177", "G123498654321"), (None, ""), ("", "")])
def test_din_forms(din: str | None, expected: str) -> None:
    assert encode_label_code(1, "P", din).endswith(f"|D={expected}")


@pytest.mark.parametrize(("patient_id", "encoded"), [("AA 014|b", "AA%20014%7Cb"), ("Müller-7", "M%C3%BCller-7"),
                                                     ("100%", "100%25")])
def test_awkward_patient_ids_are_escaped_and_come_back(patient_id: str, encoded: str) -> None:
    text = encode_label_code(3, patient_id, None)
    assert text == f"MSCDOSE1|R=3|P={encoded}|D="
    assert parse_label_code(text).patient_id == patient_id


@pytest.mark.parametrize(("record", "patient", "din"), [("x1", "P", None), (3, "  ", None),
                                                        (3, "P", "G123498654321A"), (3, "P", "O123498654321")])
def test_a_code_that_would_not_identify_its_record_is_refused(record: object, patient: str, din: str | None) -> None:
    with pytest.raises(ValueError):
        encode_label_code(record, patient, din)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "words"), [
    ("", "nothing was scanned"),
    ("mscdose1|r=12|p=aa-014|d=g123498654321", "Caps Lock"),
    ("=G12349865432177", "not an mscdose bag label"),
    ("MSCDOSE2|R=12|P=AA-014|D=G123498654321", "not an mscdose bag label"),
    ("MSCDOSE1|R=12|P=AA-014", "cannot be read"),                        # cut short
    ("MSCDOSE1|R=12|P=AA-014|D=G123498654321|X=1", "cannot be read"),
    ("MSCDOSE1|R=1a|P=AA-014|D=", "cannot be read"),
    ("MSCDOSE1|R=12|P=AA-014|D=G12349865432", "damaged patient id or DIN"),
    ("MSCDOSE1|R=12|P=%FF|D=", "damaged patient id or DIN"),
])
def test_refused(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_label_code(text)
    assert caught.value.field == "bag_label" and words in caught.value.message
    assert "Accepted:" in caught.value.message
