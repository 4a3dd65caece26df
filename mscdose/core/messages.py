"""Core messages as templates, so the window and worksheet can show them in the reader's language.

A flag or an input error keeps its English `message` exactly as before: it is the record's wording (saved
documents, record hashes, the CLI and JSON outputs never change). Beside it, a message made with `said` also
carries its `template` (English, `{named}` placeholders) and its `params` (the display texts of the values,
already written by core.display's rules, or nested Messages for parts that are words). A front end that
speaks another language translates the template and fills in the same texts, so the digits a Chinese reader
sees are the very digits of the English message (mscdose.i18n.message_text).

Templates are marked `QT_TRANSLATE_NOOP("CoreMessage", "...")`, the name pyside6-lupdate extracts, so they
land in translations/mscdose_zh_CN.ts beside every other string: the translator's single file. The marker
is defined here, without Qt, because core never imports Qt (tests/test_layers.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Union

CONTEXT = "CoreMessage"  # the translation context of every core template

# Parameters shown exactly as written, never unit-converted nor read again as a message of their own: what a
# person typed or scanned, and a moment (`2026-11-25 09:30 (UTC+01:00)` is one value, not `{x} ({y})`).
MOMENT_PARAMS = frozenset({"expiry", "now", "moment", "finish_by", "thawed", "finish", "start"})
TYPED_PARAMS = frozenset({"given", "typed", "scanned_text", "token", "text", "name", "criteria", "listed",
                          "form", "wristband_patient", "label_patient", "record_patient"}) | MOMENT_PARAMS
# Parameters that hold either nothing or one whole marked phrase starting with a space (" for this weight band"):
# a saved English text is split with them only that way (mscdose.i18n.recover), so `{limit}{band}` reads again.
HINT_PARAMS = frozenset({"band", "hint", "date_only"})


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for extraction into `context` (pyside6-lupdate); returns it unchanged."""
    return text


Param = Union[str, "Message"]


@dataclass(frozen=True)
class Message:
    """An English template and the display texts that fill it; `text` is the English message."""

    template: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(**{key: value.text if isinstance(value, Message) else value
                                       for key, value in self.params.items()})


def said(template: str, **params: object) -> Message:
    """A Message: `said(QT_TRANSLATE_NOOP("CoreMessage", "Weight {weight} ..."), weight=show.kg(w))`.
    Values are kept as their display text (`str`), Messages stay Messages (translated in their turn)."""
    return Message(template, {key: value if isinstance(value, Message) else str(value)
                              for key, value in params.items()})


# The Messages of the last flags raised in this process, by their English text: a document (a dict, as
# saved) keeps only the English message, so a worksheet drawn from it finds the template here. A text not
# found (a record saved in another session) is printed in English: never guessed by parsing the English.
_REMEMBERED: OrderedDict[str, Message] = OrderedDict()
_REMEMBER_AT_MOST = 512


def remember(message: Message) -> str:
    """Keep `message` findable by its English text (`remembered`); returns that text."""
    text = message.text
    _REMEMBERED[text] = message
    _REMEMBERED.move_to_end(text)
    while len(_REMEMBERED) > _REMEMBER_AT_MOST:
        _REMEMBERED.popitem(last=False)
    return text


def remembered(text: str) -> Message | None:
    """The Message whose English text is exactly `text`, when it was raised in this process."""
    return _REMEMBERED.get(text)


def joined(parts: list[Message], separator: str = " ") -> Message:
    """Messages written one after the other (each translated on its own)."""
    names = [f"part{index}" for index in range(len(parts))]
    return Message(separator.join("{" + name + "}" for name in names), dict(zip(names, parts, strict=True)))


ANY = QT_TRANSLATE_NOOP("CoreMessage", "any")  # an open upper end of a range: "18 to any years"
# Where a limit comes from, as the flags say it (engine._source, plausibility._site)
SOURCE_WORDS = (QT_TRANSLATE_NOOP("CoreMessage", "site value"), QT_TRANSLATE_NOOP("CoreMessage", "protocol value"),
                QT_TRANSLATE_NOOP("CoreMessage", "published default"),
                QT_TRANSLATE_NOOP("CoreMessage", "entered"))


def span(low: str, high: str | None) -> Message:
    """`"{low} to {high}"`, the high end `any` when there is none (translated as a word)."""
    return said(QT_TRANSLATE_NOOP("CoreMessage", "{low} to {high}"), low=low,
                high=said(ANY) if high is None else high)


def word(text: str) -> Message:
    """A word or phrase marked elsewhere with QT_TRANSLATE_NOOP("CoreMessage", ...), as a Message."""
    return said(text)
