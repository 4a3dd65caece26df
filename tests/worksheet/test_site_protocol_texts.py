"""Issue 16: a site's own protocol file (not shipped) with Chinese beside its English prints in Chinese too,
because the calculation document carries the protocol's translations (core/document.py). Without them in
the document the worksheet could only look in the shipped files, which do not know this protocol."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from mscdose.core.paths import resource
from mscdose.core.protocol import parse_protocol
from mscdose.worksheet.render import worksheet_html
from tests.worked_example import build_document
from tests.worksheet.helpers import WORKED

SHIPPED = resource("protocols", "nct03055078.toml").read_text(encoding="utf-8")


def site_protocol_document() -> dict:
    text = SHIPPED.replace('id = "NCT03055078"', 'id = "SITE-HEBEI-01"', 1)
    text = text.replace('title_zh = "脐带间充质干细胞治疗再生障碍性贫血"',
                        'title_zh = "本院脐带间充质干细胞输注方案"', 1)
    old = '{ text = "ECOG performance status 0 to 2", text_zh = "ECOG体能状态评分0至2分" }'
    assert old in text
    text = text.replace(old, '{ text = "Platelets counted this morning", text_zh = "今晨已复查血小板计数" }', 1)
    # approved as the service approves a site file (`mscdose protocol approve`), so the worksheet is final
    protocol = replace(parse_protocol(text.encode("utf-8"), "site-hebei-01.toml"), approved=True)
    return build_document(WORKED, patient_id="P-0001", patient_name="Jane Example", prepared_by="JS",
                          lot_number="UCMSC-2026-014", eligibility={"Written informed consent": True},
                          protocol=protocol)


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_document_carries_the_site_protocols_translations() -> None:
    document = site_protocol_document()
    zh = document["protocol"]["translations"]["zh_CN"]
    assert zh["Platelets counted this morning"] == "今晨已复查血小板计数"
    assert zh["Written informed consent"] == "已签署书面知情同意书"
    assert document["protocol"]["id"] == "SITE-HEBEI-01"


def test_a_site_protocol_prints_in_chinese() -> None:
    document = site_protocol_document()
    text = words(worksheet_html(document, record_id=5, language="zh_CN"))
    assert "今晨已复查血小板计数" in text and "Platelets counted this morning" in text  # the English kept beside
    assert "本院脐带间充质干细胞输注方案" in text  # the title in the header
    assert "已签署书面知情同意书" in text
    english = words(worksheet_html(document, record_id=5, language="en"))
    assert "今晨已复查血小板计数" not in english and "Platelets counted this morning" in english


def test_without_the_translations_in_the_document_it_prints_in_english() -> None:
    """The check that the test above can fail: nothing else knows this protocol's Chinese."""
    document = copy.deepcopy(site_protocol_document())
    del document["protocol"]["translations"]
    text = words(worksheet_html(document, record_id=5, language="zh_CN"))
    assert "今晨已复查血小板计数" not in text and "Platelets counted this morning" in text
