"""What a final worksheet must carry (issues 10, 11, 12, 19), read back from real PDFs.

The worked example of domain.md, entered in pounds with a date of birth and an order. Worked by hand:
150 lb × 0.45359237 = 68.0388555 kg → "68.039 kg" (3 decimals, display rule); Cv = 5 × 0.92 = 4.6 million/mL;
150 / 4.6 = 32.6087 → 32.6 mL; 32.6 × 4.6 = 149.96 million cells; / 68.0388555 kg = 2.2041 → 2.204 million
cells/kg. Thawed 09:30 (UTC+01:00), post-thaw limit 3 h: finish by 12:30; infusion 60 min: start by 11:30.
Born 1990-05-17, calculated on 2026-11-25: 36 years.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mscdose.core.document import record_document
from mscdose.worksheet.pdf_marker import NotAWorksheet, WorksheetMarker, marker_text, read_marker
from mscdose.worksheet.render import worksheet_html, write_worksheet_pdf
from tests.worked_example import compute_texts
from tests.worksheet.helpers import WORKED, changed, make_document, pdf_pages

RECORD_HASH = "0123456789abcdef" * 4
CHAIN_HEAD = "fedcba9876543210" * 4


def identified_document() -> dict[str, Any]:
    result = compute_texts({**WORKED, "weight": "150 lb", "age": None, "date_of_birth": "1990-05-17"})
    return record_document(result, patient_id="P-0001", patient_name="Jane Example", prepared_by="JS",
                           lot_number="UCMSC-2026-014", prescriber="Dr Anna Prescriber",
                           order_reference="RX-2026-0042", order_date="2026-11-24",
                           eligibility={"Written informed consent": True})


@pytest.fixture(scope="module")
def identified_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identified") / "w.pdf"
    write_worksheet_pdf(identified_document(), path, record_id=17, site_name="City Hospital Pharmacy",
                        record_hash=RECORD_HASH[:12], chain_head=CHAIN_HEAD[:12])
    return path


def test_start_by_and_finish_by_are_printed(identified_pdf: Path) -> None:
    first = pdf_pages(identified_pdf)[0]
    assert ("Time of use start by 2026-11-25 11:30 (UTC+01:00) · finish by 2026-11-25 12:30 (UTC+01:00)"
            in first)
    assert "Thawed at 2026-11-25 09:30 (UTC+01:00); limit 3 h (site value)" in first
    assert "Administer before" not in first


def test_both_patient_identifiers_are_on_both_pages(identified_pdf: Path) -> None:
    pages = pdf_pages(identified_pdf)
    assert len(pages) == 2
    for page in pages:
        assert "Patient ID P-0001 · Jane Example · born 1990-05-17 · 36 years (age from date of birth)" in page
    assert "Date of birth 1990-05-17 Age 36 years (age from date of birth)" in pages[0]
    assert "Patient ID P-0001 Date of birth 1990-05-17" in pages[1]  # the checker's grid


def test_the_order_is_printed(identified_pdf: Path) -> None:
    first = pdf_pages(identified_pdf)[0]
    assert "Prescriber Dr Anna Prescriber Order reference RX-2026-0042 of 2026-11-24" in first


def test_weight_in_both_units_and_delivered_dose_per_kg(identified_pdf: Path) -> None:
    first, second = pdf_pages(identified_pdf)
    assert "Weight 150 lb = 68.039 kg" in first
    assert "Weight 150 lb = 68.039 kg" in second  # the checker sees what was typed, and the kg
    assert "149.96 million cells (2.204 million cells/kg) · target 150 million cells" in first


def test_record_hash_chain_head_and_check_command_on_every_page(identified_pdf: Path) -> None:
    for page in pdf_pages(identified_pdf):
        assert ("Record 17 · record hash 0123456789ab · chain head fedcba987654 · check: mscdose audit verify "
                "--worksheet FILE.pdf") in page


def test_the_marker_in_the_metadata_is_read_back_without_a_pdf_library(identified_pdf: Path) -> None:
    assert read_marker(identified_pdf) == WorksheetMarker(17, "0123456789ab", "fedcba987654")
    creator = PdfReader(identified_pdf).metadata["/Creator"]  # pypdf, independently
    assert creator.endswith("mscdose-worksheet v1 record=17 hash=0123456789ab head=fedcba987654")


def test_a_preview_or_a_foreign_pdf_carries_no_marker(tmp_path: Path) -> None:
    preview = tmp_path / "preview.pdf"
    write_worksheet_pdf(make_document(), preview, preview_reason="checking", record_hash=RECORD_HASH[:12],
                        chain_head=CHAIN_HEAD[:12])
    with pytest.raises(NotAWorksheet, match="no mscdose record marker"):
        read_marker(preview)
    assert "Not a saved record" in pdf_pages(preview)[0]
    text = tmp_path / "x.pdf"
    text.write_text("hello")
    with pytest.raises(NotAWorksheet, match="not a PDF"):
        read_marker(text)
    with pytest.raises(NotAWorksheet, match="cannot be read"):
        read_marker(tmp_path / "missing.pdf")


def test_marker_parser_undoes_pdf_string_escapes(tmp_path: Path) -> None:
    """A literal string with escaped parentheses, a backslash and octal bytes, as a PDF writer may write it."""
    marker = marker_text(3, "a" * 12, "b" * 12).encode("utf-16-be")
    escaped = marker.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    body = (b"%PDF-1.4\n1 0 obj\n<<\n/Title (x \\(y\\) \\101)\n/Creator (\\376\\377" + escaped + b")\n>>\nendobj\n"
            b"trailer\n<< /Info 1 0 R >>\n%%EOF\n")
    path = tmp_path / "escaped.pdf"
    path.write_bytes(body)
    assert read_marker(path) == WorksheetMarker(3, "a" * 12, "b" * 12)


def test_copy_number_marks_reprint_n(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_worksheet_pdf(make_document(), path, record_id=5, copy_number=2)
    for page in pdf_pages(path):
        assert re.search(r"REPRINT 2 · 20\d\d-\d\d-\d\d \d\d:\d\d", page)
    assert "REPRINT 3" in worksheet_html(make_document(), record_id=5, copy_number=3)
    with pytest.raises(ValueError, match="copy_number"):
        write_worksheet_pdf(make_document(), tmp_path / "bad.pdf", copy_number=-1)
    with pytest.raises(ValueError, match="record_hash"):
        write_worksheet_pdf(make_document(), tmp_path / "bad.pdf", record_hash="not hex")


def test_a_dose_next_to_a_limit_is_printed_as_the_core_wrote_it(tmp_path: Path) -> None:
    """Issue 10 §4: 99.999 million cells must never print as "100 million cells" beside a 100 million minimum.
    The document's delivered_dose_text is what the worksheet prints (here set by hand to prove it is used)."""
    document = changed(make_document(), delivered_dose_text="99.999 million cells",
                       delivered_dose_per_kg_text="1.6129 million cells/kg")
    html = worksheet_html(document, record_id=1)
    assert "99.999 million cells</b> (1.6129 million cells/kg)" in html


def test_old_documents_still_print(tmp_path: Path) -> None:
    """A record saved before issues 10 and 19: no start/finish by, no date of birth, no order, typed age."""
    old = make_document()
    for key in ("start_by", "finish_by", "delivered_dose_text", "delivered_dose_per_kg_text", "order",
                "age_years", "age_source"):
        old.pop(key, None)
    old["patient"] = {"id": "P-0001", "name": "Jane Example"}
    path = tmp_path / "old.pdf"
    write_worksheet_pdf(old, path, record_id=1)
    first = pdf_pages(path)[0]
    assert "start by — · finish by 2026-11-25 12:30 (UTC+01:00)" in first  # the old administer-before
    assert "Date of birth not recorded Age 34 years (age as typed)" in first
    assert "Prescriber — Order reference —" in first
    assert "149.96 million cells (2.419 million cells/kg)" in first
