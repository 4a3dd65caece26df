"""The Qt side: bundled fonts load, a QPrinter gets the same worksheet, long content stays numbered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrinter

from mscdose.core.overrides import Override
from mscdose.core.paths import resource
from mscdose.worksheet.qt_setup import FONT_FILES, ensure_app, font_family
from mscdose.worksheet.render import print_worksheet, write_worksheet_pdf
from tests.worksheet.helpers import changed, make_document, page_sizes, pdf_pages


def test_bundled_fonts_and_licence_are_shipped_and_load() -> None:
    ensure_app()
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFontFromData(resource("fonts", name).read_bytes())
        assert font_id >= 0, name
        assert "DejaVu Sans Condensed" in QFontDatabase.applicationFontFamilies(font_id)
    assert "Bitstream" in resource("fonts", "DejaVu-LICENSE.txt").read_text(encoding="utf-8")
    assert font_family() == "DejaVu Sans Condensed"


def test_print_worksheet_on_a_printer_with_chosen_paper(tmp_path: Path) -> None:
    ensure_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_worksheet(make_document(), printer, page_size="Letter", record_id=8)
    assert page_sizes(out) == [(612, 792), (612, 792)]
    pages = pdf_pages(out)
    assert "Record 8" in pages[0] and "32.6 mL" in pages[0] and "Page 2 of 2" in pages[1]


def test_long_content_flows_onto_more_pages_with_the_header_on_each(tmp_path: Path) -> None:
    reason = "confirmed with the principal investigator " * 12
    document = changed(make_document(weight="25 kg", overrides=(Override("WEIGHT_UNUSUAL", reason, "JS"),)),
                       patient={"id": "P-LONG", "name": "A Very Long Patient Name " * 6})
    document["steps"] = document["steps"] * 4
    out = tmp_path / "long.pdf"
    write_worksheet_pdf(document, out, record_id=99, site_name="Site " * 40)
    pages = pdf_pages(out)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Patient ID P-LONG" in page and "Record 99" in page
    assert "confirmed with the principal investigator" in " ".join(pages)
