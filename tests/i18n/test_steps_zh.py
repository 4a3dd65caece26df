"""Issue 16: the working of every calculation step in Chinese, in the window's steps tab and on the worksheet.

A step keeps its English `working` (the record's `"label: working"`, hashes, CLI, JSON unchanged); beside it the
template (core/step_texts.py) and its display texts. The window translates the live step; a worksheet reads a
saved step back by its label (`i18n.record_step_text`), the same in every session; an unknown wording prints in
English (units converted).

The worked example of domain.md, worked by hand: 62 kg, 150 million cells, 5 million cells/mL at 92 % -> viable
4.6 million cells/mL; 150 / 4.6 = 32.6087 mL, drawn 32.6 mL (0.1 mL steps, ties up); delivered 32.6 × 4.6 =
149.96 million cells = 149.96 × 10⁶ 个细胞; ⌈32.6 / 20⌉ = 2 bags of the 2 (40 mL); final volume the larger of
100 mL and 32.6 mL = 100 mL, diluent 100 − 32.6 = 67.4 mL; 100 mL over 60 min = 100 mL/h; 100 × 20 / 60 =
33.33 -> 33 滴/分.
"""

from __future__ import annotations

import json
import re

import pytest
from pytestqt.qtbot import QtBot

from mscdose import i18n
from mscdose.core import messages
from mscdose.core.engine import Step
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said, word
from mscdose.core.step_texts import TEMPLATES_BY_LABEL, VOLUME_TO_DRAW, WORD_PARAMS
from tests.core.helpers import calc, protocol_file
from tests.i18n.test_window_zh import open_window
from tests.i18n.window_zh import english_words, language
from tests.worksheet.helpers import make_document

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

# Each worked-example step in Chinese, worked by hand (module docstring)
WORKED_ZH = {
    "目标剂量": "150 × 10⁶ 个细胞（按总量开具）",
    "活细胞浓度": "5 × 10⁶ 个细胞/mL × 92 % ÷ 100 = 4.6 × 10⁶ 个细胞/mL",
    "抽取体积": "32.6087 mL 按 0.1 mL 刻度四舍五入（逢五进一）= 32.6 mL",
    "实际输注剂量": "32.6 mL × 4.6 × 10⁶ 个细胞/mL = 149.96 × 10⁶ 个细胞（活细胞）",
    "所需细胞袋数": "⌈32.6 mL ÷ 20 mL⌉ = 2（现有 2 袋，共 40 mL）",
    "终体积": "100 mL（本中心设定）与 32.6 mL 中的较大者 = 100 mL；稀释液 100 mL − 32.6 mL = 67.4 mL",
    "输注速度": "100 mL ÷ 60 min × 60 = 100 mL/h",
    "滴速": "100 mL × 20 滴/mL ÷ 60 min = 33.33 滴/分，取整滴（逢五进一）= 33 滴/分",
}
# English words of the working that must never reach a Chinese reader
ENGLISH_WORKING = ("rounded", "ties up", "available", "in all", "larger of", "diluent", "prescribed", "viable cells",
                   "whole drops", "thawed", "finish by", "infusion", "per bag", "tolerance", "limit")


def _numbers(text: str) -> list[str]:
    return sorted(NUMBER.findall(text.replace("10⁶", "")))


def _fresh_session() -> None:
    """As in a new process: nothing remembered, nothing cached."""
    messages._REMEMBERED.clear()
    i18n._recovered.cache_clear()
    i18n._recovered_step.cache_clear()


def _label_zh(label: str) -> str:
    from mscdose.worksheet.terms import step_label

    with i18n.using("zh_CN"):
        return step_label(label)


