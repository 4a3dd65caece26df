"""Choosing the language: --language, MSCDOSE_LANGUAGE, the setting, the system locale; a wrong one is refused."""

from __future__ import annotations

import pytest

from mscdose import entry, i18n, settings


@pytest.mark.parametrize(("given", "expected"), [
    ("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"), ("zh", "zh_CN"), ("zh-Hans-CN", "zh_CN"),
    ("en_GB", "en"), ("C", "en"), ("POSIX", "en"),
    ("zh_TW", None), ("zh-Hant", None), ("zh_HK", None), ("fr_FR", None), ("", None),
])
def test_language_names_are_read_as_people_and_systems_write_them(given: str, expected: str | None) -> None:
    assert i18n.normalise(given) == expected


def test_the_option_wins_then_the_environment_then_the_setting() -> None:
    env = {"MSCDOSE_LANGUAGE": "en"}
    assert i18n.choose_language("zh_CN", env, "en") == "zh_CN"
    assert i18n.choose_language(None, {"MSCDOSE_LANGUAGE": "zh_CN"}, "en") == "zh_CN"
    assert i18n.choose_language(None, {}, "zh_CN") == "zh_CN"
    assert i18n.choose_language(None, env, "zh_CN") == "en"


def test_the_system_locale_decides_when_nothing_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.choose_language(None, {}, "system") == "zh_CN"
    assert i18n.choose_language(None, {}, None) == "zh_CN"


def test_traditional_chinese_is_not_answered_in_simplified_characters() -> None:
    with pytest.raises(i18n.LanguageError, match=r"zh_TW.*Accepted: en \(English\), zh_CN"):
        i18n.choose_language("zh_TW", {})


def test_a_wrong_language_is_exit_2_naming_what_is_accepted(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert entry.main(["--language", "klingon", "history"]) == 2
    assert "--language: “klingon”" in capsys.readouterr().err
    monkeypatch.setenv("MSCDOSE_LANGUAGE", "xx")
    assert entry.main(["history"]) == 2
    assert "MSCDOSE_LANGUAGE: “xx”" in capsys.readouterr().err


def test_language_option_is_taken_from_any_position() -> None:
    argv = ["worksheet", "--language=zh_CN", "--output", "a.pdf"]
    assert entry.take_language(argv) == "zh_CN" and argv == ["worksheet", "--output", "a.pdf"]
    argv = ["--language", "en", "calc"]
    assert entry.take_language(argv) == "en" and argv == ["calc"]
    argv = ["calc", "--", "--language", "zh_CN"]
    assert entry.take_language(argv) is None


def test_the_setting_is_declared_once_with_its_choices(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert settings.LANGUAGE in settings.ALL_OPTIONS
    store = settings.Settings(str(tmp_path / "s.ini"))
    assert store.get(settings.LANGUAGE) == "system"
    store.set(settings.LANGUAGE, "zh_CN")
    assert store.get(settings.LANGUAGE) == "zh_CN"
    with pytest.raises(ValueError):
        store.set(settings.LANGUAGE, "zh_TW")


def test_using_changes_the_language_only_inside_the_block() -> None:
    assert i18n.current_language() == "en"
    with i18n.using("zh_CN"):
        assert i18n.translate("Worksheet", "Patient ID") == "患者ID"
    assert i18n.translate("Worksheet", "Patient ID") == "Patient ID"


def test_the_window_gets_qt_and_mscdose_translators() -> None:
    found = i18n.qt_translators("zh_CN")
    assert found[-1] is i18n.translator("zh_CN")
    assert i18n.qt_translators("en") == []
