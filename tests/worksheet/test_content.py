"""The worksheet's wording, without Qt: times, the finalising refusal, the HTML view."""

from __future__ import annotations

import pytest

from mscdose.core.overrides import Override
from mscdose.worksheet.content import blocked_reason, final_refusal, times_text, when
from mscdose.worksheet.render import worksheet_html
from tests.worksheet.helpers import BLOCKED, changed, make_document


@pytest.mark.parametrize(("iso", "shown"), [
    ("2026-11-25T09:30:00+01:00", "2026-11-25 09:30 (UTC+01:00)"),
    ("2026-11-25T23:05:59-05:00", "2026-11-25 23:05 (UTC-05:00)"),
    ("2026-11-25T09:30", "2026-11-25 09:30"),
    (None, ""),
    ("not a time", "not a time"),
])
def test_when(iso: str | None, shown: str) -> None:
    assert when(iso) == shown


def test_times_text_names_a_shared_zone_once() -> None:
    assert times_text("2026-11-25T09:30:00+01:00", "2026-11-25 09:41 (UTC+01:00)") == (
        "calculated 2026-11-25 09:30 · generated 2026-11-25 09:41 (UTC+01:00)")
    assert times_text("2026-11-25T08:30:00+00:00", "2026-11-25 09:41 (UTC+01:00)") == (
        "calculated 2026-11-25 08:30 (UTC+00:00) · generated 2026-11-25 09:41 (UTC+01:00)")


def test_final_refusal() -> None:
    assert final_refusal(make_document()) is None
    assert "blocked" in (final_refusal(make_document(BLOCKED)) or "")
    # A document claiming "ok" while carrying a hard flag is refused all the same.
    forged = changed(make_document(BLOCKED), status="ok")
    assert "hard limit" in (final_refusal(forged) or "")
    assert "WEIGHT_UNUSUAL" in (final_refusal(make_document(weight="25 kg")) or "")
    weak = Override("WEIGHT_UNUSUAL", "fine", "JS")
    assert "WEIGHT_UNUSUAL" in (final_refusal(make_document(weight="25 kg", overrides=(weak,))) or "")


def test_blocked_reason_lists_the_hard_flags() -> None:
    reason = blocked_reason(make_document(BLOCKED))
    assert "VIABILITY_BELOW_MINIMUM" in reason and "INSUFFICIENT_PRODUCT" in reason
    assert blocked_reason(make_document()) == "preview only"


def test_html_view_has_the_numbers_and_the_same_refusals() -> None:
    html = worksheet_html(make_document(), record_id=9, site_name="City Hospital")
    for text in ("32.6 mL", "149.96 million cells", "2.419 million cells/kg", "67.4 mL", "100 mL/h", "33 gtt/min",
                 "Record 9", "City Hospital", "values checked against protocol NCT03055078"):
        assert text in html, text
    with pytest.raises(ValueError, match="blocked"):
        worksheet_html(make_document(BLOCKED))
    assert "NOT FOR ADMINISTRATION" in worksheet_html(make_document(BLOCKED), preview_reason="blocked")
