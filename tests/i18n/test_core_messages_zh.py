"""Issue 16, "messages, flags" in Chinese: the core's flag and input-error messages are templates
(core/messages.py) a Chinese window and worksheet show translated, with the very display texts of the English
message; the record, the CLI and JSON keep the English message unchanged.

Worked by hand (domain.md): 62 kg, 400 million cells, 5 million cells/mL at 92 % -> 4.6 million/mL; 400 / 4.6
= 86.9565 -> 87 mL (5 bags of 20 mL); delivered 87 × 4.6 = 400.2 million cells, above the 300 million cells
maximum of NCT03055078: DOSE_ABOVE_RANGE (hard).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from mscdose import i18n
from mscdose.core.errors import InputError
from mscdose.core.flags import Flag
from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.core.parsing import parse_weight
from tests.i18n.test_window_zh import open_window
from tests.i18n.window_zh import english_words, language

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "translations" / "mscdose_zh_CN.ts"
CORE = REPO / "mscdose" / "core"
SERVICE = REPO / "mscdose" / "service"  # issue 16: the service's refusals are CoreMessage templates too
RECORDS = REPO / "mscdose" / "records"  # and the record store's errors and the bedside check's reasons
PLACEHOLDER = re.compile(r"\{\w+\}")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
UNITS_AS_TYPED = {"cells", "cells/kg"}  # the units the parser reads ("use {units}"): typed as they are


def _literal(node: ast.AST) -> str | None:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def core_templates() -> dict[str, str]:
    """Every `QT_TRANSLATE_NOOP("CoreMessage", ...)` of core/, service/ and records/, with where it is."""
    found = {}
    for path in sorted([*CORE.glob("*.py"), *SERVICE.glob("*.py"), *RECORDS.rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
                    and len(node.args) == 2 and _literal(node.args[0]) == "CoreMessage"):
                text = _literal(node.args[1])
                assert text is not None, f"{path.name}:{node.lineno}: a template must be a literal"
                found[text] = f"{path.name}:{node.lineno}"
    return found


def chinese_catalogue() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    return {message.findtext("source") or "": message.findtext("translation") or ""
            for context in root.iter("context") if context.findtext("name") == "CoreMessage"
            for message in context.iter("message")
            if message.find("translation").get("type") not in ("unfinished", "vanished", "obsolete")}  # type: ignore[union-attr]


def test_every_core_template_has_a_chinese_translation_with_the_same_placeholders() -> None:
    templates, catalogue = core_templates(), chinese_catalogue()
    assert len(templates) > 250  # flags, parsing, scans, labels, free text (core); refusals (service)
    for template, where in templates.items():
        assert template in catalogue, f"{where}: {template!r} is not translated in {TS.name}"
        chinese = catalogue[template]
        assert sorted(PLACEHOLDER.findall(chinese)) == sorted(PLACEHOLDER.findall(template)), where
        assert sorted(NUMBER.findall(chinese)) == sorted(NUMBER.findall(template)), where  # the same numbers
        # pure arithmetic (a step's `{target} ÷ {concentration} = {exact}`) has no words: the same in Chinese
        assert chinese != template or template in UNITS_AS_TYPED or not english_words(PLACEHOLDER.sub("", template)), \
            where


def test_every_flag_raised_in_core_is_a_template() -> None:
    """No Flag.raise_ (nor product_checks._hard, plausibility._flag) in core is given a plain f-string: each
    flag message has a template the window can translate."""
    plain = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("raise_", "_hard", "_flag") and node.args:
                message = node.args[-1]
                if isinstance(message, ast.JoinedStr | ast.Constant | ast.BinOp):
                    plain.append(f"{path.name}:{node.lineno}")
    assert plain == []


def test_the_english_message_is_the_record_s_text_and_the_template_is_beside_it() -> None:
    flag = Flag.raise_("WEIGHT_UNUSUAL", "weight", said(QT_TRANSLATE_NOOP(
        "CoreMessage", "Weight {weight} is outside the usual {usual}: check the unit and the entry."),
        weight="25 kg", usual="30 kg to 150 kg"))
    assert flag.message == "Weight 25 kg is outside the usual 30 kg to 150 kg: check the unit and the entry."
    assert flag.as_dict() == {"code": "WEIGHT_UNUSUAL", "severity": "soft", "field": "weight",
                              "message": flag.message}  # the record: no template, no params
    assert flag == Flag("WEIGHT_UNUSUAL", "soft", "weight", flag.message)
    assert i18n.flag_text(flag, "zh_CN") == "体重 25 kg 超出常见范围 30 kg to 150 kg：请核对单位和录入。"
    assert i18n.flag_text(flag, "en") == flag.message


def test_an_input_error_keeps_its_english_and_reads_in_chinese() -> None:
    try:
        parse_weight("abc")
    except InputError as error:
        refused = error
    assert refused.message == ("Weight: could not read “abc” as a number with a unit. Accepted: a weight from 0.1 "
                               "to 700 kg with its unit kg, g or lb, such as 62 kg, 62.5 kg or 136 lb.")
    assert refused.as_dict()["message"] == refused.message
    chinese = i18n.flag_text(refused, "zh_CN")
    assert chinese == ("体重：无法将“abc”读作带单位的数值。 可接受：0.1 至 700 kg 之间的体重，并注明单位 kg、g 或 lb，"
                       "例如 62 kg、62.5 kg 或 136 lb。")
    assert sorted(NUMBER.findall(chinese)) == sorted(NUMBER.findall(refused.message))


def test_a_translation_that_would_change_a_number_falls_back_to_the_english() -> None:
    """The safety net of i18n.message_text: the digits shown are the English message's, or the English is."""
    english = "Weight 25 kg is outside the usual 30 kg to 150 kg: check the unit and the entry."
    broken = {"weight": "25 kg", "usual": "30 kg to 150 kg"}
    assert i18n.message_text("Weight {weight} is outside the usual {usual}: check the unit and the entry.",
                             broken, english.replace("25 kg", "26 kg"), "zh_CN") == english.replace("25", "26")
    assert i18n.message_text("not a template in the catalogue {x}", {"x": "1"}, "English 1", "zh_CN") == "English 1"


