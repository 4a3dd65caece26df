"""Eligibility criteria as the protocol file states them, with which ones are hard (issue 11).

A criterion is written in the protocol file either as plain text (soft: an unconfirmed criterion can be
overridden with a recorded reason) or as a table `{ text = "...", severity = "hard" }` (hard: finalising is
refused until it is confirmed). For a trial, written informed consent and the age window are hard: no
reason makes an unconsented or out-of-age patient eligible. A criterion may also say `field = "age"`: its
state then comes from the age entered and the protocol's age window, not from a tick.

Criteria are numbered in protocol order, I1.. for inclusion and E1.. for exclusion, so the command line
can confirm them one by one (`--confirm I1 --confirm E3`) instead of all at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from mscdose.core import display as show
from mscdose.core.errors import InputError, ProtocolError
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said, span
from mscdose.core.reason_rule import reason_problem, valid_initials

if TYPE_CHECKING:
    from mscdose.core.protocol import Protocol

SEVERITIES = ("hard", "soft")
# issue 16: a translation may stand beside each English text, under the key `<key>_<suffix>` (`text_zh`).
TRANSLATION_SUFFIXES = {"zh": "zh_CN"}  # key suffix -> language
_ITEM_KEYS = {"text", "severity", "field"} | {f"text_{suffix}" for suffix in TRANSLATION_SUFFIXES}
_FIELDS = ("age",)
_ID = re.compile(r"^\s*([IiEe])\s*(\d{1,3})\s*$", re.ASCII)


@dataclass(frozen=True)
class Criteria:
    inclusion: tuple[str, ...] = ()
    exclusion: tuple[str, ...] = ()
    hard: frozenset[str] = frozenset()
    age: frozenset[str] = frozenset()  # criteria decided by the age field
    translations: tuple[tuple[str, str, str], ...] = ()  # issue 16: (language, English text, translation)


def read_criteria(eligibility: dict[str, Any], file_name: str) -> Criteria:
    """The `inclusion` and `exclusion` lists of an `[eligibility]` table. Every error names file and key."""
    def error(key: str, message: str) -> ProtocolError:
        return ProtocolError(f"Protocol file {file_name}: key 'eligibility.{key}': {message}")

    texts: dict[str, tuple[str, ...]] = {}
    translated: list[tuple[str, str, str]] = []  # issue 16
    hard: set[str] = set()
    age: set[str] = set()
    seen: set[str] = set()
    for kind in ("inclusion", "exclusion"):
        raw = eligibility.get(kind, [])
        if not isinstance(raw, list):
            raise error(kind, "must be a list of criteria (texts, or tables with text and severity)")
        items = []
        for index, item in enumerate(raw):
            where = f"{kind}[{index}]"
            severity, field = "soft", None
            if isinstance(item, dict):
                unknown = set(item) - _ITEM_KEYS
                if unknown:
                    raise error(f"{where}.{sorted(unknown)[0]}",
                                f"unknown key (allowed: {', '.join(sorted(_ITEM_KEYS))})")
                severity = item.get("severity", "soft")
                if severity not in SEVERITIES:
                    raise error(f"{where}.severity", f"must be 'hard' or 'soft', found {severity!r}")
                field = item.get("field")
                if field is not None and field not in _FIELDS:
                    raise error(f"{where}.field", f"must be one of {', '.join(_FIELDS)}, found {field!r}")
                translated += translations_of(item, "text", f"eligibility.{where}", file_name)  # issue 16
                item = item.get("text")
                where = f"{where}.text"
            if not isinstance(item, str) or not item.strip():
                raise error(where, f"must be non-empty text, found {item!r}")
            if item.casefold() in seen:
                raise error(where, f"repeats the criterion {item!r}: each criterion is listed once")
            seen.add(item.casefold())
            items.append(item)
            if severity == "hard":
                hard.add(item)
            if field == "age":
                age.add(item)
        texts[kind] = tuple(items)
    return Criteria(texts["inclusion"], texts["exclusion"], frozenset(hard), frozenset(age), tuple(translated))


def translations_of(table: dict[str, Any], key: str, where: str, file_name: str) -> list[tuple[str, str, str]]:
    """issue 16: (language, English, translation) for `key` and its `key_<suffix>` entries of one table; a
    translation without its English text, or an empty one, is refused naming the key."""
    found = []
    for suffix, language in TRANSLATION_SUFFIXES.items():
        if f"{key}_{suffix}" not in table:
            continue
        english, text = table.get(key), table[f"{key}_{suffix}"]
        if not isinstance(english, str) or not isinstance(text, str) or not text.strip():
            raise ProtocolError(f"Protocol file {file_name}: key '{where}.{key}_{suffix}': must be non-empty text "
                                f"beside a non-empty '{key}'")
        found.append((language, english, text.strip()))
    return found


def check_standard_reasons(raw: Any, file_name: str) -> tuple[str, ...]:
    """The protocol's `override_reasons`: each must itself pass the reason rule."""
    def error(message: str) -> ProtocolError:
        return ProtocolError(f"Protocol file {file_name}: key 'override_reasons': {message}")

    if raw is None:
        return ()
    if isinstance(raw, list):  # issue 16: a reason may be a table { text, text_zh }: its English text counts
        raw = [r.get("text") if isinstance(r, dict) and set(r) <= {"text", *(f"text_{s}" for s in
               TRANSLATION_SUFFIXES)} else r for r in raw]
    if not isinstance(raw, list) or not all(isinstance(r, str) and r.strip() for r in raw):
        raise error("must be a list of non-empty texts (or tables with text and a translation such as text_zh)")
    for reason in raw:
        if reason_problem(reason):
            raise error(f"{reason!r} is not a reason a reviewer could check (at least three words of three or "
                        "more letters, not all the same)")
    return tuple(raw)


