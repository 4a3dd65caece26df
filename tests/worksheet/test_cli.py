"""`mscdose worksheet`: exit codes, the record saved before the PDF, the PDF only when allowed.

Run in-process through `mscdose.cli.main` (the data folder is a temporary one, see tests/conftest.py).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.records.store import RecordStore
from tests.worksheet.helpers import page_sizes, pdf_pages

WORKED = ["--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
          "--viability", "92 %", "--bag-volume", "20 mL", "--bags", "2", "--age", "34"]
# Thawed 10 minutes ago: the post-thaw limit (3 h) is checked against the real clock at finalising.
THAWED = (datetime.now().astimezone() - timedelta(minutes=10)).isoformat(timespec="minutes")
PATIENT = ["--patient-id", "P-0001", "--patient-name", "Jane Example", "--prepared-by", "JS", "--lot", "L-14",
           "--prescriber", "Dr Wang Li", "--order-ref", "ORD-2026-0042", "--din", "G1234 98 654321 H",
           "--thawed-at", THAWED]
CONFIRMED = ["--confirm", "all", "--confirmed-by", "JS"]


def worksheet(*args: str) -> int:
    return main(["worksheet", *args])


def records() -> list:
    with RecordStore() as store:
        return store.history()


def test_worked_example_saves_the_record_then_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--site-name", "City Hospital", "--output", str(out)) == 0
    saved = records()
    assert [r.id for r in saved] == [1]
    assert saved[0].printed
    with RecordStore() as store:
        events = store.print_events(1)
    assert [e.ok for e in events] == [True] and str(out) in events[0].detail
    pages = pdf_pages(out)
    assert len(pages) == 2
    assert "Record 1" in pages[0] and "City Hospital" in pages[0]
    assert "32.6 mL" in pages[0] and "33 gtt/min" in pages[0]
    assert "Record 1 saved" in capsys.readouterr().out


def test_a_record_saved_from_the_command_line_reaches_the_log(tmp_path: Path) -> None:
    """Issue 9: only the window set logging up, so records saved by `mscdose worksheet` never reached it."""
    from mscdose.datadir import log_path

    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)) == 0
    text = log_path().read_text(encoding="utf-8")
    assert "Record 1 saved (status ok" in text
    assert f"Record 1 output ok: worksheet PDF {out}" in text


def test_blocked_exits_3_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "blocked.pdf"
    args = [*WORKED, "--viability", "60 %", *PATIENT, *CONFIRMED, "--output", str(out)]
    assert worksheet(*args) == 3
    assert not out.exists()
    assert records() == []
    assert "VIABILITY_BELOW_MINIMUM" in capsys.readouterr().err


def test_blocked_preview_exits_3_with_a_marked_pdf_and_no_record(tmp_path: Path) -> None:
    out = tmp_path / "preview.pdf"
    assert worksheet(*WORKED, "--viability", "60 %", *PATIENT, "--preview", "--output", str(out)) == 3
    pages = pdf_pages(out)
    assert all("NOT FOR ADMINISTRATION" in page and "VIABILITY_BELOW_MINIMUM" in page for page in pages)
    assert records() == []


def test_preview_of_a_good_calculation_is_marked_too(tmp_path: Path) -> None:
    out = tmp_path / "preview.pdf"
    assert worksheet(*WORKED, *PATIENT, "--preview", "--output", str(out)) == 0
    assert all("NOT FOR ADMINISTRATION" in page for page in pdf_pages(out))
    assert records() == []


def test_soft_flag_without_override_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "soft.pdf"
    # 25 kg is under the usual 30-150 kg: the soft WEIGHT_UNUSUAL (a typing or unit slip, overridable)
    assert worksheet(*WORKED, "--weight", "25 kg", *PATIENT, *CONFIRMED, "--output", str(out)) == 2
    err = capsys.readouterr().err
    assert "WEIGHT_UNUSUAL" in err and "--override" in err
    assert not out.exists() and records() == []


def test_soft_flag_with_override_is_printed_with_reason_and_initials(tmp_path: Path) -> None:
    out = tmp_path / "soft.pdf"
    code = worksheet(*WORKED, "--weight", "25 kg", *PATIENT, *CONFIRMED, "--output", str(out),
                     "--override", "WEIGHT_UNUSUAL=weight confirmed on the ward scale")
    assert code == 0
    assert "“weight confirmed on the ward scale” – JS" in pdf_pages(out)[0]
    assert records()[0].document["overrides"][0]["initials"] == "JS"


def test_an_age_outside_the_trial_window_blocks_at_finalising(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    """Issue 11: the age window is an inclusion criterion of the trial, hard: no override lifts it."""
    out = tmp_path / "age.pdf"
    assert worksheet(*WORKED, "--age", "70", *PATIENT, *CONFIRMED, "--output", str(out), "--override",
                     "AGE_OUTSIDE_ELIGIBILITY=principal investigator approved by phone") == 3
    assert "ELIGIBILITY_HARD_UNMET" in capsys.readouterr().err
    assert not out.exists() and records() == []


def test_eligibility_is_confirmed_criterion_by_criterion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11: --eligibility-confirmed ticked all 15 criteria at once; consent and age are hard."""
    out = tmp_path / "e.pdf"
    assert worksheet(*WORKED, *PATIENT, "--output", str(out)) == 3
    assert "ELIGIBILITY_HARD_UNMET" in capsys.readouterr().err
    assert worksheet(*WORKED, *PATIENT, "--eligibility-confirmed", "--output", str(out)) == 2
    assert "--confirm" in capsys.readouterr().err
    assert worksheet(*WORKED, *PATIENT, "--confirm", "all", "--output", str(out)) == 2
    assert "--confirmed-by" in capsys.readouterr().err
    # I2 (age) follows the age; I7 is written informed consent: the hard ones confirmed, the rest still soft
    assert worksheet(*WORKED, *PATIENT, "--confirm", "I7", "--output", str(out)) == 2
    assert "ELIGIBILITY_UNCONFIRMED" in capsys.readouterr().err
    assert worksheet(*WORKED, *PATIENT, "--confirm", "I7", "--output", str(out), "--override",
                     "ELIGIBILITY_UNCONFIRMED=criteria reviewed in clinic today") == 0
    saved = records()[-1]
    assert saved.status == "warning"
    assert "ELIGIBILITY_UNCONFIRMED" in [f["code"] for f in saved.document["flags"]]


