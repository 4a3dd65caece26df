"""Translated texts in the protocol file, as the loader exposes them; the Chinese half-width hint."""

from __future__ import annotations

import pytest

from mscdose.core import parsing
from mscdose.core.errors import InputError, ProtocolError
from mscdose.core.paths import resource
from mscdose.core.protocol import load_protocol, parse_protocol

SHIPPED = resource("protocols", "nct03055078.toml").read_bytes().decode("utf-8")


def test_the_shipped_protocol_carries_chinese_beside_every_criterion_and_reason() -> None:
    protocol = load_protocol("NCT03055078")
    assert protocol.translated(protocol.title, "zh_CN") == "脐带间充质干细胞治疗再生障碍性贫血"
    for text in (*protocol.inclusion, *protocol.exclusion, *protocol.override_reasons):
        assert protocol.translated(text, "zh_CN") != text, text
    assert protocol.translated("Written informed consent", "zh_CN") == "已签署书面知情同意书"
    assert protocol.translated("normal saline", "zh_CN") == "生理盐水"
    assert protocol.translated(protocol.title, "en") == protocol.title
    # the English texts stay what is recorded and confirmed; the hard criteria are still the same ones
    assert "Written informed consent" in protocol.hard_criteria and "Age 14 to 60 years" in protocol.age_criteria


@pytest.mark.parametrize(("old", "new", "words"), [
    ('title_zh = "脐带间充质干细胞治疗再生障碍性贫血"', 'title_zh = ""', "key '.title_zh': must be non-empty"),
    ('title_zh = "脐带', 'title_fr = "x"\ntitle_zh = "脐带', "key 'title_fr': unknown"),
    ('{ text = "Allergic constitution", text_zh = "过敏体质" }', '{ text_zh = "过敏体质" }',
     "eligibility.exclusion[3].text"),
])
def test_a_bad_translation_is_refused_naming_the_key(old: str, new: str, words: str) -> None:
    assert old in SHIPPED
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(SHIPPED.replace(old, new, 1).encode("utf-8"), "nct03055078.toml")
    assert words in str(caught.value)


def test_full_width_digits_are_refused_in_english_and_in_chinese() -> None:
    with pytest.raises(InputError) as caught:
        parsing.parse_weight("６２ kg")
    message = caught.value.message
    assert "half-width" in message and "请切换到半角输入法" in message and "０" not in message.split("“")[0]
