"""`audit verify` counts every kind of entry it walked: records, print events, protocol approvals, user events,
signatures and bedside checks (a chain whose entries all verify may still lack a kind the site expected).

The store built here, counted by hand: 2 records; 1 print event; 1 protocol approval; user events: ada added,
pat added, chris added, 1 failed sign-in of chris = 4; signatures: pat prepared record 1 = 1; bedside checks:
1 (an unreadable bag label, a MISMATCH that is logged all the same)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.records import bedside
from mscdose.records.store import RecordStore
from mscdose.service import accounts
from tests.records.helpers import document

ADMIN, PREPARER = ("ada", "admin-password-1"), ("pat", "prep-password-2")

pytestmark = pytest.mark.usefixtures("fast_scrypt")




@pytest.fixture
def busy(tmp_path: Path) -> Path:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        first = store.save(document("P1"))
        store.save(document("P2", weight="63 kg"))
        store.mark_printed(first.id, True, "worksheet PDF w.pdf")
        store.approve_protocol("ab" * 32, "SITE-1", "1.0", "AA", "approved by the pharmacy committee")
        accounts.add_user(store, "ada", "Ada Admin", "AA", "admin", ADMIN[1])
        accounts.add_user(store, "pat", "Pat Preparer", "PP", "preparer", PREPARER[1], by_admin=ADMIN)
        accounts.add_user(store, "chris", "Chris Checker", "CC", "checker", "check-password-3", by_admin=ADMIN)
        with pytest.raises(accounts.AccessRefused):
            accounts.authenticate(store, "chris", "not-the-password")
        accounts.sign(store, first.id, accounts.authenticate(store, *PREPARER), "prepared")
        bedside.check_and_log(store, "P1", "not a bag label", now=datetime(2026, 11, 25, 10, tzinfo=UTC))
    return path


def test_the_report_counts_every_kind(busy: Path) -> None:
    with RecordStore(busy) as store:
        report = store.verify()
    assert report.ok, report.problem
    assert (report.count, report.print_events, report.approvals, report.user_events, report.signatures,
            report.bedside_checks) == (2, 1, 1, 4, 1, 1)
    assert report.entries == 2 + 1 + 1 + 4 + 1 + 1  # every entry is one of these kinds


def test_audit_verify_prints_the_counts(busy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--database", str(busy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Audit OK: 2 records and 1 print event, hash chain unbroken")
    assert ("Checked in the chain: 2 records, 1 print event, 1 protocol approval, 4 user events, 1 signature, "
            "1 bedside check.") in out


def test_an_empty_store_counts_zero_of_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.sqlite3"
    RecordStore(path).close()
    assert main(["audit", "verify", "--database", str(path)]) == 0
    assert ("Checked in the chain: 0 records, 0 print events, 0 protocol approvals, 0 user events, 0 signatures, "
            "0 bedside checks.") in capsys.readouterr().out
