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
