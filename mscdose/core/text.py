"""Free text that cannot spoof: patient id, name, lot, initials, reasons, prescriber, order reference.

Why: what is typed here is printed on the worksheet and the label and shown by `history` and `show`.
A right-to-left override makes `MRN\\u202e987654` print as "MRN456789"; an ANSI escape can repaint a
terminal; a zero-width space makes two identical-looking ids different records; a 10 kB id pushes the
volume to draw off page 1. So such text is refused when it is typed (never silently cleaned, which would
store something other than what the person saw), and text already stored is shown through
`safe_for_terminal`, which makes every hidden character visible instead of obeying it.

The character checks here are shared with the quantity parsers (core/parsing.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from mscdose.core.errors import InputError
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said

# Characters that are invisible or change how the text around them is drawn, beyond the Cc/Cf/Z* categories:
# Unicode "default ignorable" code points and blank-looking letters (Hangul fillers, braille blank).
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x2800, 0x2800),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFFB),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_IGNORABLE = frozenset(code for low, high in _IGNORABLE_RANGES for code in range(low, high + 1))


@cache
def _ignorable_search() -> Callable[[str], re.Match[str] | None]:
    """The same code points as one character class: a search in C instead of a Python set lookup per
    character (none of them is ASCII, so ASCII text skips it; tests/core/test_text.py proves the fast path
    equal). Compiled on first use, by a text that is not ASCII: about 1 ms that every start paid (issue 18)."""
    return re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _IGNORABLE_RANGES)
                      + "]").search


_HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]")


def is_hidden(char: str, allowed_spaces: str = " ") -> bool:
    """True for a character a person cannot see or that re-orders or re-draws the text around it."""
    if " " < char < "\x7f" or char in allowed_spaces:  # printable ASCII: the common case, decided at once
        return False
    category = unicodedata.category(char)
    return category in _HIDDEN_CATEGORIES or category == "Zs" or ord(char) in _IGNORABLE


def is_wide_form(char: str) -> bool:
    """A full-width form (`６`, `ｋ`, the ideographic space) or a digit of another script (`٦`, `६`)."""
    if unicodedata.category(char) == "Nd" and not ("0" <= char <= "9"):
        return True
    return unicodedata.east_asian_width(char) in ("F", "W") and unicodedata.normalize("NFKC", char) != char


def character_name(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`: how a hidden character is named in a message."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def safe_for_terminal(text: str) -> str:
    """`text` with every hidden character written out as a visible escape (`\\u202e`, `\\x1b`, `\\n`).

    For showing text that is already stored (history, show, export to a terminal): an old record typed
    before these checks existed must never move the cursor, recolour the screen or reverse the line.
    A backslash is doubled so an escape written by this function cannot be confused with one typed.
    """
    # Issue 18: most stored text has nothing to escape. str.isprintable() is False for exactly the categories
    # `is_hidden` looks up (Cc, Cf, Cs, Co, Cn, Zl, Zp, and Zs but the space); the default-ignorable code points
    # are checked apart (by one regular expression). Half of `history`'s time at 100,000 records went to the
    # loop below.
    if text.isprintable() and (text.isascii() or _ignorable_search()(text) is None) and "\\" not in text:
        return text
    out: list[str] = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif is_hidden(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def shown(text: str, limit: int = 60) -> str:
    """Text as quoted in a message: visible escapes, and cut at `limit` characters with its full length."""
    visible = safe_for_terminal(text[: limit + 1])  # never more work than the limit, however long the text
    if len(text) > limit or len(visible) > limit:
        return f"{visible[:limit]}… ({len(text):,} characters)"
    return visible


# issue 16: the same hint in Chinese, for the person whose Chinese input method typed the full-width digits.
HALF_WIDTH_ZH = "请切换到半角输入法（直接输入），用数字0–9重新输入。"


def character_problem(text: str, *, allowed_spaces: str = " ") -> Message | None:
    """What is wrong with the first wide form, foreign digit or hidden character in `text`, or None (a
    Message: its `.text` is the English, which ends with the Chinese hint for the half-width input method)."""
    for char in text:
        if is_wide_form(char):
            return said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” contains “{char}” ({name}), a full-width or "
                                                         "non-Latin character. Switch the input method to "
                                                         "half-width (direct input) and type it again with the "
                                                         "digits 0–9. {half_width}"),
                        typed=shown(text), char=char, name=character_name(char), half_width=HALF_WIDTH_ZH)
        if is_hidden(char, allowed_spaces):
            return said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” contains an invisible or control character "
                                                         "({name}). Delete the entry and type it again."),
                        typed=shown(text), name=character_name(char))
    return None


class TextField(NamedTuple):
    """One row of the free-text fields' table: a constant spec, read, never changed nor stored. (A named tuple:
    a frozen dataclass costs about 1.5 ms to make at import, and every calculation imports this module for
    its character checks, issue 18.)"""

    label: str
    max_length: int
    identifier: bool  # printable ASCII only: ids must compare equal when they look equal
    accepted: str


TEXT_FIELDS: dict[str, TextField] = {
    "patient_id": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Patient ID"), 32, True,
                            QT_TRANSLATE_NOOP("CoreMessage", "up to 32 letters A–Z, digits and - / . _")),
    "patient_name": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Patient name"), 100, False,
                              QT_TRANSLATE_NOOP("CoreMessage", "a name of up to 100 characters on one line")),
    "lot": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Lot"), 40, True,
                     QT_TRANSLATE_NOOP("CoreMessage", "up to 40 letters A–Z, digits and - / . _")),
    "initials": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Initials"), 8, False,
                          QT_TRANSLATE_NOOP("CoreMessage", "2 to 8 letters, such as AB or A.B.")),
    "reason": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Reason"), 500, False,
                        QT_TRANSLATE_NOOP("CoreMessage", "a sentence of up to 500 characters on one line")),
    "prescriber": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Prescriber"), 100, False,
                            QT_TRANSLATE_NOOP("CoreMessage", "a name of up to 100 characters on one line")),
    "order_reference": TextField(QT_TRANSLATE_NOOP("CoreMessage", "Order reference"), 40, True,
                                 QT_TRANSLATE_NOOP("CoreMessage", "up to 40 letters A–Z, digits and - / . _")),
}
_TEXT_ON_ONE_LINE = QT_TRANSLATE_NOOP("CoreMessage", "text on one line")
_IDENTIFIER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ./_-]*[A-Za-z0-9])?")
_INITIALS = re.compile(r"(?:\w\.?){2,8}")


def check_text(field: str, text: str | None, max_length: int | None = None, *, required: bool = True) -> str:
    """The text of free-text `field` as it will be stored (spaces at the ends removed, Unicode NFC), or an
    `InputError` naming the field, what was given and what is accepted.

    Known fields (TEXT_FIELDS) have their own length and character rules; any other field gets the
    general rules (one line, no hidden characters) and `max_length` (default 200). An empty text is
    refused when `required`, otherwise returned as "".
    """
    spec = TEXT_FIELDS.get(field) or TextField(field.replace("_", " ").capitalize(), 200, False, _TEXT_ON_ONE_LINE)
    limit = max_length if max_length is not None else spec.max_length
    given = "" if text is None else str(text)
    label = said(spec.label) if field in TEXT_FIELDS else spec.label
    accepted = said(spec.accepted)

    def fail(problem: Message) -> InputError:
        if max_length:
            return InputError(field, given[:200], said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage",
                                  "{label}: {problem} Accepted: {accepted} (at most {limit} characters)."),
                label=label, problem=problem, accepted=accepted, limit=limit))
        return InputError(field, given[:200], said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "{label}: {problem} Accepted: {accepted}."),
            label=label, problem=problem, accepted=accepted))

    if len(given) > limit + 64:  # refuse very long text before any per-character work
        raise fail(said(QT_TRANSLATE_NOOP("CoreMessage",
                                          "the entry is {length} characters long; at most {limit} are accepted."),
                        length=f"{len(given):,}", limit=limit))
    problem = character_problem(given)
    if problem:
        raise fail(problem)
    value = unicodedata.normalize("NFC", given.strip(" "))
    if not value:
        if required:
            raise fail(said(QT_TRANSLATE_NOOP("CoreMessage", "nothing was entered.")))
        return ""
    if len(value) > limit:
        raise fail(said(QT_TRANSLATE_NOOP("CoreMessage",
                                          "“{typed}” is {length} characters long; at most {limit} are accepted."),
                        typed=shown(value), length=f"{len(value):,}", limit=limit))
    if spec.identifier and not _IDENTIFIER.fullmatch(value):
        raise fail(said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” contains characters an identifier cannot have."),
                        typed=shown(value)))
    if field == "initials" and not _INITIALS.fullmatch(value):
        raise fail(said(QT_TRANSLATE_NOOP("CoreMessage", "“{typed}” is not initials."), typed=shown(value)))
    return value
