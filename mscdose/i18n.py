"""Which language mscdose speaks (English or Simplified Chinese), and the translations it speaks it with.

Strings are translated by Qt's own machinery so that a translator can work in Qt Linguist: source strings
are marked in the code as `translate("Context", "English text")` (this module's `translate`, or
`QCoreApplication.translate` in the window) and `pyside6-lupdate` extracts them into
`translations/mscdose_zh_CN.ts`; `pyside6-lrelease` compiles that into
`resources/translations/mscdose_zh_CN.qm`, which is committed so that `pip install .` needs no Qt tools
(`python packaging/build_translations.py` does both steps; a test fails when the .qm is stale).

The language is chosen once at start-up, first found wins: `--language`, then `MSCDOSE_LANGUAGE`, then the
`LANGUAGE` setting (Preferences), then the system locale when a translation for it exists, else English.
A language that is asked for explicitly but does not exist is an error naming the accepted values, never a
silent fall back to English (a Chinese-reading nurse must not get an English worksheet without being told).

The worksheet may be drawn in another language than the window (`write_worksheet_pdf(language=...)`): the
worksheet's `translate` asks a QTranslator of *its* language directly instead of the application's
installed translators, so printing a Chinese worksheet never changes the window and the reverse.

Numbers are never translated: digits stay ASCII, and cell counts take the one form chosen for Chinese
(`cells_zh`, see docs/chinese.md): `149.96 × 10⁶ 个细胞`.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from functools import cache
from typing import Any

from mscdose.message_recovery import TEMPLATES_FILE, core_templates, message_templates, recover  # noqa: F401

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}  # each named in itself, for the menu
SYSTEM = "system"  # the setting's value for "follow the system locale"
ENVIRONMENT_VARIABLE = "MSCDOSE_LANGUAGE"
CATALOGUE_NAME = "mscdose"  # resources/translations/mscdose_<language>.qm


class LanguageError(ValueError):
    """A language was asked for that mscdose has no translation for."""


def normalise(name: str | None) -> str | None:
    """`zh_CN`, `zh-CN`, `zh_CN.UTF-8`, `zh`, `zh_Hans_CN`, `zh-Hans` -> `zh_CN`; `en`, `en_GB`, `C`,
    `POSIX` -> `en`; anything else (including traditional Chinese: zh_TW, zh_HK, zh_Hant) -> None."""
    text = (name or "").strip().split(".")[0].split("@")[0].replace("-", "_")
    if not text:
        return None
    parts = [p.casefold() for p in text.split("_")]
    if parts[0] in ("c", "posix", "en"):
        return ENGLISH
    if parts[0] == "zh":
        rest = set(parts[1:])
        if rest & {"tw", "hk", "mo", "hant"}:
            return None  # traditional characters: not this translation
        return CHINESE
    return None


def accepted_text() -> str:
    return ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())


def require(name: str, where: str) -> str:
    """The language `name` stands for, or LanguageError naming where it came from and what is accepted."""
    language = normalise(name)
    if language is None:
        raise LanguageError(f"{where}: “{name}” is not a language mscdose is translated into. Accepted: "
                            f"{accepted_text()}.")
    return language


def system_language() -> str:
    """The system's UI language when mscdose has a translation for it, else English."""
    for candidate in _system_languages():
        language = normalise(candidate)
        if language is not None:
            return language
    return ENGLISH


def _system_languages() -> Iterator[str]:
    """Qt's reading of the system's languages, then the environment, then Python's locale, in that order;
    made as they are asked for, so `locale` is imported only when nothing before it is a language (about
    1 ms of a window's start, issue 18)."""
    try:
        from PySide6.QtCore import QLocale

        yield from [*QLocale.system().uiLanguages(), QLocale.system().name()]
    except ImportError:  # pragma: no cover - Qt is a dependency; the environment is the fall back
        pass
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        yield from os.environ.get(variable, "").split(":")
    import locale

    with contextlib.suppress(ValueError):
        yield locale.getlocale()[0] or ""


def choose_language(option: str | None = None, environ: Mapping[str, str] | None = None,
                    setting: str | None = None) -> str:
    """The language to run in: `--language`, else MSCDOSE_LANGUAGE, else the setting, else the system's."""
    environ = os.environ if environ is None else environ
    if option:
        return require(option, "--language")
    if environ.get(ENVIRONMENT_VARIABLE, "").strip():
        return require(environ[ENVIRONMENT_VARIABLE], ENVIRONMENT_VARIABLE)
    if setting and setting != SYSTEM:
        return normalise(setting) or ENGLISH  # the setting only ever holds declared choices
    return system_language()


def language_from_settings() -> str | None:
    """The `LANGUAGE` setting (None when settings cannot be read: the system locale then decides)."""
    try:
        from mscdose import settings

        return settings.Settings().get(settings.LANGUAGE)
    except Exception:  # a broken settings file must not stop the program from starting
        return None


# ------------------------------------------------------------------ the translations themselves

