"""The translation catalogue: every marked string translated, the committed .qm built from the committed .ts,
every flag code and step label of the core with a Chinese title."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mscdose import i18n
from mscdose.core.flags import CATALOGUE
from mscdose.worksheet.terms import FLAG_TITLES, STEP_LABELS

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "translations" / "mscdose_zh_CN.ts"
QM = REPO / "resources" / "translations" / "mscdose_zh_CN.qm"


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_translations", REPO / "packaging" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_every_string_of_the_catalogue_is_translated_and_keeps_its_placeholders() -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 150
    for message in messages:
        source, translation = message.findtext("source"), message.find("translation")
        assert translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        assert translation.text, source
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation.text)), source
        assert source.count("<b>") == translation.text.count("<b>"), source
        assert not re.search(r"[０-９万亿]", translation.text), source  # ASCII digits, one form of count


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease is not installed")
def test_the_committed_qm_is_built_from_the_committed_ts(tmp_path: Path) -> None:
    built = _builder().release("zh_CN", tmp_path / "fresh.qm")
    assert built.read_bytes() == QM.read_bytes(), "run python packaging/build_translations.py and commit the .qm"


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate is not installed")
def test_every_marked_string_of_the_code_is_in_the_ts(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    import subprocess

    builder = _builder()
    result = subprocess.run([builder.tool("pyside6-lupdate"), "-locations", "none", *builder.python_sources(),
                             "-ts", str(copy)], cwd=REPO, capture_output=True, text=True, check=True)
    assert "(0 new and" in result.stdout, result.stdout  # no string marked in the code is missing from the .ts


def test_every_flag_code_of_the_core_has_a_chinese_title() -> None:
    assert set(CATALOGUE) <= set(FLAG_TITLES)
    with i18n.using("zh_CN"):
        for code, english in FLAG_TITLES.items():
            assert i18n.translate("FlagTitle", english) != english, code


def test_every_step_label_has_a_chinese_label() -> None:
    from mscdose.worksheet.terms import step_label

    with i18n.using("zh_CN"):
        assert all(step_label(label) != label for label in STEP_LABELS)
    assert step_label("Weight") == "Weight"
