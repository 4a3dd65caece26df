"""Builders shared by the worksheet tests: calculation documents and PDF text read back with pypdf."""

from __future__ import annotations

import copy
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

import pypdfium2
from pypdf import PdfReader

from mscdose.core.overrides import Override
from tests.worked_example import WORKED_TEXTS, build_document

REPO = Path(__file__).resolve().parents[2]

# The worked example of domain.md, with a thaw time and an age so that no soft flag is raised.
WORKED = {
    **WORKED_TEXTS,
    "age": "34",
    "din": "G123498654321H",
    "thawed_at": "2026-11-25T09:30+01:00",
    "now": "2026-11-25T10:00+01:00",
}
# 60 % viability is under the 70 % minimum, and 150 million cells at 60 % of 5 million/mL need 50 mL
# from two 20 mL bags: two hard flags.
BLOCKED = {**WORKED, "viability": "60 %"}


def protocol_short_hash() -> str:
    """The shipped protocol file's SHA-256, worked out here from the file itself (first 12 hex digits)."""
    data = (REPO / "resources" / "protocols" / "nct03055078.toml").read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def make_document(texts: dict[str, str] | None = None, *, overrides: tuple[Override, ...] = (),
                  prepared_by: str = "JS", **changes: str) -> dict[str, Any]:
    return build_document({**(texts or WORKED), **changes}, patient_id="P-0001", patient_name="Jane Example",
                          prepared_by=prepared_by, lot_number="UCMSC-2026-014", overrides=overrides,
                          eligibility={"Written informed consent": True})


def changed(document: dict[str, Any], **values: Any) -> dict[str, Any]:
    """A deep copy with some top-level values replaced (to prove the worksheet prints what it is given)."""
    copied = copy.deepcopy(document)
    copied.update(values)
    return copied


def pdf_raw_pages(path: Path) -> list[str]:
    """Each page's text as the PDF writes it (no folding at all), read by PDFium (pypdfium2): an independent
    reader like pypdf but about twenty times faster on Qt's PDFs, which draw every glyph run as its own text
    operator (pypdf took half a second a page: issue 9, suite time)."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = []
        for page in document:
            text_page = page.get_textpage()
            pages.append(text_page.get_text_range())
            text_page.close()
            page.close()
    finally:
        document.close()
    return pages


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, normalised: compatibility forms folded, runs of white space as one space. The text is
    PDFium's, the same as pypdf's apart from white space, which is folded here anyway."""
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip() for text in pdf_raw_pages(path)]


def page_sizes(path: Path) -> list[tuple[float, float]]:
    reader = PdfReader(str(path))
    return [(round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in reader.pages]


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Base font name -> whether its program is embedded in the file (FontFile, FontFile2 or FontFile3)."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).get_object().values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for descendant in descendants:
                descriptor = descendant.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts[str(font["/BaseFont"])] = embedded
    return fonts