_current: str | None = None  # the application's language; None until set or first asked for
_override: ContextVar[str | None] = ContextVar("mscdose_language", default=None)


def set_language(language: str) -> None:
    """Make `language` the application's language (start-up: `--language`; the window also installs
    `qt_translators`)."""
    global _current
    _current = require(language, "language")


def current_language() -> str:
    """The language in force: a `using` block's, else the application's. Worked out on first use (so a
    command that prints nothing translated never reads the settings or the locale): MSCDOSE_LANGUAGE, the
    setting, the system locale. A wrong MSCDOSE_LANGUAGE raises LanguageError here (entry.py checks it at
    start-up, so it is reported as bad input, exit 2)."""
    global _current
    if _override.get():
        return _override.get()  # type: ignore[return-value]
    if _current is None:
        environ_value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
        _current = choose_language(None, os.environ, None if environ_value else language_from_settings())
    return _current


@contextlib.contextmanager
def using(language: str | None) -> Iterator[str]:
    """Within the block, `translate` answers in `language` (None: the application's language)."""
    token = _override.set(None if language is None else require(language, "language"))
    try:
        yield current_language()
    finally:
        _override.reset(token)


_CATALOGUE_DATA: dict[str, bytes] = {}


@cache
def translator(language: str) -> Any:
    """The loaded QTranslator of mscdose's own strings in `language` (None for English, the source)."""
    if language == ENGLISH:
        return None
    from PySide6.QtCore import QTranslator

    from mscdose.core.paths import resource

    path = resource("translations", f"{CATALOGUE_NAME}_{language}.qm")
    data = _CATALOGUE_DATA.setdefault(language, path.read_bytes())  # Qt reads it in place: keep it alive
    catalogue = QTranslator()
    if not catalogue.load(data, ""):
        raise RuntimeError(f"the translation {path.name} could not be loaded: the installation is incomplete")
    return catalogue


def translate(context: str, text: str) -> str:
    """`text` in the current language (the source text itself in English, or when it has no translation).

    Marked strings must be literals, `translate("Worksheet", "Patient ID")`, so pyside6-lupdate finds them;
    numbers go in through `{named}` placeholders filled afterwards with `.format`."""
    language = current_language()
    if language == ENGLISH:
        return text
    answer = translator(language).translate(context, text)
    return answer or text


def qt_translators(language: str) -> list[Any]:
    """The translators the window installs with QCoreApplication.installTranslator, in order: Qt's own
    (standard buttons and dialogs: qtbase_zh_CN.qm from PySide6) and mscdose's. Empty for English."""
    if language == ENGLISH:
        return []
    from PySide6.QtCore import QLibraryInfo, QTranslator

    found = []
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qt_own)
    found.append(translator(language))
    return found


# ------------------------------------------------------------------ numbers in Chinese

CELLS_ZH = "× 10⁶ 个细胞"  # the one form of a cell count on a Chinese window and worksheet (docs/chinese.md)

_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_BILLION = _NUMBER + r" billion"
_UNITS_ZH = (
    (_NUMBER + r" million cells/kg", r"\1 × 10⁶ 个细胞/kg"),
    (_NUMBER + r" million cells/mL", r"\1 × 10⁶ 个细胞/mL"),
    (_NUMBER + r" million cells", r"\1 × 10⁶ 个细胞"),
    (_NUMBER + r" million(?=/)", r"\1 × 10⁶"),
    (_NUMBER + r" million\b", r"\1 × 10⁶"),
    (r"\bgtt/min\b", "滴/分"),
    (r"\bgtt/mL\b", "滴/mL"),
)


@cache
def _zh_patterns() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """The patterns above, compiled when a Chinese text is first written: an English window never needs
    them, and compiling them cost every start about 1.5 ms (issue 18)."""
    return re.compile(_BILLION), tuple((re.compile(pattern), replacement) for pattern, replacement in _UNITS_ZH)


def _billion_as_millions(match: re.Match[str]) -> str:
    from decimal import Decimal  # here, not at the top: the window's first paint imports no decimal

    from mscdose.core.display import plain

    return f"{plain(Decimal(match.group(1).replace(',', '')) * 1000, 10, grouping=True)} million"


