"""Issue 16, the refusals that were still English inside the Chinese window: the problems a finalise refusal lists
(core.overrides.Problem, service.finalise.Review.items) and the record store's own errors (records/errors.py).

The English is the record's, the CLI's and the tests' wording and does not change; the window shows the same
problems translated. What blocks is decided by each problem's `hard` mark, never by reading its English words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mscdose.core.messages import said
from mscdose.core.overrides import Override, Problem, finalise_review_problems, finalising_flags
from mscdose.core.required import missing_said
from mscdose.gui.finalize_dialog import Signatures
from mscdose.gui.main_window import MainWindow
from mscdose.i18n import error_text, said_text
from mscdose.records.errors import explain, not_a_store
from mscdose.records.store import RecordStore
from mscdose.service import finalise as service
from mscdose.service.errors import Blocked, NotFinalisable, StoreUnavailable
from tests.core.helpers import calc
from tests.i18n.test_window_zh import open_window
from tests.i18n.window_zh import english_words, language

CONSENT = "Signed informed consent"
HARD_ENGLISH = (f"ELIGIBILITY_HARD_UNMET: 1 hard eligibility criteria are not confirmed as met: {CONSENT} (not "
                "confirmed). These cannot be overridden: confirm them, or this patient cannot receive this protocol. "
                "(hard limit, cannot be overridden)")


def test_a_review_problem_is_marked_hard_and_keeps_its_english() -> None:
    flags = finalising_flags({}, [CONSENT, "Age 18 or over"], hard_criteria={CONSENT})
    problems = finalise_review_problems(calc(), [], flags)
    assert [(problem.text, problem.hard) for problem in problems] == [
        (HARD_ENGLISH, True),
        ("ELIGIBILITY_UNCONFIRMED: needs an override with a reason and initials", False)]
    hard, soft = (said_text(problem.said, "zh_CN") for problem in problems)
    assert hard.startswith("ELIGIBILITY_HARD_UNMET：") and hard.endswith("（硬性限制，不可超控）")
    assert CONSENT in hard  # the protocol's criterion is printed as the protocol writes it
    assert soft == "ELIGIBILITY_UNCONFIRMED：需要填写理由和签名缩写进行超控"


def test_missing_fields_are_listed_in_english_and_in_chinese() -> None:
    listed = missing_said(["patient name", "lot number", "DIN (donation identification number)"])
    assert listed.text == ("missing before finalising: patient name, lot number, DIN (donation identification "
                           "number)")
    assert said_text(listed, "zh_CN") == "定稿前尚缺：患者姓名, 批号, DIN（捐献识别号）"
    assert said_text(listed, "en") == listed.text


def test_blocked_is_decided_by_the_hard_mark_not_by_the_words(tmp_path: Path) -> None:
    """A soft problem whose words happen to say "hard limit" is not listed as a hard limit, and a hard one that
    does not say it is (before issue 16 the service searched the English for "hard limit")."""
    result = calc()
    items = (Problem(said("{text}", text="FIRST: outside the protocol"), hard=True),
             Problem(said("{text}", text="SECOND: the words hard limit, but soft"), hard=False))
    review = service.Review(result, (), (), (), (), tuple(p.text for p in items), True, items)
    with RecordStore(tmp_path / "records.sqlite3") as store, pytest.raises(Blocked) as refused:
        service.finalise(store, result, service.Preparation(patient_id="AA-014"), review)
    assert refused.value.problems == ["FIRST: outside the protocol"]


def test_a_not_finalisable_refusal_keeps_its_english_and_reads_in_chinese(tmp_path: Path) -> None:
    result = calc()
    confirmed = {criterion: True for criterion in (*result.protocol.inclusion, *result.protocol.exclusion)}
    with RecordStore(tmp_path / "records.sqlite3") as store, pytest.raises(NotFinalisable) as refused:
        service.finalise(store, result, service.Preparation(patient_id="", eligibility=confirmed))
    error = refused.value
    assert error.problems == ["missing before finalising: patient id, patient name, order reference, prescriber, lot "
                              "number, DIN (donation identification number), thaw time"]
    assert str(error) == "the worksheet cannot be finalised: " + error.problems[0]
    assert error_text(error, "zh_CN") == ("工作单不能定稿：定稿前尚缺：患者ID, 患者姓名, 医嘱编号, 处方医师, 批号, "
                                          "DIN（捐献识别号）, 复苏时间")


def test_the_missing_patient_id_problem_reads_in_chinese() -> None:
    assert service.PATIENT_ID_MISSING == ("Patient ID: nothing was entered. Accepted: the patient's hospital or "
                                          "trial number as printed on the wristband, e.g. AA-014.")
    assert said_text(service.PATIENT_ID_MISSING_SAID, "zh_CN") == (
        "患者ID：未输入任何内容。可接受：腕带上印的患者住院号或试验编号，例如 AA-014。")


# -- the window's message boxes ------------------------------------------------------------------------------

@pytest.fixture
def zh_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with language("zh_CN"):
        yield open_window(qtbot, tmp_path)


def answer_everything(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The Questions pattern of tests/gui/test_finalize.py: no modal dialog, the answers given, messages kept."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(window.questions, "ask_overrides", lambda flags, reasons=(): [
        Override(f.code, "confirmed with the prescriber today", "JS") for f in flags])
    monkeypatch.setattr(window.questions, "ask_signatures", lambda summary, prepared_by: Signatures("JS", ""))
    monkeypatch.setattr(window.questions, "show_message", lambda title, text, *a: messages.append((title, text)))
    return messages


def test_a_refusal_listing_missing_fields_shows_chinese_items(zh_window: MainWindow,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The service finds fields missing that the form did not flag (here: the form's own check is bypassed);
    its refusal is the message box, every item in Chinese."""
    messages = answer_everything(zh_window, monkeypatch)
    for criterion in zh_window.eligibility.criteria():
        zh_window.eligibility.set_confirmed(criterion, True)
    monkeypatch.setattr(zh_window.finalizing, "missing", lambda: [])
    zh_window.finalizing.finalize()
    assert zh_window.final_document is None
    [(_title, text)] = messages
    assert text.startswith("工作单不能定稿：") and "定稿前尚缺：" in text, text
    assert "医嘱编号" in text and "处方医师" in text  # order reference, prescriber: not typed by the demonstration
    assert english_words(text.replace("DIN", "")) == [], text


