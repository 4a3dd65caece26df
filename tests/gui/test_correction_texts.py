"""A correction loads every input the record kept, so nothing entered is silently lost on the way."""

from __future__ import annotations

from mscdose.gui.correction import correction_texts
from tests.worked_example import WORKED_TEXTS, build_document


def test_the_label_count_dmso_and_expiry_come_back_into_the_form() -> None:
    document = build_document({**WORKED_TEXTS, "label_cells": "100 million cells", "dmso": "7.5",
                               "expires_at": "2099-12-31T23:59"}, patient_id="P-1")
    texts, unit = correction_texts(document)
    assert texts["label_cells"] == "100 million cells"
    assert texts["dmso"] == "7.5"
    assert texts["expires_at"].startswith("2099-12-31T23:59")
    assert unit == "million cells"


def test_a_record_without_them_leaves_them_empty() -> None:
    texts, _ = correction_texts(build_document(WORKED_TEXTS, patient_id="P-1"))
    assert "label_cells" not in texts and texts["dmso"] == "" and texts["expires_at"] == ""
