"""The bag label (worksheet/label.py): a label printed from a record decodes back to that record.

The 2-D code is read back by zxing-cpp, a decoder independent of segno that made it: from the label drawn on
a 300 dpi image, and from the PDF rasterised by PDFium (pypdfium2) at 300 dpi, so the vector code in the file
that is printed is what is proved. The expected values come from the record (the worked example of
domain.md: 32.6 mL drawn, 100 mL final, 100 mL/h, 33 gtt/min), not from the label code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtGui import QImage

from mscdose.core.label_code import parse_label_code
from mscdose.worksheet.label import label_image, label_lines, write_label_pdf
from tests.worksheet.helpers import BLOCKED, changed, make_document, page_sizes, pdf_pages

RECORD_ID = 12


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return changed(make_document(), start_by="2026-11-25T11:30+01:00", finish_by="2026-11-25T12:30+01:00",
                   product_code="S1234A00")


def decoded(image: QImage) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def pdf_as_image(path: Path, dpi: int = 300) -> QImage:
    page = pypdfium2.PdfDocument(str(path))[0]
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                  QImage.Format.Format_Grayscale8).copy()


@pytest.mark.parametrize("size", ["100x50mm", "4x2in"])
def test_the_code_on_the_image_decodes_to_the_record(document: dict[str, Any], size: str) -> None:
    texts = decoded(label_image(document, RECORD_ID, size=size, dpi=300))
    assert texts == ["MSCDOSE1|R=12|P=P-0001|D=G123498654321"]
    code = parse_label_code(texts[0])
    # The record: id 12, patient P-0001, DIN G1234 98 654321 H (its 13 characters, without the check H).
    assert (code.record_id, code.patient_id, code.din) == ("12", "P-0001", "G123498654321")


@pytest.mark.parametrize(("size", "points"), [("100x50mm", (283, 142)), ("4x2in", (288, 144))])
def test_the_pdf_is_one_label_page_whose_code_decodes(document: dict[str, Any], tmp_path: Path, size: str,
                                                      points: tuple[int, int]) -> None:
    path = tmp_path / "label.pdf"
    write_label_pdf(document, RECORD_ID, path, size=size)
    # 100 mm = 283.46 pt and 50 mm = 141.73 pt; 4 x 2 in = 288 x 144 pt.
    assert page_sizes(path) == [points]
    assert decoded(pdf_as_image(path)) == ["MSCDOSE1|R=12|P=P-0001|D=G123498654321"]
    assert not (tmp_path / "label.pdf.part").exists()


def test_the_label_text_carries_what_the_bedside_needs(document: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "label.pdf"
    write_label_pdf(document, RECORD_ID, path)
    text = pdf_pages(path)[0]
    for expected in ("Patient ID P-0001", "Jane Example", "149.96 million cells", "Product S1234A00",
                     "lot UCMSC-2026-014", "DIN G1234 98 654321 H", "Volume drawn 32.6 mL", "final volume 100 mL",
                     "Rate 100 mL/h", "33 gtt/min", "Start by 2026-11-25 11:30", "Finish by 2026-11-25 12:30",
                     "Prepared by JS", "record 12"):
        assert expected in text, expected
    assert "REPRINT" not in text


def test_reprints_are_marked(document: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "label.pdf"
    write_label_pdf(document, RECORD_ID, path, reprint=2)
    assert "REPRINT 2" in pdf_pages(path)[0]
    assert decoded(pdf_as_image(path)) == ["MSCDOSE1|R=12|P=P-0001|D=G123498654321"]


def test_an_old_document_without_the_new_keys_prints_a_dash(tmp_path: Path) -> None:
    old = make_document()
    for key in ("start_by", "finish_by", "product_code"):  # saved before these keys existed
        old.pop(key, None)
    lines = [text for text, _ in label_lines(old, 3)]
    assert "Start by —" in lines and "Finish by —" in lines
    assert not any("Product" in line for line in lines)


def test_awkward_patient_ids_survive_the_round_trip(document: dict[str, Any]) -> None:
    for patient_id in ("AA 014|b", "Müller-7", "100%"):
        odd = changed(document, patient={"id": patient_id, "name": "Test"})
        texts = decoded(label_image(odd, 7))
        assert [parse_label_code(t).patient_id for t in texts] == [patient_id]


def test_a_record_without_a_din_carries_an_empty_din(document: dict[str, Any]) -> None:
    no_din = changed(document, inputs={**document["inputs"], "din": None})
    assert decoded(label_image(no_din, 5)) == ["MSCDOSE1|R=5|P=P-0001|D="]


def test_a_blocked_record_gets_no_label(tmp_path: Path) -> None:
    path = tmp_path / "label.pdf"
    with pytest.raises(ValueError, match="bag label"):
        write_label_pdf(make_document(BLOCKED), RECORD_ID, path)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_size_is_refused_with_the_choices(document: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Accepted: 100x50mm or 4x2in"):
        write_label_pdf(document, RECORD_ID, tmp_path / "label.pdf", size="A4")
    assert label_image(document, RECORD_ID, size="4 × 2 in").width() == 1200  # 4 in at 300 dpi


def test_the_label_carries_both_patient_identifiers() -> None:
    """Issue 19: the worksheet, the label and the record show both identifiers (id and date of birth)."""
    labelled = make_document(date_of_birth="1990-05-17", age=None)  # the age then comes from the date of birth
    lines = [text for text, _ in label_lines(labelled, 3)]
    assert "Patient ID P-0001" in lines and "Jane Example · born 1990-05-17" in lines
    assert "Jane Example · born —" in [text for text, _ in label_lines(make_document(), 3)]  # an age was typed