def criterion_ids(protocol: Protocol) -> dict[str, str]:
    """`{"I1": text, ..., "E1": text, ...}` in protocol order."""
    ids = {f"I{n}": text for n, text in enumerate(protocol.inclusion, 1)}
    ids.update({f"E{n}": text for n, text in enumerate(protocol.exclusion, 1)})
    return ids


def age_state(protocol: Protocol, age_years: Decimal | None) -> bool | None:
    """True inside the protocol's age window, False outside, None when no age was entered."""
    if age_years is None:
        return None
    low = protocol.age_min is None or age_years >= protocol.age_min
    high = protocol.age_max is None or age_years <= protocol.age_max
    return low and high


def confirmation_states(
    protocol: Protocol,
    confirm: Sequence[str],
    confirmed_by: str | None = None,
    age_years: Decimal | None = None,
) -> dict[str, bool | None]:
    """The eligibility states (criterion text -> True confirmed / False not met / None not confirmed) from
    the texts of `--confirm` options: criterion numbers (I1, e3; several may be separated by commas or
    spaces), a criterion's exact text, or `all`. `all` needs `confirmed_by` initials, which the caller
    records. A criterion decided by the age field takes its state from `age_years` whatever is confirmed,
    and confirming it by number or text while the age is outside the window is refused."""
    ids = criterion_ids(protocol)
    by_text = {text.casefold().strip(): text for text in ids.values()}
    states: dict[str, bool | None] = {text: None for text in ids.values()}
    age_criteria = protocol.age_criteria
    age = age_state(protocol, age_years)
    accepted = said(QT_TRANSLATE_NOOP("CoreMessage", "criterion numbers {inclusion}{exclusion}the exact text of a "
                                                     "criterion, or all (with --confirmed-by INITIALS)"),
                    inclusion=_span("I", len(protocol.inclusion)), exclusion=_span("E", len(protocol.exclusion)))
    for given in confirm:
        given = "" if given is None else str(given)
        token = given.strip()
        if token.casefold() == "all":
            if not valid_initials(confirmed_by or ""):
                raise InputError("confirmed_by", confirmed_by or "", said(  # type: ignore[arg-type]
                    QT_TRANSLATE_NOOP("CoreMessage", "Confirmed by: --confirm all confirms every eligibility "
                                      "criterion at once, so it needs the initials of the person who confirmed "
                                      "them. Accepted: --confirmed-by INITIALS, 2 to 6 letters (e.g. JS).")))
            states = {text: True for text in states}
            continue
        if token.casefold() in by_text:
            chosen = [by_text[token.casefold()]]
        else:
            parts = [part for part in re.split(r"[,\s]+", token) if part]
            if not parts or not all(_ID.match(part) for part in parts):
                raise InputError("confirm", given, said(  # type: ignore[arg-type]
                    QT_TRANSLATE_NOOP("CoreMessage", "Confirm: “{token}” is not a criterion of {protocol}. "
                                                     "Accepted: {accepted}."),
                    token=token, protocol=protocol.id, accepted=accepted))
            chosen = []
            for part in parts:
                letter, number = _ID.match(part).groups()  # type: ignore[union-attr]
                key = f"{letter.upper()}{int(number)}"
                if key not in ids:
                    raise InputError("confirm", given, said(  # type: ignore[arg-type]
                        QT_TRANSLATE_NOOP("CoreMessage", "Confirm: {key} is not a criterion of {protocol}. "
                                                         "Accepted: {accepted}."),
                        key=key, protocol=protocol.id, accepted=accepted))
                chosen.append(ids[key])
        for text in chosen:
            if text in age_criteria and age is False and age_years is not None:
                raise InputError("confirm", given, said(  # type: ignore[arg-type]
                    QT_TRANSLATE_NOOP("CoreMessage", "Confirm: “{criteria}” cannot be confirmed: the age entered, "
                                                     "{age} years, is outside the protocol's window."),
                    criteria=text, age=show.plain(age_years, 1)))
            states[text] = True
    for text in age_criteria:
        if age is not None:
            states[text] = age
    return states


def _span(letter: str, count: int) -> Message | str:
    """`I1 to I5, ` (its "to" translated), `I1, ` or nothing."""
    if not count:
        return ""
    return said("{numbers}, ", numbers=span(f"{letter}1", f"{letter}{count}") if count > 1 else f"{letter}1")
