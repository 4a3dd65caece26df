"""Issue 13 on paper: beside the DIN, the product code and the expiry the worksheet says whether each was
scanned, typed, or typed and confirmed by a scan; it prints the codes the protocol accepts, "(site value)"
when the list is the site's; the info flag PRODUCT_CODE_NOT_LISTED is printed like every other flag.

The scan is `=G12349865432177=<S1234A00&>0993652359`: DIN G1234 98 654321 (flags 77 = 60 + 17, check
character H), product code S1234A00, expiry &> c=0 yy=99 jjj=365 hhmm=2359: 2099-12-31 23:59 (never expired
by the time these tests run). The expiry is the label's local wall-clock time, printed in this computer's zone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from mscdose.core.product_checks import ProductCodes
from mscdose.core.protocol import load_protocol
from mscdose.worksheet.render import worksheet_html, write_worksheet_pdf
from tests.worked_example import build_document
from tests.worksheet.helpers import WORKED, pdf_pages

SCAN = "=G12349865432177=<S1234A00&>0993652359"


def _zone() -> str:
    offset = datetime(2099, 12, 31, 23, 59).astimezone().strftime("%z")
    return f"(UTC{offset[:3]}:{offset[3:]})"


def _document(texts: dict[str, str], codes: ProductCodes | None = None) -> dict:
    protocol = replace(load_protocol(), product_codes=codes) if codes else None
    return build_document({**WORKED, **texts}, patient_id="P-0001", patient_name="Jane Example",
                          prepared_by="JS", lot_number="UCMSC-2026-014",
                          eligibility={"Written informed consent": True}, protocol=protocol)


def _text(document: dict) -> str:
    """The on-screen worksheet's words, tags taken out (the PDF is read back in the first test)."""
    return " ".join(re.sub(r"<[^>]+>", " ", worksheet_html(document, record_id=3)).split())


def test_scanned_values_are_marked_scanned_and_the_site_codes_printed_so(tmp_path: Path) -> None:
    document = _document({"scan": SCAN, "din": None}, ProductCodes(("S1234", "S1235"), "site"))
    path = tmp_path / "w.pdf"
    write_worksheet_pdf(document, path, record_id=3, page_size="Letter")
    pages = pdf_pages(path)
    assert len(pages) == 2  # the identity row still leaves page 1 room on Letter
    first = pages[0]
    assert "DIN (ISBT 128) G1234 98 654321 H (check character H) (scanned)" in first
    assert "Product code S1234A00 (scanned) · accepted: S1234, S1235 (site value)" in first
    assert f"Expiry 2099-12-31 23:59 {_zone()} (scanned)" in first
    assert "PRODUCT_CODE_NOT_LISTED" not in first  # the protocol lists codes: no info flag


def test_typed_values_confirmed_by_the_scan_are_typed_and_scanned() -> None:
    typed = {"scan": SCAN, "din": "G1234 98 654321 H", "product_code": "S1234A00", "expires_at": "2099-12-31T23:59"}
    text = _text(_document(typed, ProductCodes(("S1234",), "protocol")))
    assert "G1234 98 654321 H (check character H) (typed and scanned)" in text
    assert "S1234A00 (typed and scanned) · accepted: S1234 (protocol value)" in text
    assert f"2099-12-31 23:59 {_zone()} (typed and scanned)" in text


def test_typed_values_without_a_scan_are_typed() -> None:
    text = _text(_document({"din": "G1234 98 654321 H", "product_code": "S1234A00",
                            "expires_at": "2099-12-31T23:59"}))
    assert "(check character H) (typed)" in text
    assert "S1234A00 (typed) · the protocol lists no accepted codes" in text
    assert f"2099-12-31 23:59 {_zone()} (typed)" in text


def test_nothing_entered_says_so() -> None:
    text = _text(_document({"din": None}))
    assert "DIN (ISBT 128) not entered" in text
    assert "Product code not entered · the protocol lists no accepted codes Expiry not entered" in text


def test_product_code_not_listed_is_printed_like_the_other_flags(tmp_path: Path) -> None:
    document = _document({"scan": SCAN, "din": None})  # the shipped protocol lists no product codes
    assert [f["severity"] for f in document["flags"] if f["code"] == "PRODUCT_CODE_NOT_LISTED"] == ["info"]
    path = tmp_path / "w.pdf"
    write_worksheet_pdf(document, path, record_id=3)
    first = pdf_pages(path)[0]
    assert "INFO PRODUCT_CODE_NOT_LISTED Product code S1234A00 was checked only as a cellular therapy product" \
        in first


def test_a_document_saved_before_issue_13_prints_no_accepted_codes() -> None:
    document = _document({})
    del document["product_codes_accepted"]
    del document["inputs"]["sources"]
    text = _text(document)
    assert "accepted" not in text and "(typed)" not in text and "(scanned)" not in text
