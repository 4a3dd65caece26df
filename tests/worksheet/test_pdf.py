"""The worksheet PDF read back with pypdf: numbers, header and footer, markings, page sizes, fonts.

Expected numbers are worked out by hand from domain.md for the worked example (62 kg, 150 million cells,
5 million cells/mL at 92 %, two 20 mL bags, site values 100 mL over 60 min at 20 gtt/mL, step 0.1 mL):
Cv = 5 × 0.92 = 4.6 million/mL; 150 / 4.6 = 32.6087 mL → 32.6 mL; 32.6 × 4.6 = 149.96 million cells;
149.96 / 62 = 2.4187 → 2.419 million cells/kg; 100 − 32.6 = 67.4 mL; 100 mL / 1 h = 100 mL/h;
100 × 20 / 60 = 33.3 → 33 gtt/min.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mscdose.core.overrides import Override
from mscdose.worksheet.content import blocked_reason
from mscdose.worksheet.render import write_worksheet_pdf
from tests.worksheet.helpers import (
    BLOCKED,
    changed,
    embedded_fonts,
    make_document,
    page_sizes,
    pdf_pages,
    protocol_short_hash,
)

WORKED_NUMBERS = ("32.6 mL", "149.96 million cells", "2.419 million cells/kg", "67.4 mL", "100 mL/h",
                  "33 gtt/min")


@pytest.fixture(scope="module")
def worked_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("worksheet") / "worked.pdf"
    write_worksheet_pdf(make_document(), path, record_id=17, site_name="City Hospital Pharmacy")
    return path


def test_worked_example_numbers_are_on_page_one(worked_pdf: Path) -> None:
    first = pdf_pages(worked_pdf)[0]
    for text in WORKED_NUMBERS:
        assert text in first, text
    assert "32.6087 mL" in first  # the exact volume, with the rounding shown
    assert "20 gtt/mL" in first  # the drop factor with the drip rate


def test_usual_case_fits_two_pages_with_numbering(worked_pdf: Path) -> None:
    pages = pdf_pages(worked_pdf)
    assert len(pages) == 2
    assert "Page 1 of 2" in pages[0]
    assert "Page 2 of 2" in pages[1]


def test_header_and_footer_on_every_page(worked_pdf: Path) -> None:
    short = protocol_short_hash()
    for page in pdf_pages(worked_pdf):
        assert "UC-MSC dose worksheet" in page
        assert "City Hospital Pharmacy" in page
        assert "Protocol NCT03055078 version 1.0" in page
        assert "Umbilical Cord Derived Mesenchymal Stem Cells Therapy in Aplastic Anemia" in page
        assert f"protocol file {short}" in page
        assert "Record 17" in page
        assert "Patient ID P-0001" in page
        assert "generated 20" in page
        assert f"values checked against protocol NCT03055078 {short}" in page


def test_patient_product_and_eligibility(worked_pdf: Path) -> None:
    first, second = pdf_pages(worked_pdf)
    assert "Jane Example" in first and "34 years" in first and "62 kg" in first
    assert "G1234 98 654321 H (check character H)" in first
    assert "UCMSC-2026-014" in first
    assert "2026-11-25 09:30 (UTC+01:00)" in first  # thaw time
    assert "2026-11-25 12:30 (UTC+01:00)" in first  # + 3 h post-thaw limit: administer before
    assert "Written informed consent ☑ met" in second
    assert "ECOG performance status 0 to 2 ☐ not confirmed" in second


def test_signature_lines_and_independent_check(worked_pdf: Path) -> None:
    second = pdf_pages(worked_pdf)[1]
    for text in ("Prepared by", "Independently checked by", "Administered by", "Signature", "Date / time",
                 "Your volume to draw", "Your dose delivered", "Difference from the worksheet"):
        assert text in second, text
    assert "Prepared by JS" in second
    # The checker's page repeats the inputs but not our answers.
    assert "5 million cells/mL" in second and "92 %" in second
    assert "32.6" not in second and "149.96" not in second


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_sizes(tmp_path: Path, size: str, points: tuple[int, int]) -> None:
    path = tmp_path / "sized.pdf"
    write_worksheet_pdf(make_document(), path, page_size=size, record_id=1)
    assert page_sizes(path) == [points, points]
    assert "Page 2 of 2" in pdf_pages(path)[1]


def test_bundled_fonts_are_embedded(worked_pdf: Path) -> None:
    fonts = embedded_fonts(worked_pdf)
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert any("DejaVuSansCondensed" in name for name in fonts), fonts


def test_final_worksheet_of_blocked_calculation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blocked.pdf"
    with pytest.raises(ValueError, match="blocked") as caught:
        write_worksheet_pdf(make_document(BLOCKED), path)
    assert "VIABILITY_BELOW_MINIMUM" in str(caught.value)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_blocked_preview_is_marked_on_every_page(tmp_path: Path) -> None:
    document = make_document(BLOCKED)
    path = tmp_path / "preview.pdf"
    write_worksheet_pdf(document, path, preview_reason=blocked_reason(document))
    pages = pdf_pages(path)
    assert len(pages) >= 2
    for page in pages:
        assert "NOT FOR ADMINISTRATION" in page
        assert "VIABILITY_BELOW_MINIMUM" in page and "INSUFFICIENT_PRODUCT" in page
        assert "Record: not saved" in page


def test_reprint_is_marked_on_every_page_and_prints_the_saved_numbers(tmp_path: Path) -> None:
    # A saved document whose volume differs from what the engine would compute today: the reprint must
    # show the saved value, proving nothing is recomputed.
    saved = changed(make_document(), volume_to_draw_ml=31.9)
    path = tmp_path / "reprint.pdf"
    write_worksheet_pdf(saved, path, record_id=5, reprint_at=datetime(2026, 11, 26, 8, 5, tzinfo=UTC))
    pages = pdf_pages(path)
    for page in pages:
        assert "REPRINT · 2026-11-26 08:05 (UTC+00:00)" in page  # no copy number given: plain REPRINT
        assert "not recomputed" in page
        assert "generated 2026-11-26 08:05" in page
    assert "31.9 mL" in pages[0]


def test_soft_flag_needs_an_override_and_the_override_is_printed(tmp_path: Path) -> None:
    path = tmp_path / "soft.pdf"
    with pytest.raises(ValueError, match="WEIGHT_UNUSUAL"):
        write_worksheet_pdf(make_document(weight="25 kg"), path)
    assert not path.exists()
    override = Override("WEIGHT_UNUSUAL", "principal investigator approved by phone", "JS")
    write_worksheet_pdf(make_document(weight="25 kg", overrides=(override,)), path, record_id=3)
    first = pdf_pages(path)[0]
    assert "SOFT WEIGHT_UNUSUAL" in first
    assert "Overridden: “principal investigator approved by phone” – JS" in first


def test_override_of_a_finalising_flag_gets_its_own_row(tmp_path: Path) -> None:
    override = Override("ELIGIBILITY_UNCONFIRMED", "criteria reviewed in clinic today", "JS")
    path = tmp_path / "finalising.pdf"
    write_worksheet_pdf(make_document(overrides=(override,)), path, record_id=4)
    first = pdf_pages(path)[0]
    assert "SOFT ELIGIBILITY_UNCONFIRMED" in first
    assert "“criteria reviewed in clinic today” – JS" in first


def test_per_kg_prescription_in_pounds(tmp_path: Path) -> None:
    # 150 lb × 0.45359237 = 68.0388555 kg; 2 million/kg × 68.0388555 kg = 136.08 million cells.
    path = tmp_path / "lb.pdf"
    write_worksheet_pdf(make_document(weight="150 lb", dose="2 million cells/kg"), path, record_id=2)
    first = pdf_pages(path)[0]
    assert "150 lb = 68.039 kg" in first  # issue 11: both units on paper
    assert "2 million cells/kg (per kg) = 136.08 million cells" in first
    assert "136.08 million cells" in first


def test_numbers_follow_the_display_rules(worked_pdf: Path) -> None:
    text = " ".join(pdf_pages(worked_pdf))
    text = text.replace("version 1.0", "").replace("mscdose 0.1.0", "")
    assert not re.search(r"\d[eE][+-]?\d", text), "e notation"
    assert not re.search(r"(?<![\d.])\d+\.\d*0(?!\d)", text), "trailing zero"
    assert not re.search(r"(?<![\d])\.\d", text), "missing leading zero"


def test_unknown_page_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="A4 or Letter"):
        write_worksheet_pdf(make_document(), tmp_path / "x.pdf", page_size="B5")


def test_unwritable_target_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.pdf"
    with pytest.raises(OSError):
        write_worksheet_pdf(make_document(), target, record_id=1)
    assert not target.parent.exists() or list(target.parent.iterdir()) == []

