"""The reason rule: when a text records a reason a reviewer can check, and when initials are initials.

A "reason" such as "aa bb cc" or "yes yes yes" records nothing a reviewer can check, so it is refused
(issue 11). The rule is its own module so that the protocol loader can check a protocol's standard reasons
without loading the overrides and their records (`core/overrides.py`): every calculation reads a protocol,
few override anything (issue 18).
"""

from __future__ import annotations

import re
from functools import cache

MIN_REASON_WORDS = 3
MIN_WORD_LETTERS = 3
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z.\-]{1,5}$")
_WORD = re.compile(r"[^\W\d_]+")  # letters only (any script); digits and punctuation split words
MIN_HAN_CHARACTERS = 6
_HAN_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"  # CJK ideographs (basic, Extension A, compatibility)


@cache
def _han() -> re.Pattern[str]:
    """`_HAN_CLASS` compiled on first use (a reason being checked): its ranges take about 3 ms to compile,
    which every start of the window and of every command paid before (issue 18)."""
    return re.compile(_HAN_CLASS)


def reason_problem(reason: str) -> str | None:
    """Why this text is not a reason, or None when it is. Counted words are runs of three or more letters
    that are not one letter repeated ("aaa"); at least three of them, and not all the same word.

    Chinese is written without spaces (issue 16: "今日已用病房体重秤核实体重" is a reason), so a text of at least
    MIN_HAN_CHARACTERS Chinese characters, of which at least three differ, counts as a reason too."""
    han = [] if (reason or "").isascii() else _han().findall(reason)  # (ASCII has no ideograph: no compile)
    if len(han) >= MIN_HAN_CHARACTERS and len(set(han)) >= 3:
        return None
    words = [w.casefold() for w in _WORD.findall(reason or "")
             if len(w) >= MIN_WORD_LETTERS and len(set(w.casefold())) > 1]
    if len(words) < MIN_REASON_WORDS or len(set(words)) < 2:
        return (f"Reason: give at least {MIN_REASON_WORDS} words of {MIN_WORD_LETTERS} or more letters, not all "
                "the same, saying why this is safe (e.g. 'weight confirmed on ward scale'; in Chinese at least "
                f"{MIN_HAN_CHARACTERS} characters), or choose one of the protocol's standard reasons.")
    return None


def valid_initials(initials: str) -> bool:
    return bool(_INITIALS.match((initials or "").strip()))
