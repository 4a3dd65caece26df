"""A preview written by `mscdose worksheet --preview` in Chinese says why it is not for administration in
Chinese, with the window's wording (it joined the English review problems before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mscdose import i18n
from mscdose.entry import main
from tests.worksheet.helpers import pdf_pages
from tests.worksheet.test_cli import PATIENT, WORKED


def test_a_blocked_preview_in_chinese_gives_the_hard_flag_in_chinese(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "zh_CN")
    out = tmp_path / "preview.pdf"
    code = main(["worksheet", *WORKED, "--viability", "60 %", *PATIENT, "--preview", "--output", str(out)])
    assert code == 3
    first = "".join(pdf_pages(out)[0].split())
    # 60 % against the protocol's 70 % minimum (domain.md: release viability ≥ 70 %), said in Chinese
    assert "VIABILITY_BELOW_MINIMUM:复苏后细胞活率60%低于最低要求70%" in first


def test_a_preview_of_a_good_calculation_in_chinese_says_so_in_chinese(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "zh_CN")
    out = tmp_path / "preview.pdf"
    assert main(["worksheet", *WORKED, *PATIENT, "--preview", "--output", str(out)]) == 0
    assert all("仅预览——记录保存后再打印正式工作单" in "".join(page.split()) for page in pdf_pages(out))
