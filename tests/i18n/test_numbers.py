"""One form of cell count in Chinese: `× 10⁶ 个细胞`; digits untouched; never 万, 亿 or another power of ten."""

from __future__ import annotations

import pytest

from mscdose.i18n import units_for


@pytest.mark.parametrize(("english", "chinese"), [
    ("149.96 million cells", "149.96 × 10⁶ 个细胞"),
    ("2.419 million cells/kg", "2.419 × 10⁶ 个细胞/kg"),
    ("4.6 million cells/mL", "4.6 × 10⁶ 个细胞/mL"),
    ("1,500 million cells", "1,500 × 10⁶ 个细胞"),
    ("0.5 million/mL", "0.5 × 10⁶/mL"),
    ("33 gtt/min with 20 gtt/mL", "33 滴/分 with 20 滴/mL"),
    ("1.5 billion cells", "1,500 × 10⁶ 个细胞"),  # worked by hand: 1.5 × 1000 million
    ("0.0025 billion cells", "2.5 × 10⁶ 个细胞"),
    ("99.999 million cells", "99.999 × 10⁶ 个细胞"),  # a value beside a limit keeps every digit
])
def test_counts_and_drops_take_the_chinese_form_with_the_same_digits(english: str, chinese: str) -> None:
    assert units_for(english, "zh_CN") == chinese


def test_english_is_left_as_it_is() -> None:
    assert units_for("149.96 million cells", "en") == "149.96 million cells"


def test_the_chinese_unit_patterns_are_compiled_for_a_chinese_text_only() -> None:
    """Issue 18: an English window never compiles them (about 1.5 ms of every start before)."""
    from mscdose import i18n

    i18n._zh_patterns.cache_clear()
    assert i18n.units_for("149.96 million cells", i18n.ENGLISH) == "149.96 million cells"
    assert i18n._zh_patterns.cache_info().currsize == 0
    assert i18n.units_for("149.96 million cells", i18n.CHINESE) == "149.96 × 10⁶ 个细胞"
    assert i18n.units_for("1.2 billion cells", i18n.CHINESE) == "1,200 × 10⁶ 个细胞"
    assert i18n._zh_patterns.cache_info().currsize == 1


def test_the_system_language_asks_pythons_locale_only_when_nothing_before_it_is_a_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    from PySide6.QtCore import QLocale

    from mscdose import i18n

    asked: list[str] = []
    monkeypatch.setattr(locale, "getlocale", lambda: asked.append("locale") or ("zh_CN", "UTF-8"))
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English)))
    assert i18n.system_language() == i18n.ENGLISH and asked == []
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Swahili)))
    assert i18n.system_language() == i18n.CHINESE and asked == ["locale"]
