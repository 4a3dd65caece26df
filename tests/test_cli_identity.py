"""`mscdose label` and `mscdose bedside` (issue 13), in process through `cli.main`.

The record is the worked example of domain.md saved as record 1 for patient AA-014 (Jane Example), from a
scanned product label: DIN G1234 98 654321 H (domain.md: check H), product S1234A00. The label's code is
read back from the PDF by zxing-cpp (independent of segno, which drew it), after PDFium rasterised the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtGui import QImage

from mscdose.core.label_code import parse_label_code
from mscdose.records.bedside import bedside_checks
from mscdose.records.store import RecordStore, default_path
from tests.cli_runner import Done
from tests.worked_example import WORKED_TEXTS, build_document

SCAN = "=G12349865432177=<S1234A00&>0993652359"   # expiry 2099-12-31 23:59: this test never expires
LABEL = "MSCDOSE1|R=1|P=AA-014|D=G123498654321"




@pytest.fixture
def saved() -> dict:
    document = build_document({**WORKED_TEXTS, "scan": SCAN}, patient_id="AA-014", patient_name="Jane Example",
                              prepared_by="JS")
    with RecordStore(default_path()) as store:
        store.save(document)
    return document


def decoded_pdf(path: Path) -> list[str]:
    page = pypdfium2.PdfDocument(str(path))[0]
    bitmap = page.render(scale=300 / 72, grayscale=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_Grayscale8).copy()
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def print_details() -> list[str]:
    with RecordStore.open_read_only(default_path()) as store:
        return [event.detail for event in store.print_events(1)]


# ------------------------------------------------------------------------------------------------- label

def test_a_label_from_a_saved_record_decodes_back_to_it(run: Callable[..., Done], saved: dict,
                                                         tmp_path: Path) -> None:
    assert saved["inputs"]["sources"]["din"] == "scan"
    output = tmp_path / "label.pdf"
    done = run("label", "1", "--output", str(output))
    assert done.code == 0, done.err
    assert done.out.strip() == f"Bag label of record 1 written to {output} (100x50mm)."
    (text,) = decoded_pdf(output)
    code = parse_label_code(text)
    # the record: id 1, patient AA-014, DIN G1234 98 654321 (13 characters, without the check H)
    assert (code.record_id, code.patient_id, code.din) == ("1", "AA-014", "G123498654321")
    assert print_details() == [f"label PDF {output} (100x50mm)"]


def test_label_copies_are_reprints_counted_apart_from_worksheets(run: Callable[..., Done], saved: dict,
                                                                tmp_path: Path) -> None:
    with RecordStore(default_path()) as store:
        store.mark_printed(1, True, "worksheet PDF ws.pdf")  # a worksheet copy first: not a label copy
    first = run("label", "1", "--output", str(tmp_path / "a.pdf"), "--json")
    second = run("label", "1", "--output", str(tmp_path / "b.pdf"), "--size", "4x2in", "--json")
    assert json.loads(first.out)["reprint"] == 0
    assert json.loads(second.out) == {"record_id": 1, "output": str(tmp_path / "b.pdf"), "size": "4x2in",
                                      "reprint": 1}
    assert print_details()[1:] == [f"label PDF {tmp_path / 'a.pdf'} (100x50mm)",
                                   f"label reprint 1 PDF {tmp_path / 'b.pdf'} (4x2in)"]


@pytest.mark.parametrize(("args", "field"), [
    (["x1"], "record_id"),
    (["1", "--size", "A4"], "size"),
    (["7"], "record_id"),  # no record 7: the store's message
])
def test_label_refusals(run: Callable[..., Done], saved: dict, tmp_path: Path, args: list[str], field: str) -> None:
    done = run("label", *args, "--output", str(tmp_path / "l.pdf"), "--json")
    assert done.code == 2
    assert json.loads(done.out)["error"]["field"] == field
    assert not (tmp_path / "l.pdf").exists()


def test_no_label_for_a_superseded_record(run: Callable[..., Done], saved: dict, tmp_path: Path) -> None:
    with RecordStore(default_path()) as store:
        store.save(saved, supersedes=1, correction_reason="viability recounted")
    done = run("label", "1", "--output", str(tmp_path / "l.pdf"))
    assert done.code == 2 and "corrected by record 2" in done.err
    assert not (tmp_path / "l.pdf").exists()


# ----------------------------------------------------------------------------------------------- bedside

def test_bedside_match_and_mismatch_are_both_logged_and_verify(run: Callable[..., Done], saved: dict) -> None:
    wrong = run("bedside", "--wristband", "AA-015", "--label", LABEL)
    assert wrong.code == 3
    assert wrong.out.splitlines()[1].strip() == "✘  MISMATCH – DO NOT GIVE THIS BAG  ✘"
    assert "1. WRONG PATIENT: the wristband says patient AA-015; this bag is for patient AA-014." in wrong.out
    assert wrong.out.splitlines()[-1] == "MISMATCH – DO NOT GIVE THIS BAG"
    right = run("bedside", "--wristband", "AA-014", "--label", LABEL, "--product", SCAN)
    assert right.code == 0
    assert right.out.splitlines()[1].strip() == "✔  MATCH  ✔" and right.out.splitlines()[-1] == "MATCH"
    assert "DIN G1234 98 654321 H" in right.out
    with RecordStore.open_read_only(default_path()) as store:
        assert [(e.result, e.record_id) for e in bedside_checks(store)] == [("MISMATCH", 1), ("MATCH", 1)]
    assert run("audit", "verify").code == 0


def test_bedside_json(run: Callable[..., Done], saved: dict) -> None:
    done = run("bedside", "--wristband", "AA-014", "--label", LABEL, "--json")
    body = json.loads(done.out)
    assert done.code == 0 and body["result"] == "MATCH" and body["reasons"] == []
    assert (body["record_id"], body["bedside_check_id"], body["ledger_seq"]) == ("1", 1, 2)


def test_the_wristband_pattern_is_the_site_setting(run: Callable[..., Done], saved: dict) -> None:
    from mscdose.settings import WRISTBAND_PATTERN, Settings

    settings = Settings()
    settings.set(WRISTBAND_PATTERN, "MRN:{id}")
    settings.sync()
    assert run("bedside", "--wristband", "MRN:AA-014", "--label", LABEL).code == 0
    plain = run("bedside", "--wristband", "AA-014", "--label", LABEL)
    assert plain.code == 3 and "WRISTBAND NOT READ" in plain.out


def test_a_broken_pattern_setting_checks_and_logs_nothing(run: Callable[..., Done], saved: dict) -> None:
    from mscdose.settings import WRISTBAND_PATTERN, Settings

    settings = Settings()
    settings.set(WRISTBAND_PATTERN, "MRN:")
    settings.sync()
    done = run("bedside", "--wristband", "MRN:AA-014", "--label", LABEL, "--json")
    assert done.code == 2 and json.loads(done.out)["error"]["field"] == "wristband_pattern"
    with RecordStore.open_read_only(default_path()) as store:
        assert bedside_checks(store) == []


def test_a_site_that_requires_the_check_gets_no_label_before_it(run: Callable[..., Done], saved: dict,
                                                                 tmp_path: Path) -> None:
    """Issue 14: labels refuse a record that has not been checked when the site setting requires it."""
    from mscdose.service.accounts import sign
    from mscdose.settings import CHECK_BEFORE_LABEL, Settings

    settings = Settings()
    settings.set(CHECK_BEFORE_LABEL, "yes")
    settings.sync()
    done = run("label", "1", "--output", str(tmp_path / "a.pdf"))
    assert done.code == 2 and "not been checked independently" in done.err
    assert not (tmp_path / "a.pdf").exists() and print_details() == []
    with RecordStore(default_path()) as store:
        sign(store, 1, None, "checked", initials="CK", detail="blind re-entry matched")
    assert run("label", "1", "--output", str(tmp_path / "a.pdf")).code == 0


def test_a_site_that_requires_the_check_gives_no_unchecked_bag(run: Callable[..., Done], saved: dict) -> None:
    """Issue 14: the bedside check refuses a record not yet checked where the site requires the check."""
    from mscdose.service.accounts import sign
    from mscdose.settings import CHECK_BEFORE_LABEL, Settings

    settings = Settings()
    settings.set(CHECK_BEFORE_LABEL, "yes")
    settings.sync()
    unchecked = run("bedside", "--wristband", "AA-014", "--label", LABEL)
    assert unchecked.code == 3 and "NOT CHECKED: record 1 has no independent check" in unchecked.out
    with RecordStore(default_path()) as store:
        sign(store, 1, None, "checked", initials="CK", detail="blind re-entry matched")
    assert run("bedside", "--wristband", "AA-014", "--label", LABEL).code == 0
    with RecordStore.open_read_only(default_path()) as store:
        assert [e.result for e in bedside_checks(store)] == ["MISMATCH", "MATCH"]  # both attempts kept
    assert run("audit", "verify").code == 0