def test_the_chinese_window_shows_a_hard_flag_and_an_input_error_in_chinese(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with language("zh_CN"):
        window = open_window(qtbot, tmp_path)
        window.rows["bags"].edit.setText("5")
        window.rows["dose"].edit.setText("400")
        qtbot.waitUntil(lambda: window.result is not None and any(
            flag.code == "DOSE_ABOVE_RANGE" for flag in window.result.flags))
        flag = next(flag for flag in window.result.flags if flag.code == "DOSE_ABOVE_RANGE")
        assert flag.message == ("Dose delivered 400.2 million cells is above the protocol maximum of 300 million "
                                "cells (NCT03055078).")  # the record's text, unchanged
        items = [window.flags.list.item(i).text() for i in range(window.flags.list.count())]
        line = next(text for text in items if "400.2" in text)
        assert "实际输注剂量 400.2 × 10⁶ 个细胞，高于方案最高剂量 300 × 10⁶ 个细胞（NCT03055078）。" in line
        assert english_words(line) == []
        assert "400.2 × 10⁶ 个细胞" in window.flags.hard_banner.text()

        window.rows["weight"].edit.setText("abc")
        qtbot.waitUntil(lambda: bool(window.rows["weight"].error_text()))
        error = window.rows["weight"].error_text()
        assert error.startswith("体重：无法将“abc”读作带单位的数值。")
        assert english_words(error.replace("abc", " ")) == []
        assert sorted(NUMBER.findall(error)) == ["0.1", "136", "62", "62.5", "700"]


def test_the_chinese_worksheet_of_a_blocked_preview_prints_the_chinese_flag_message() -> None:
    from mscdose.worksheet.render import worksheet_html
    from tests.worksheet.helpers import make_document

    document = make_document(dose="400 million cells", bags="5")
    assert document["status"] == "blocked"
    english = next(f["message"] for f in document["flags"] if f["code"] == "DOSE_ABOVE_RANGE")
    assert english == ("Dose delivered 400.2 million cells is above the protocol maximum of 300 million cells "
                       "(NCT03055078).")
    chinese = worksheet_html(document, language="zh_CN", preview_reason="blocked")
    assert "实际输注剂量 400.2 × 10⁶ 个细胞，高于方案最高剂量 300 × 10⁶ 个细胞（NCT03055078）。" in chinese
    assert english in worksheet_html(document, language="en", preview_reason="blocked")


def test_a_record_of_another_session_prints_its_message_in_chinese() -> None:
    """Issue 16 (changed expectation): a message not raised in this process (a saved record reprinted) is read
    again from its English by the one template that gives it back exactly (tests/i18n/test_saved_messages_zh.py)."""
    text = "Dose delivered 999.9 million cells is above the protocol maximum of 300 million cells (X)."
    assert i18n.record_message_text(text, "zh_CN") == ("实际输注剂量 999.9 × 10⁶ 个细胞，高于方案最高剂量 300 × 10⁶ "
                                                       "个细胞（X）。")