def test_every_step_of_the_worked_example_reads_in_chinese_in_the_window(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with language("en"):
        english = open_window(qtbot, tmp_path / "en").results.steps.toPlainText().splitlines()
    with language("zh_CN"):
        chinese = open_window(qtbot, tmp_path / "zh").results.steps.toPlainText().splitlines()
    assert len(chinese) == len(english) >= 10
    for en, zh in zip(english, chinese, strict=True):
        assert _numbers(zh) == _numbers(en), (en, zh)  # the very numbers of the English, step by step
        assert english_words(zh) == [], zh
        assert not any(phrase in zh for phrase in ENGLISH_WORKING), zh
    for label, working in WORKED_ZH.items():
        assert f"{label}：{working}" in chinese, (label, chinese)
    assert "Volume to draw: 32.6087 mL rounded to the nearest 0.1 mL (ties up) = 32.6 mL" in english  # unchanged


def test_the_chinese_worksheet_prints_the_steps_in_chinese() -> None:
    from mscdose.worksheet.render import worksheet_html

    document = make_document()
    chinese = worksheet_html(document, language="zh_CN")
    english = worksheet_html(document, language="en")
    for working in WORKED_ZH.values():
        assert working in chinese, working
    steps_zh = chinese.split("1</td>", 1)[1].split("</table>", 1)[0]  # the steps table
    assert not any(phrase in steps_zh for phrase in ENGLISH_WORKING), steps_zh
    assert "32.6087 mL rounded to the nearest 0.1 mL (ties up) = 32.6 mL" in english  # English unchanged
    assert "逢五进一" not in english


def test_a_saved_record_s_steps_read_back_in_chinese_in_a_fresh_session() -> None:
    from mscdose.worksheet.render import worksheet_html

    document = json.loads(json.dumps(make_document()))  # as saved: "label: working", English only
    assert "Bags needed: ⌈32.6 mL ÷ 20 mL⌉ = 2 (2 available, 40 mL in all)" in document["steps"]
    _fresh_session()
    first = worksheet_html(document, language="zh_CN")
    assert "⌈32.6 mL ÷ 20 mL⌉ = 2（现有 2 袋，共 40 mL）" in first
    _fresh_session()
    assert worksheet_html(document, language="zh_CN") == first  # a reprint tomorrow prints the same


CASES = {
    "worked-thawed": {"thawed_at": "2026-11-25T09:30+01:00", "now": "2026-11-25T10:00+01:00"},
    "pounds-per-kg": {"weight": "150 lb", "dose": "2 million cells/kg"},
    "label-cross-check": {"label_cells": "100 million cells"},
    "kept-inside-window": {"dose": "100 million cells", "concentration": "5.42 million cells/mL",
                               "viability": "90"},
    "no-measurable-volume": {"dose": "200 million cells", "concentration": "100 million cells/mL",
                             "viability": "100", "increment": "4 mL"},
    "counted-viable-dmso": {"weight": "40 kg", "concentration": "0.375 million cells/mL", "basis": "viable",
                             "bag_volume": "100 mL", "bags": "4", "duration": "2 h"},
    "rate-set-to-pump-step": {"duration": "45 min"},
    "weight-in-grams": {"weight": "62000 g"},
    "protocol-counts-all-cells": {"protocol": "kymriah_like.toml", "weight": "40 kg",
                                              "dose": "60 million cells"},
}


@pytest.mark.parametrize("changes", CASES.values(), ids=CASES.keys())
def test_a_saved_step_reads_back_as_the_live_step_reads(changes: dict[str, str]) -> None:
    """Every step of every wording: the saved English read back by its label gives exactly what the window
    showed from the live step, in Chinese, with the English's numbers."""
    protocol = changes.get("protocol")
    result = calc(protocol_file(protocol) if protocol else None,
                  **{key: value for key, value in changes.items() if key != "protocol"})
    for step in result.steps:
        assert step.template in TEMPLATES_BY_LABEL[step.label], step  # every step is a template of its label
        live = i18n.step_working_text(step, "zh_CN")
        label, _, working = str(step).partition(": ")
        _fresh_session()
        assert i18n.record_step_text(label, working, "zh_CN") == live, step
        assert _numbers(live) == _numbers(step.working), (step, live)
        assert not any(phrase in live for phrase in ENGLISH_WORKING), live


def _example_value(name: str, index: int) -> str | Message:
    """A value of the kind the engine gives the placeholder `name` (a display text, or a word)."""
    if name == "basis":
        return word(QT_TRANSLATE_NOOP("CoreMessage", "cells (all)"))
    if name == "origin":
        return word(QT_TRANSLATE_NOOP("CoreMessage", "protocol value"))
    if name == "limit":
        return said(QT_TRANSLATE_NOOP("CoreMessage", "above the protocol maximum of {limit}{band}"),
                    limit="300 million cells", band=said(QT_TRANSLATE_NOOP("CoreMessage", " for this weight band")))
    return f"{index + 2}.5{index} million cells" if index % 2 else f"{index + 1}{index}.25 mL"


@pytest.mark.parametrize("template", sorted({t for group in TEMPLATES_BY_LABEL.values() for t in group}))
def test_every_working_template_is_chinese_and_reads_back_from_its_english(template: str) -> None:
    """Every wording, also those no worked case reaches (a start-by of `never`, two neighbours both outside the
    window): translated, the English's numbers, and the saved English read back by its label to the same text."""
    names = list(dict.fromkeys(re.findall(r"\{(\w+)\}", template)))
    step_said = Message(template, {name: _example_value(name, i) for i, name in enumerate(names)})
    label = next(label for label, group in TEMPLATES_BY_LABEL.items() if template in group)
    step = Step.of(label, step_said)
    live = i18n.step_working_text(step, "zh_CN")
    assert live != i18n.units_for(step.working, "zh_CN") or not english_words(re.sub(r"\{\w+\}", "", template))
    assert _numbers(live) == _numbers(step.working), (template, live)
    assert english_words(live) == [] and not any(phrase in live for phrase in ENGLISH_WORKING), live
    _fresh_session()
    assert i18n.record_step_text(label, step.working, "zh_CN") == live
    assert WORD_PARAMS.isdisjoint(names) or any(isinstance(step.params[n], Message) for n in WORD_PARAMS & set(names))


def test_the_step_wordings_of_the_rare_cases_are_chinese() -> None:
    kept = calc(dose="100 million cells", concentration="5.42 million cells/mL", viability="90")
    step = next(s for s in kept.steps if s.label == "Kept inside the window")
    assert i18n.step_working_text(step, "zh_CN") == (
        "20.5 mL 将输注 99.999 × 10⁶ 个细胞，低于方案最低剂量 100 × 10⁶ 个细胞；仍在范围内的最接近可量取体积为 20.6 mL")
    banded = calc(protocol_file("kymriah_like.toml"), weight="62 kg")
    basis = [i18n.step_working_text(s, "zh_CN") for s in banded.steps if s.label == "Dose delivered"]
    assert basis and basis[0].endswith("（全部细胞）")  # a protocol counting all cells


def test_an_unknown_wording_falls_back_to_english() -> None:
    _fresh_session()
    older = "32.6087 mL rounded to 0.1 mL = 32.6 mL"  # an earlier version's wording: no template of this one
    assert i18n.record_step_text("Volume to draw", older, "zh_CN") == older
    assert i18n.record_step_text("Mystery step", "150 million cells × 2", "zh_CN") == "150 × 10⁶ 个细胞 × 2"
    # a step's working is read only with its own label's templates, never with another's
    worked = "32.6087 mL rounded to the nearest 0.1 mL (ties up) = 32.6 mL"
    assert i18n.record_step_text("Exact volume", worked, "zh_CN") == worked
    # and a step's template never reads a flag's saved message (nor the reverse)
    assert i18n.recover(worked) is None
    assert i18n.recover("150 million cells ÷ 4.6 million cells/mL = 32.6087 mL") is None
    # a translation that would not show the English's numbers: the English (the number guard)
    wrong = Step.of("Volume to draw", said(VOLUME_TO_DRAW, exact="32.6087 mL", increment="0.1 mL", rounded="32.6 mL"))
    assert i18n.message_text("{exact} = {rounded}", wrong.params, wrong.working, "zh_CN") == wrong.working


def test_english_is_unchanged_and_the_template_is_not_part_of_the_record() -> None:
    step = Step.of("Volume to draw", said(VOLUME_TO_DRAW, exact="32.6087 mL", increment="0.1 mL", rounded="32.6 mL"))
    assert step.working == "32.6087 mL rounded to the nearest 0.1 mL (ties up) = 32.6 mL"
    assert step == Step("Volume to draw", step.working)  # template and params are not part of equality
    assert step.as_dict() == {"label": "Volume to draw", "working": step.working}
    assert str(step) == f"Volume to draw: {step.working}"
    assert i18n.step_working_text(step, "en") == step.working
    assert i18n.record_step_text("Volume to draw", step.working, "en") == step.working
    assert _label_zh("Volume to draw") == "抽取体积"
