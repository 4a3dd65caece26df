"""The worksheet in Simplified Chinese: headings translated, the same numbers as the English one, one form of
cell count, the CJK font embedded, and a Chinese patient name kept through record, worksheet, history and CSV.

Numbers asserted are those of the worked example of domain.md, worked by hand: V = 32.6 mL (Vx 32.6087 mL),
Dd = 149.96 million cells = 149.96 × 10⁶ 个细胞 (2.419 × 10⁶/kg), diluent 67.4 mL to 100 mL, 100 mL/h, 33 gtt/min.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from mscdose.cli import main
from mscdose.records.store import RecordStore
from mscdose.worksheet.render import write_worksheet_pdf
from tests.worksheet.helpers import make_document, pdf_raw_pages, protocol_short_hash

NAME = "欧阳龑"  # a two-character surname and a rare given-name character (GBK, not GB 2312)


def raw_text(path: Path) -> str:
    """The text layer as written, white space collapsed, NOT NFKC-folded (that would turn 10⁶ into 106)."""
    return re.sub(r"\s+", " ", " ".join(pdf_raw_pages(path)))


def spaced_out(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("zh")
    document = make_document()
    document["patient"]["name"] = NAME
    out = {}
    for language in ("zh_CN", "en"):
        out[language] = folder / f"{language}.pdf"
        write_worksheet_pdf(document, out[language], record_id=17, language=language)
    return out


def test_headings_and_labels_are_in_chinese(pdfs: dict[str, Path]) -> None:
    text = spaced_out(unicodedata.normalize("NFKC", raw_text(pdfs["zh_CN"])))
    # (Qt draws the bundled font's bold by drawing it twice, so bold text reads back twice: each heading is
    # looked for without its section number)
    for heading in ("剂量工作单", "患者、处方与医嘱", "制剂批次", "计算步骤", "结果", "警示与超越",
                    "入选资格核查表", "独立核对", "第二人", "签名", "抽取体积", "患者ID", "第1页"):
        assert heading in text, heading
    assert "脐带间充质干细胞治疗再生障碍性贫血" in text  # the protocol's title_zh in the header
    assert "已签署书面知情同意书" in text and "Writteninformedconsent" in text  # criterion: both languages
    assert "体积已取整" in text  # the flag's title by its code, in Chinese, before core's English message


def test_the_same_numbers_as_the_english_worksheet(pdfs: dict[str, Path]) -> None:
    zh, en = spaced_out(raw_text(pdfs["zh_CN"])), spaced_out(raw_text(pdfs["en"]))
    for english, chinese in (("32.6mL", "32.6mL"), ("32.6087mL", "32.6087mL"), ("67.4mL", "67.4mL"),
                             ("100mL/h", "100mL/h"), ("33gtt/min", "33滴/分"),
                             ("149.96millioncells", "149.96×10⁶个细胞"),
                             ("2.419millioncells/kg", "2.419×10⁶个细胞/kg"),
                             ("4.6millioncells/mL", "4.6×10⁶个细胞/mL")):
        assert english in en, english
        assert chinese in zh, chinese


def test_no_other_form_of_cell_count_appears(pdfs: dict[str, Path]) -> None:
    text = raw_text(pdfs["zh_CN"])
    for other in ("万", "亿", "10⁸", "10⁷", "10⁹", "million", "billion", "10^"):
        assert other not in text, other
    assert not re.search(r"\d[eE][+-]?\d", spaced_out(text).replace(protocol_short_hash(), ""))
    assert text.count("× 10⁶") >= 10 and not re.search(r"[０-９]", text)  # ASCII digits only


def test_the_cjk_font_is_embedded(pdfs: dict[str, Path]) -> None:
    fonts = []
    for page in PdfReader(str(pdfs["zh_CN"])).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor or "/FontFile3" in descriptor))
    assert any("NotoSansSC-mscdose" in name and embedded for name, embedded in fonts), fonts
    assert all(embedded for _, embedded in fonts), fonts


def test_a_chinese_name_on_an_english_worksheet_uses_the_bundled_font(pdfs: dict[str, Path]) -> None:
    assert NAME in raw_text(pdfs["en"])


def test_a_chinese_name_round_trips_through_record_history_csv_and_worksheet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = make_document()
    document["patient"]["name"] = NAME
    with RecordStore() as store:
        record = store.save(document)
        saved = store.get(record.id).document
    assert saved["patient"]["name"] == NAME
    assert main(["history"]) == 0
    assert NAME in capsys.readouterr().out
    target = tmp_path / "records.csv"
    assert main(["export", "--csv", str(target)]) == 0
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert any(NAME in row.values() for row in csv.DictReader(handle))
    pdf = tmp_path / "saved.pdf"
    write_worksheet_pdf(saved, pdf, record_id=1, language="zh_CN")
    assert NAME in raw_text(pdf)
