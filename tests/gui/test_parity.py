"""Issue 9: the window and `mscdose worksheet` are one finalise flow. For the same inputs they save the same
document (apart from ids and times), write the same worksheet text, and meet a damaged record store the same
way (the window says so and saves nothing; the command line exits 2). Each side runs in its own data folder, so
the one-infusion rule does not see the other's record. The CLI runs in process (`mscdose.cli.main`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mscdose.cli import main
from mscdose.gui.main_window import MainWindow
from mscdose.records.store import RecordStore
from tests.gui.test_finalize import Answers
from tests.worksheet.helpers import pdf_pages

THAWED = (datetime.now() - timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M")
# The same case as a person types it in the window (units on the selectors) ...
WINDOW = {"patientIdInput": "P-0042", "patientNameInput": "Parity Patient", "dateOfBirthInput": "1980-02-29",
          "weightInput": "62", "prescriberInput": "Dr B Prescriber", "orderReferenceInput": "ORD-9",
          "orderDateInput": "2025-01-15", "doseInput": "150", "lotInput": "LOT-P", "dinInput": "G123498654321H",
          "concentrationInput": "5", "viabilityInput": "92", "bagVolumeInput": "20", "bagsInput": "2",
          "thawInput": THAWED, "confirmedByInput": "JS"}
# ... and as options of `mscdose worksheet`.
CLI = ["--patient-id", "P-0042", "--patient-name", "Parity Patient", "--date-of-birth", "1980-02-29",
       "--weight", "62 kg", "--prescriber", "Dr B Prescriber", "--order-ref", "ORD-9", "--order-date", "2025-01-15",
       "--dose", "150 million cells", "--lot", "LOT-P", "--din", "G123498654321H",
       "--concentration", "5 million cells/mL", "--viability", "92 %", "--bag-volume", "20 mL", "--bags", "2",
       "--thawed-at", THAWED, "--confirm", "all", "--confirmed-by", "JS", "--prepared-by", "JS"]
VOLATILE = ("computed_at", "now")  # times; the record id and hashes live outside the document
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?([.,]\d+)?( ?\(?UTC[+-]\d{2}:\d{2}\)?|[+-]\d{2}:\d{2})?")


def without_volatile(value: Any) -> Any:
    """The document without what differs between two saves of the same thing: ids, hashes and times."""
    if isinstance(value, dict):
        return {k: without_volatile(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [without_volatile(v) for v in value]
    if isinstance(value, str):
        return MOMENT.sub("<time>", value)
    return value


def pdf_text(path: Path) -> str:
    """The worksheet's text with record numbers, times and the record's short hashes (its own and the chain
    head's, which cover the save time) blanked."""
    text = MOMENT.sub("<time>", "\n".join(pdf_pages(path)))
    text = re.sub(r"\b[0-9a-f]{12}\b", "<hash>", text)
    return re.sub(r"(?i)record\s*(no\.?|number|id)?\s*:?\s*\d+", "record <id>", text)


def use_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("MSCDOSE_DATA_DIR", str(folder))


def only_record() -> Any:
    store = RecordStore()
    try:
        records = store.history()
        assert len(records) == 1
        return records[0]
    finally:
        store.close()


def window_finalises(window: MainWindow, type_into: Callable[[str, str], None],
                     monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers(window, monkeypatch)
    for name, text in WINDOW.items():
        type_into(name, text)
    for criterion in window.eligibility.criteria():
        window.eligibility.set_confirmed(criterion, True)
    window.actions.finalize_button.click()
    return answers


def test_the_window_and_the_cli_save_the_same_document_and_print_the_same_worksheet(
        window: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    use_folder(monkeypatch, tmp_path / "window-data")
    answers = window_finalises(window, type_into, monkeypatch)
    assert answers.messages == [] and window.final_record_id is not None
    monkeypatch.setattr(window.questions, "ask_save_path", lambda title, suggested: str(tmp_path / "window.pdf"))
    assert window.outputs.save_pdf()
    from_window = only_record()

    use_folder(monkeypatch, tmp_path / "cli-data")
    assert main(["worksheet", *CLI, "--output", str(tmp_path / "cli.pdf")]) == 0
    from_cli = only_record()

    assert from_window.document["volume_to_draw_ml"] == 32.6  # the worked example of domain.md
    assert from_window.document["patient"]["date_of_birth"] == "1980-02-29"
    assert without_volatile(from_window.document) == without_volatile(from_cli.document)
    assert pdf_text(tmp_path / "window.pdf") == pdf_text(tmp_path / "cli.pdf")
    assert "REPRINT" not in pdf_text(tmp_path / "cli.pdf")

    # Reprint: the window's Reprint… and `mscdose reprint` write the same REPRINT worksheet.
    monkeypatch.setattr(window.questions, "ask_save_path", lambda title, suggested: str(tmp_path / "window-2.pdf"))
    use_folder(monkeypatch, tmp_path / "window-data")
    assert window.outputs.reprint()
    use_folder(monkeypatch, tmp_path / "cli-data")
    assert main(["reprint", str(from_cli.id), "--output", str(tmp_path / "cli-2.pdf")]) == 0
    assert "REPRINT" in pdf_text(tmp_path / "window-2.pdf")
    assert pdf_text(tmp_path / "window-2.pdf") == pdf_text(tmp_path / "cli-2.pdf")


def test_a_damaged_record_store_saves_nothing_either_way(
        window: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "damaged"
    use_folder(monkeypatch, folder)
    (folder / "records.sqlite3").write_bytes(b"this is not an SQLite database" * 100)
    answers = window_finalises(window, type_into, monkeypatch)
    assert window.final_record_id is None
    assert answers.messages, "the window said nothing"
    window_message = answers.messages[-1][1]

    code = main(["worksheet", *CLI, "--output", str(tmp_path / "cli.pdf")])
    cli_message = capsys.readouterr().err
    assert code == 2  # bad input / unusable store, as `mscdose history` (README's exit table)
    assert not (tmp_path / "cli.pdf").exists()
    assert window_message.strip() and window_message.strip() in cli_message