def units_for(text: str, language: str | None = None) -> str:
    """A text written by the program (core's steps and flag messages, display values) with its cell counts
    and drop rates in the form of `language`: `149.96 million cells` -> `149.96 × 10⁶ 个细胞`, `33 gtt/min`
    -> `33 滴/分`. The digits are never touched, so the value cannot change; a count in billions is written
    in millions first (exact decimal arithmetic) so one form only ever appears. Never apply it to text a
    person typed (a name, a reason): that is printed as typed."""
    if (language or current_language()) != CHINESE:
        return text
    billion, units = _zh_patterns()
    text = billion.sub(_billion_as_millions, text)
    for pattern, replacement in units:
        text = pattern.sub(replacement, text)
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks `text` for extraction into `context` without translating it (translate it later by value)."""
    return text


# ------------------------------------------------------------------ the core's messages (core/messages.py)

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> list[str]:
    return sorted(_DIGITS.findall(text))


def _render(message: Any, language: str, top: bool) -> str | None:
    """`message` (core.messages.Message) in `language`, or None when its template has no translation (a
    nested template without one keeps its English words around translated values)."""
    from mscdose.core.messages import CONTEXT, TYPED_PARAMS, Message

    template = translator(language).translate(CONTEXT, message.template)
    if not template:
        if top:
            return None
        template = message.template
    values = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            values[key] = _render(value, language, False)
        else:
            values[key] = value if key in TYPED_PARAMS else units_for(value, language)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English instead
        return None


def message_text(template: str, params: Mapping[str, Any], english: str, language: str | None = None) -> str:
    """A core message (a Flag's or an InputError's `template`, `params`, English `message`) in the language:
    the translated template filled with the same display texts (units in the language's form, `units_for`).
    The English message (its units converted) when there is no template or no translation, and when the
    translation would not show exactly the numbers of the English message (a safety net: the digits a reader
    acts on are the record's)."""
    from mscdose.core.messages import Message

    language = language or current_language()
    if language == ENGLISH:
        return english
    fallback = units_for(english, language)
    if not template:
        return fallback
    shown = _render(Message(template, params), language, True)
    if shown is None or _numbers(shown) != _numbers(fallback):
        return fallback
    return shown


def flag_text(flag: Any, language: str | None = None) -> str:
    """A Flag's (or InputError's) message in the language (`message_text`)."""
    return message_text(getattr(flag, "template", ""), getattr(flag, "params", {}), flag.message, language)


def said_text(message: Any, language: str | None = None) -> str:
    """A core.messages.Message (a finalise problem's `said`, a bedside reason) in the language (`message_text`)."""
    return message_text(message.template, message.params, message.text, language)


def error_text(error: Any, language: str | None = None) -> str:
    """A service refusal (service.errors.ServiceError) in the language: its template translated when it was raised
    with one (`message_text`), else its English text with units converted. The window's message boxes use it."""
    return message_text(getattr(error, "template", ""), getattr(error, "params", {}), str(error), language)


# ------------------------------------------------------------------ a saved message's template, found again
# The matching itself (pure text work, no Qt, no language) is mscdose/message_recovery.py.

@cache
def _recovered(text: str) -> Any:
    return recover(text)


def record_message_text(english: str, language: str | None = None) -> str:
    """A message as a document keeps it (English only) in the language, the same in every session: its template
    found again from the English (`recover`: one template, one split, the round trip exact), never from what
    this process happens to remember, so a reprint tomorrow prints what the first copy printed. A text found in
    no way or in two, or whose wording is not one of this version's templates, is printed in English with its
    units converted; `message_text`'s number guard applies."""
    if (language or current_language()) == ENGLISH:
        return english
    said = _recovered(english)
    if said is None:
        return units_for(english, language)
    return message_text(said.template, said.params, english, language)


def live_message_text(english: str, language: str | None = None) -> str:
    """A message raised in this session and handed on as English text (a field's error): its template as it was
    raised (core.messages.remembered), else as `record_message_text` finds it."""
    from mscdose.core.messages import remembered

    said = remembered(english)
    if said is None:
        return record_message_text(english, language)
    return message_text(said.template, said.params, english, language)


# ------------------------------------------------------------------ the working of a calculation step

def step_working_text(step: Any, language: str | None = None) -> str:
    """A step's working (core.engine.Step, made with `Step.of`) in the language: its template (core/step_texts.py)
    translated and filled with the same display texts; the English (units converted) when it has none, when
    there is no translation, or when the translation would not show exactly the English's numbers."""
    return message_text(getattr(step, "template", ""), getattr(step, "params", {}), step.working, language)


@cache
def _recovered_step(label: str, working: str) -> Any:
    from mscdose.core.messages import TYPED_PARAMS
    from mscdose.core.step_texts import DISPLAY_PARAMS, TEMPLATES_BY_LABEL, WORD_PARAMS

    among = TEMPLATES_BY_LABEL.get(label)  # its display texts are kept as written (`09:30 (UTC+01:00)`): only words
    return recover(working, typed=TYPED_PARAMS | DISPLAY_PARAMS, among=among, words=WORD_PARAMS) if among else None


def record_step_text(label: str, working: str, language: str | None = None) -> str:
    """A step as a document keeps it (`"label: working"`, English only) in the language, the same in every
    session: the working is read back with the templates of its own label only (`recover(among=...)`: one
    template, one split, the round trip exact), its values among the message templates. A working of another
    wording (an earlier version's), or of a label this version does not know, prints in English with its units
    converted; `message_text`'s number guard applies."""
    if (language or current_language()) == ENGLISH:
        return working
    said = _recovered_step(label, working)
    if said is None:
        return units_for(working, language)
    return message_text(said.template, said.params, working, language)