def test_a_hard_limit_found_at_finalising_is_listed_in_chinese(zh_window: MainWindow,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    messages = answer_everything(zh_window, monkeypatch)
    monkeypatch.setattr(zh_window.finalizing, "missing", lambda: [])  # unconfirmed consent: a hard criterion
    zh_window.finalizing.finalize()
    [(_title, text)] = messages
    problems = text.splitlines()[1:]
    assert problems and problems[0].startswith("ELIGIBILITY_HARD_UNMET：") and "（硬性限制，不可超控）" in problems[0]
    assert not any("hard limit" in line or "needs an override" in line for line in problems), text


# -- the record store's errors ------------------------------------------------------------------------------

def test_a_locked_database_is_english_as_before_and_chinese_in_the_window() -> None:
    error = explain(sqlite3.OperationalError("database is locked"), Path("/data/records.sqlite3"), "save the record")
    assert str(error) == ("Could not save the record: the record database /data/records.sqlite3 is busy (another "
                          "mscdose window or a backup is using it). Nothing was saved; the calculation on screen is "
                          "kept. Wait a moment and try again.")
    refusal = StoreUnavailable(error.said or str(error))
    assert str(refusal) == str(error)
    assert error_text(refusal, "zh_CN") == (
        "无法保存记录：记录数据库 /data/records.sqlite3 正被占用（另一个 mscdose 窗口或备份正在使用）。"
        "未保存任何内容；屏幕上的计算保持不变。请稍候再试。")
    reading = explain(sqlite3.OperationalError("database is locked"), Path("/d/r.sqlite3"), "read record 7",
                      writing=False)
    assert str(reading) == ("Could not read record 7: the record database /d/r.sqlite3 is busy (another mscdose "
                            "window or a backup is using it). Wait a moment and try again.")
    # an action that is not one of the marked phrases stays English inside the Chinese sentence, numbers kept
    assert error_text(reading, "zh_CN").startswith("无法read record 7：记录数据库 /d/r.sqlite3 正被占用")


def test_not_a_record_store_and_a_damaged_file_read_in_chinese() -> None:
    error = not_a_store(Path("/d/x.sqlite3"), "the file is empty, 0 bytes")
    assert str(error).startswith("/d/x.sqlite3 is not a mscdose record store (the file is empty, 0 bytes); it was "
                                 "not changed.")
    assert error_text(error, "zh_CN").startswith(
        "/d/x.sqlite3 不是 mscdose 记录库（文件为空，0 字节）；该文件未被改动。")
    damaged = explain(sqlite3.DatabaseError("database disk image is malformed"), Path("/d/r.sqlite3"),
                      "open the record database")
    chinese = error_text(damaged, "zh_CN")
    assert chinese.startswith("无法打开记录数据库：/d/r.sqlite3 不是 mscdose 记录数据库，或已损坏。未保存任何内容")
    assert chinese.endswith(
        "请勿删除该文件；保留以供调查，并恢复最近的备份（见 docs/audit.md，“Restoring a backup”）。")


def test_a_store_error_raised_as_plain_text_is_shown_as_it_is() -> None:
    from mscdose.records.errors import StoreError

    error: Any = StoreError("Could not save the record: the disk is full. Nothing was saved.")
    assert error.said is None and error_text(StoreUnavailable(error.said or str(error)), "zh_CN") == str(error)