@pytest.mark.parametrize(("override", "message"), [
    ("WEIGHT_UNUSUAL=ok", "at least 3 words"),
    ("no equals sign", "CODE=reason"),
    ("CONCENTRATION_UNUSUAL=lot certificate checked twice", "no such soft flag"),
])
def test_bad_overrides_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], override: str,
                                   message: str) -> None:
    out = tmp_path / "o.pdf"
    assert worksheet(*WORKED, "--weight", "25 kg", *PATIENT, *CONFIRMED, "--output", str(out),
                     "--override", override) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() and records() == []


def test_override_needs_initials(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.pdf"
    assert worksheet(*WORKED, "--weight", "25 kg", "--patient-id", "P-1", *CONFIRMED, "--output", str(out),
                     "--override", "WEIGHT_UNUSUAL=weight confirmed on the ward scale") == 2
    assert "--prepared-by" in capsys.readouterr().err


def test_letter_paper(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--page-size", "Letter", "--output", str(out)) == 0
    assert page_sizes(out) == [(612, 792), (612, 792)]


@pytest.mark.parametrize(("args", "field"), [
    (["--page-size", "B5"], "page_size"),
    (["--weight", "sixty"], "weight"),
])
def test_bad_input_exits_2_with_json_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                           field: str) -> None:
    out = tmp_path / "bad.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, *args, "--json", "--output", str(out)) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == field
    assert not out.exists() and records() == []


def test_output_folder_must_exist_before_anything_is_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(tmp_path / "nowhere" / "w.pdf")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert records() == []


def test_one_infusion_means_one_and_a_correction_supersedes(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    """Issue 10 §3: MRN-004512 got three OK records the same day (another lot, the lot left blank, or an id
    typed differently)."""
    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)) == 0
    capsys.readouterr()
    other_lot = [*PATIENT, "--lot", "L-99", "--patient-id", "p 0001"]  # the same patient, typed differently
    assert worksheet(*WORKED, *other_lot, *CONFIRMED, "--output", str(tmp_path / "2.pdf")) == 3
    assert "INFUSION_LIMIT_REACHED" in capsys.readouterr().err
    assert main(["correct", "1", "--reason", "bag volume was entered wrongly", *WORKED, "--bag-volume", "25 mL",
                 *PATIENT, *CONFIRMED, "--output", str(tmp_path / "c.pdf")]) == 0
    assert "supersedes record 1" in capsys.readouterr().out
    saved = records()
    assert [(r.id, r.supersedes) for r in saved] == [(1, None), (2, 1)]
    assert saved[1].correction_reason == "bag volume was entered wrongly"


def test_now_is_refused_for_a_final_worksheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 10 §2: --now let a final worksheet be made the next day."""
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--now", "2026-11-25T10:00", "--output",
                     str(tmp_path / "w.pdf")) == 2
    assert "real clock" in capsys.readouterr().err and records() == []


def test_a_thaw_past_the_limit_at_finalising_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    thawed = (datetime.now().astimezone() - timedelta(hours=3, minutes=1)).isoformat(timespec="minutes")
    assert worksheet(*WORKED, *PATIENT, "--thawed-at", thawed, *CONFIRMED, "--output", str(tmp_path / "w.pdf")) == 3
    assert "POST_THAW_EXPIRED" in capsys.readouterr().err and records() == []


def test_missing_required_fields_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 19: a final worksheet was saved with no lot, no DIN, no thaw time and no age."""
    bare = ["--patient-id", "P-0002", "--prepared-by", "JS"]
    assert WORKED[-2:] == ["--age", "34"]
    assert worksheet(*WORKED[:-2], *bare, *CONFIRMED, "--output", str(tmp_path / "w.pdf")) == 2
    err = capsys.readouterr().err
    for name in ("patient name", "date of birth or age", "order reference", "prescriber", "lot number", "DIN",
                 "thaw time"):
        assert name in err
    assert records() == []


