"""Issue 16: every input error and service refusal in Chinese, and a saved record's messages in Chinese in any
session (a reprint tomorrow prints what the first copy printed).

A saved document keeps only the English message. `i18n.recover` finds its template again: each CoreMessage
template of this version (resources/translations/core_messages.json) matched anchored; one most specific
template, one split, and filling it back in gives the English exactly — else the English is printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mscdose import i18n
from mscdose.core import messages
from mscdose.core.errors import InputError
from mscdose.core.isbt128 import parse_din
from mscdose.core.parsing import parse_weight
from mscdose.core.scan import parse_scan
from mscdose.core.text import HALF_WIDTH_ZH, check_text
from mscdose.service.errors import Blocked, InvalidInput
from mscdose.service.outputs import print_options
from tests.i18n.test_core_messages_zh import NUMBER, core_templates
from tests.i18n.window_zh import english_words

REPO = Path(__file__).resolve().parents[2]


def _fresh_session() -> None:
    """As in a new process: nothing remembered, nothing cached."""
    messages._REMEMBERED.clear()
    i18n._recovered.cache_clear()


def _refused(parse, text: str) -> InputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        parse(text)
    return caught.value


def test_the_template_list_is_every_template_of_the_code() -> None:
    """core_messages.json (built with the .qm) is exactly the CoreMessage templates of core/ and service/."""
    listed = json.loads((REPO / "resources" / "translations" / i18n.TEMPLATES_FILE).read_text(encoding="utf-8"))
    from tests.i18n.test_catalogue import _builder

    assert set(core_templates()) <= set(listed)  # every template of the code can be found again
    assert listed == _builder().core_templates()  # and the file is the .ts's, rebuilt (obsolete ones left out)


def test_a_saved_record_reprinted_in_a_fresh_session_prints_the_chinese_message() -> None:
    from mscdose.worksheet.render import worksheet_html
    from tests.worksheet.helpers import make_document

    document = json.loads(json.dumps(make_document(dose="400 million cells", bags="5")))  # as saved
    _fresh_session()
    chinese = worksheet_html(document, language="zh_CN", preview_reason="blocked")
    # 87 mL × 4.6 million/mL = 400.2 million cells, above the 300 million cells maximum (worked by hand)
    assert "实际输注剂量 400.2 × 10⁶ 个细胞，高于方案最高剂量 300 × 10⁶ 个细胞（NCT03055078）。" in chinese
    _fresh_session()
    assert worksheet_html(document, language="zh_CN", preview_reason="blocked") == chinese  # the same every time


def test_a_text_that_matches_two_ways_prints_in_english() -> None:
    """`{label}: {problem} Accepted: {accepted}.` fits this text with the problem ending at either "Accepted:"."""
    english = "Weight: bad Accepted: x. Accepted: y."
    assert i18n.recover(english) is None
    assert i18n.record_message_text(english, "zh_CN") == english
    assert i18n.recover("a and then b and then c", ("{first} and then {second}",)) is None  # two splits
    assert i18n.recover("a and then b", ("{first} and then {second}", "{one} and then {two}")) is None  # two templates
    assert i18n.recover("a and then b", ("{first} and then {second}",)) is not None
    assert i18n.recover("30 kg to 150 kg") is None  # a joining template never reads a whole message


def test_a_message_whose_wording_changed_prints_in_english() -> None:
    """A record saved by an earlier version with other wording: no template of this version gives it back."""
    older = "Weight 25 kg is outside the usual range of 30 kg to 150 kg; check the unit."
    _fresh_session()
    assert i18n.recover(older) is None
    assert i18n.record_message_text(older, "zh_CN") == older
    now = "Weight 25 kg is outside the usual 30 kg to 150 kg: check the unit and the entry."
    assert i18n.record_message_text(now, "zh_CN") == "体重 25 kg 超出常见范围 30 kg 至 150 kg：请核对单位和录入。"


def test_the_recovered_message_fills_back_to_the_english_exactly() -> None:
    english = "Dose delivered 400.2 million cells is above the protocol maximum of 300 million cells (NCT03055078)."
    found = i18n.recover(english)
    assert found is not None and found.text == english
    banded = english.replace("cells (", "cells for this weight band (")
    assert i18n.recover(banded).text == banded  # type: ignore[union-attr]
    assert "（本体重段）" in i18n.record_message_text(banded, "zh_CN")


@pytest.mark.parametrize(("parse", "text", "start"), [
    (parse_din, "G1234 98 654321 X", "献血/捐献识别号（DIN）：校验字符 X 与 G12349865432 1 不符"),
    (parse_scan, "=G123498654321", "扫描：DIN“=G123498654321”不完整"),
    (lambda t: check_text("patient_id", t), "AA 014?", "患者"),
])
def test_input_errors_of_the_scan_din_and_free_text_fields_read_in_chinese(parse, text, start) -> None:  # type: ignore[no-untyped-def]
    error = _refused(parse, text)
    chinese = i18n.flag_text(error, "zh_CN")
    assert chinese.startswith(start.split(" G1234")[0]), chinese
    assert sorted(NUMBER.findall(chinese)) == sorted(NUMBER.findall(error.message))
    problem = chinese.split("可接受")[0]  # what is accepted may quote ISBT 128 formats (αppppyynnnnnnff)
    assert english_words(problem.replace(text, " ")) == [], chinese


def test_full_width_digits_get_the_character_problem_in_chinese() -> None:
    error = _refused(parse_weight, "６２ kg")
    assert HALF_WIDTH_ZH in error.message and error.message.startswith("Weight: “６２ kg” contains “６”")
    chinese = i18n.flag_text(error, "zh_CN")
    assert chinese.startswith("体重：“６２ kg”含有“６”（U+FF16 FULLWIDTH DIGIT SIX），这是全角或非拉丁字符")
    assert chinese.count(HALF_WIDTH_ZH) == 1
    assert i18n.record_message_text(error.message, "zh_CN") == chinese  # found again from the English too


def test_a_service_refusal_keeps_its_english_and_reads_in_chinese() -> None:
    with pytest.raises(InvalidInput) as caught:
        print_options("A5")
    error = caught.value
    assert str(error) == "Page size: “A5” is not accepted. Accepted: A4 or Letter."  # the CLI's text, unchanged
    assert i18n.error_text(error, "zh_CN") == "纸张大小：不接受“A5”。可接受：A4 或 Letter。"
    assert i18n.error_text(error, "en") == str(error)


def test_a_service_refusal_made_from_an_input_error_carries_its_template() -> None:
    from mscdose.service.calculation import calculate

    with pytest.raises(InvalidInput) as caught:
        calculate({"weight": "abc", "dose": "150 million cells", "concentration": "5 million cells/mL",
                   "viability": "92 %", "bag_volume": "20 mL"}, "NCT03055078")
    assert str(caught.value).startswith("Weight: could not read “abc” as a number with a unit.")
    assert i18n.error_text(caught.value, "zh_CN").startswith("体重：无法将“abc”读作带单位的数值。")


def test_blocked_keeps_its_english_and_frames_it_in_chinese() -> None:
    error = Blocked(["DOSE_ABOVE_RANGE: too much"])
    assert str(error) == "blocked by a hard limit: DOSE_ABOVE_RANGE: too much"
    assert error.problems == ["DOSE_ABOVE_RANGE: too much"]
    assert i18n.error_text(error, "zh_CN") == "被硬性限制阻止：DOSE_ABOVE_RANGE: too much"


def test_the_reason_under_a_blocked_preview_s_watermark_is_chinese_on_the_chinese_worksheet() -> None:
    from mscdose.worksheet.content import blocked_reason
    from mscdose.worksheet.render import worksheet_html
    from tests.worksheet.helpers import make_document

    document = json.loads(json.dumps(make_document(dose="400 million cells", bags="5")))
    _fresh_session()
    english = blocked_reason(document)
    assert english.startswith("DOSE_ABOVE_RANGE: Dose delivered 400.2 million cells is above")
    with i18n.using("zh_CN"):
        chinese = blocked_reason(document)
        page = worksheet_html(document, language="zh_CN", preview_reason=chinese)
    assert chinese.startswith("DOSE_ABOVE_RANGE: 实际输注剂量 400.2 × 10⁶ 个细胞，高于方案最高剂量 300 × 10⁶ 个细胞")
    assert "高于方案最高剂量" in page
    with i18n.using("zh_CN"):
        assert blocked_reason({"flags": []}) != "preview only"


def test_a_saved_moment_keeps_its_zone_as_written() -> None:
    """A date and time with its zone (`2026-11-25 09:30 (UTC+01:00)`) is one value: read back from a saved
    message it must not be split by a general `{x} ({y})` template and printed with Chinese brackets."""
    english = ("The product expired at 2026-11-25 09:30 (UTC+01:00) (label); it is now 2026-11-26 10:00 "
               "(UTC+01:00). Do not use this product.")
    _fresh_session()
    chinese = i18n.record_message_text(english, "zh_CN")
    assert chinese == ("产品已于 2026-11-25 09:30 (UTC+01:00)（标签）过期；现在是 2026-11-26 10:00 (UTC+01:00)。"
                       "不得使用此产品。")
