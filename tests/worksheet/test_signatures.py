"""Issue 14 on paper: the worksheet prints the record's electronic signatures (printed name, user id, date and
time, meaning, and "blind re-entry matched" for a check), mismatches too; a store without accounts prints
"no electronic signature" and keeps the paper boxes; a reprint made after the check shows the check.

Expected times are written here with strftime from the signature's own time (not through the worksheet's
formatting code): `2026-11-25 09:40 (UTC+01:00)` is year-month-day hour:minute and the UTC offset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mscdose.i18n import using
from mscdose.records.store import RecordStore
from mscdose.service import accounts, checking
from mscdose.service.outputs import PrintOptions, write_record_worksheet
from mscdose.worksheet import content
from mscdose.worksheet.render import worksheet_html
from mscdose.worksheet.signing import SignatureBlock, SignatureMark
from tests.records.helpers import document
from tests.worksheet.helpers import make_document, pdf_pages

ADMIN, PREPARER, CHECKER = ("ada", "admin-password-1"), ("pat", "prep-password-2"), ("chris", "check-password-3")
TYPED = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
         "viability": "92 %", "bag_volume": "20 mL"}

pytestmark = pytest.mark.usefixtures("fast_scrypt")






@pytest.fixture
def site(store: RecordStore) -> RecordStore:
    accounts.add_user(store, "ada", "Ada Admin", "AA", "admin", ADMIN[1])
    accounts.add_user(store, "pat", "Pat Preparer", "PP", "preparer", PREPARER[1], by_admin=ADMIN)
    accounts.add_user(store, "chris", "Chris Checker", "CC", "checker", CHECKER[1], by_admin=ADMIN)
    return store


def _prepared(store: RecordStore) -> int:
    record = store.save(document("P1", prepared_by="PP"))
    accounts.sign(store, record.id, accounts.authenticate(store, *PREPARER), "prepared")
    return record.id


def _check(store: RecordStore, record_id: int, typed: dict[str, str]) -> None:
    session = checking.start_check(store, record_id, accounts.authenticate(store, *CHECKER))
    checking.finish_check(store, session, typed)


def _at(moment: datetime) -> str:
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _page_two(store: RecordStore, record_id: int, path: Path) -> str:
    write_record_worksheet(store, store.get(record_id), path, PrintOptions())
    return pdf_pages(path)[-1]


def test_a_record_prepared_and_checked_electronically_prints_both_signatures(site: RecordStore,
                                                                            tmp_path: Path) -> None:
    record_id = _prepared(site)
    _check(site, record_id, TYPED)
    prepared, checked = accounts.signatures(site, record_id)
    page = _page_two(site, record_id, tmp_path / "w.pdf")
    assert f"Prepared Pat Preparer (pat) {_at(prepared.at)}" in page
    assert f"Checked Chris Checker (chris) {_at(checked.at)} blind re-entry matched" in page
    assert "no electronic signature" not in page
    # the paper table says where the signatures are; the administration is still signed by hand
    assert f"Prepared by Pat Preparer signed electronically (above) {_at(prepared.at)}" in page
    assert f"Independently checked by Chris Checker signed electronically (above) {_at(checked.at)}" in page
    assert "Administered by" in page


def test_a_mismatch_is_printed_before_the_match(site: RecordStore, tmp_path: Path) -> None:
    record_id = _prepared(site)
    _check(site, record_id, {**TYPED, "weight": "26 kg"})
    _check(site, record_id, TYPED)
    _, mismatch, checked = accounts.signatures(site, record_id)
    page = _page_two(site, record_id, tmp_path / "w.pdf")
    first = page.index(f"Check mismatch Chris Checker (chris) {_at(mismatch.at)} blind re-entry differed: weight")
    assert first < page.index(f"Checked Chris Checker (chris) {_at(checked.at)} blind re-entry matched (after 1")


def test_a_copy_before_the_check_says_so_and_a_reprint_after_it_shows_the_check(site: RecordStore,
                                                                               tmp_path: Path) -> None:
    record_id = _prepared(site)
    before = _page_two(site, record_id, tmp_path / "first.pdf")
    assert "Checked no electronic signature not checked when this copy was made" in before
    _check(site, record_id, TYPED)
    checked = accounts.signatures(site, record_id)[-1]
    after = _page_two(site, record_id, tmp_path / "reprint.pdf")
    assert "REPRINT 1" in after
    assert f"Checked Chris Checker (chris) {_at(checked.at)} blind re-entry matched" in after
    assert "not checked when this copy was made" not in after


def test_without_accounts_it_says_no_electronic_signature_and_keeps_the_boxes(store: RecordStore,
                                                                              tmp_path: Path) -> None:
    record_id = store.save(document("P1", prepared_by="AB")).id
    page = _page_two(store, record_id, tmp_path / "w.pdf")
    assert "No electronic signature: this record store has no user accounts. Sign the boxes below by hand." in page
    assert "Prepared no electronic signature Checked no electronic signature" in page
    assert "Role Name Signature Date / time Prepared by AB Independently checked by Administered by" in page
    assert "signed electronically" not in page


def test_a_check_signed_with_initials_only_is_printed_as_initials_only(store: RecordStore, tmp_path: Path) -> None:
    record_id = store.save(document("P1", prepared_by="AB")).id
    checking.finish_check(store, checking.start_check(store, record_id, None, initials="CD"), TYPED)
    checked = accounts.signatures(store, record_id)[-1]
    page = _page_two(store, record_id, tmp_path / "w.pdf")
    assert (f"Checked CD (initials only: no electronic signature) {_at(checked.at)} blind re-entry matched"
            in page)
    assert "signed electronically" not in page  # initials are no electronic signature: the box stays blank


def test_a_preview_prints_the_paper_boxes_only() -> None:
    page = worksheet_html(make_document(), preview_reason="draft")
    assert "Prepared by" in page and "electronic signature" not in page.lower()


def test_the_signature_block_in_chinese() -> None:
    at = datetime(2026, 11, 25, 9, 40, tzinfo=timezone(timedelta(hours=8)))
    block = SignatureBlock(True, (SignatureMark("prepared", "王芳", "wangf", at),
                                  SignatureMark("checked", "李强", "liq", at, "blind re-entry matched")))
    with using("zh_CN"):
        html = content.body_html(make_document(), signatures=block)
    assert "配制" in html and "王芳 (wangf)" in html
    assert "核对" in html and "李强 (liq)" in html and "盲法重新录入一致" in html


def test_signatures_must_be_a_block() -> None:
    with pytest.raises(TypeError, match="SignatureBlock"):
        content.body_html(make_document(), signatures=["Prepared by someone"])
    assert SignatureBlock.of(False, ()).signed("prepared") is None
    assert SignatureBlock.of(True, [SignatureMark("prepared", "A B", "ab", datetime(2026, 1, 1, tzinfo=UTC))]
                             ).signed("prepared").user_id == "ab"