def test_an_existing_output_is_not_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    """Issue 10 §5: today's main silently replaced an existing --output file."""
    out = tmp_path / "w.pdf"
    out.write_bytes(b"an earlier worksheet")
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"an earlier worksheet" and records() == []


def test_an_over_long_file_name_is_bad_input_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    out = tmp_path / ("w" * 300 + ".pdf")
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)) == 2
    assert "too long" in capsys.readouterr().err and records() == []


def test_json_outcome(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--json", "--output", str(out)) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert outcome == {"status": "ok", "preview": False, "record_id": 1, "output": str(out)}


def test_empty_patient_id_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, "--patient-id", "  ", *CONFIRMED, "--output", str(out)) == 2
    assert "--patient-id" in capsys.readouterr().err
    assert not out.exists() and records() == []


def test_site_name_and_paper_default_to_the_window_settings(tmp_path: Path) -> None:
    from mscdose.settings import PAPER_SIZE, SITE_NAME, Settings

    settings = Settings()
    settings.set(SITE_NAME, "Ward 7 Pharmacy")
    settings.set(PAPER_SIZE, "Letter")
    settings.sync()
    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)) == 0
    assert "Ward 7 Pharmacy" in pdf_pages(out)[0]
    assert page_sizes(out)[0] == (612, 792)
    # Another patient: a second infusion for the same one would be refused (one infusion per patient).
    assert worksheet(*WORKED, *PATIENT, "--patient-id", "P-0002", *CONFIRMED, "--site-name", "Other", "--page-size",
                     "A4", "--output", str(out), "--force") == 0
    assert "Other" in pdf_pages(out)[0] and "Ward 7" not in pdf_pages(out)[0]
    assert page_sizes(out)[0] == (595, 842)


def test_a_damaged_database_is_exit_2_for_every_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 9: the same damaged database gave exit 2 from `history` but exit 1 from `worksheet`."""
    from mscdose.records.store import default_path

    default_path().write_bytes(b"this is not a database, just damaged bytes" * 100)
    out = tmp_path / "w.pdf"
    codes = {
        "worksheet": worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)),
        "history": main(["history"]),
        "show": main(["show", "1"]),
        "reprint": main(["reprint", "1", "--output", str(tmp_path / "r.pdf")]),
    }
    assert codes == {"worksheet": 2, "history": 2, "show": 2, "reprint": 2}
    err = capsys.readouterr().err
    assert "Traceback" not in err and not out.exists()


def test_with_accounts_finalising_needs_the_preparers_signature(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14: once a store has accounts, finalising and protocol approval need a signature."""
    import io

    from mscdose.service.accounts import add_user, signatures

    with RecordStore() as store:
        add_user(store, "ada", "Ada Admin", "AA", "admin", "correct horse")
        add_user(store, "pat", "Pat Preparer", "PP", "preparer", "battery staple", by_admin=("ada", "correct horse"))
    out = tmp_path / "w.pdf"
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out)) == 2
    assert "--user" in capsys.readouterr().err and records() == []
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong password\n"))
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out), "--user", "pat", "--password-stdin") == 2
    assert records() == []
    monkeypatch.setattr("sys.stdin", io.StringIO("battery staple\n"))
    assert worksheet(*WORKED, *PATIENT, *CONFIRMED, "--output", str(out), "--user", "pat", "--password-stdin") == 0
    saved = records()
    assert [r.prepared_by for r in saved] == ["PP"]  # the signer's initials, not --prepared-by JS
    with RecordStore() as store:
        assert [(s.meaning, s.user_id) for s in signatures(store, 1)] == [("prepared", "pat")]
        assert store.verify().ok
    site = tmp_path / "site.toml"
    from mscdose.core.paths import resource

    site.write_text(resource("protocols", "nct03055078.toml").read_text(encoding="utf-8")
                    .replace('id = "NCT03055078"', 'id = "SITE-001"'))
    capsys.readouterr()
    approve = ["protocol", "approve", str(site), "--by", "PP", "--reason", "approved by the ethics committee"]
    assert main(approve) == 2 and "admin" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("battery staple\n"))
    assert main([*approve, "--user", "pat", "--password-stdin"]) == 2  # a preparer is not an admin
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert main([*approve, "--user", "ada", "--password-stdin"]) == 0
