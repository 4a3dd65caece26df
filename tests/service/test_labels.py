"""The bag-label use case (`mscdose.service.labels`, issue 13): the one road of `mscdose label` and the window.

The record is the worked example of domain.md, scanned from a product label with DIN G1234 98 654321 H
(domain.md: check H) and expiry 2099-12-31 23:59, so that it never expires while the tests run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mscdose.records.store import RecordStore
from mscdose.service.errors import InvalidInput, OutputFailed
from mscdose.service.labels import label_copies_made, label_size_key, write_record_label
from tests.worked_example import WORKED_TEXTS, build_document

SCAN = "=G12349865432177=<S1234A00&>0993652359"


@pytest.fixture
def record(store: RecordStore):  # type: ignore[no-untyped-def]
    document = build_document({**WORKED_TEXTS, "scan": SCAN}, patient_id="AA-014", patient_name="Jane Example",
                              prepared_by="JS")
    return store.save(document)


def details(store: RecordStore, record_id: int) -> list[str]:
    return [event.detail for event in store.print_events(record_id)]


def test_first_copy_then_reprints_logged_and_counted(store: RecordStore, record, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert label_copies_made(store, record.id) == 0
    assert write_record_label(store, record, tmp_path / "a.pdf", "100x50mm", check_required=False) == 0
    assert write_record_label(store, record, tmp_path / "b.pdf", "4x2in", check_required=False) == 1
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "b.pdf").exists()
    assert label_copies_made(store, record.id) == 2
    logged = details(store, record.id)
    assert logged[0].startswith("label PDF") and "(100x50mm)" in logged[0]
    assert logged[1].startswith("label reprint 1 PDF") and "(4x2in)" in logged[1]


def test_a_site_that_requires_the_check_is_refused_and_nothing_is_logged(store: RecordStore, record,  # type: ignore[no-untyped-def]
                                                                         tmp_path: Path) -> None:
    from mscdose.service.accounts import sign

    with pytest.raises(InvalidInput, match="not been checked independently") as refused:
        write_record_label(store, record, tmp_path / "a.pdf", "100x50mm", check_required=True)
    assert refused.value.field == "record_id"
    assert not (tmp_path / "a.pdf").exists() and details(store, record.id) == []
    sign(store, record.id, None, "checked", initials="CK", detail="blind re-entry matched")
    assert write_record_label(store, record, tmp_path / "a.pdf", "100x50mm", check_required=True) == 0


def test_the_site_setting_is_read_when_the_caller_does_not_say(store: RecordStore, record, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from mscdose.settings import CHECK_BEFORE_LABEL, Settings

    settings = Settings()
    settings.set(CHECK_BEFORE_LABEL, "yes")
    settings.sync()
    with pytest.raises(InvalidInput, match="not been checked independently"):
        write_record_label(store, record, tmp_path / "a.pdf", "100x50mm")


def test_a_failed_write_is_logged_and_leaves_nothing(store: RecordStore, record, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing-folder" / "a.pdf"
    with pytest.raises(OutputFailed, match="failure is logged"):
        write_record_label(store, record, target, "100x50mm", check_required=False)
    assert not target.exists()
    assert label_copies_made(store, record.id) == 0
    assert "failed" in details(store, record.id)[0]


def test_label_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert label_size_key("4x2in") == "4x2in"
    assert label_size_key(None) == "100x50mm"  # the site setting's default
    with pytest.raises(InvalidInput) as refused:
        label_size_key("A4")
    assert refused.value.field == "size" and refused.value.given == "A4"
