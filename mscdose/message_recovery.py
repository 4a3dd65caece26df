"""A saved English message's template, found again: what lets a record saved in English print in Chinese.

A document keeps only the English text of a flag, an input error or a step (issue 16: the record must not change
with the language). To print it in another language the template and its values are found again from the
English, deterministically and strictly (one template, one split, the round trip exact) — never guessed: an
ambiguous text stays English. Split from mscdose/i18n.py: pure text work, no Qt and no language here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

TEMPLATES_FILE = "core_messages.json"  # resources/translations/: every CoreMessage template of this version


@cache
def core_templates() -> tuple[str, ...]:
    """Every CoreMessage template of this version (built with the .ts by packaging/build_translations.py)."""
    import json

    from mscdose.core.paths import resource

    return tuple(json.loads(resource("translations", TEMPLATES_FILE).read_text(encoding="utf-8")))


@cache
def _pieces(template: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The literal texts and the placeholder names of `template` (literals one more than names), or None when it
    is not a plain `{name}` template."""
    import string

    literals, names = [""], []
    try:
        for literal, name, spec, conversion in string.Formatter().parse(template):
            literals[-1] += literal
            if name is not None:
                if not name.isidentifier() or spec or conversion:
                    return None
                names.append(name)
                literals.append("")
    except ValueError:
        return None
    return tuple(literals), tuple(names)


_AT_MOST = 64  # more ways to split one text than this: ambiguous, never searched further


def _splits(text: str, literals: tuple[str, ...], names: tuple[str, ...],
            at_most: int = _AT_MOST) -> list[dict[str, str]]:
    """The ways (at most `at_most`) `text` is `literals` with values between them; a name used twice must have
    the same value both times. Anchored at both ends: the whole text, nothing left over."""
    if not names:
        return [{}] if text == literals[0] else []
    if not text.startswith(literals[0]) or len(text) < len(literals[0]) + len(literals[-1]) \
            or not text.endswith(literals[-1]):
        return []
    found: list[dict[str, str]] = []

    def walk(position: int, index: int, values: dict[str, str]) -> None:
        if len(found) >= at_most:
            return
        name, following = names[index], literals[index + 1]
        last = index == len(names) - 1
        if last:
            end = len(text) - len(following)
            if end >= position and values.get(name, text[position:end]) == text[position:end]:
                found.append({**values, name: text[position:end]})
            return
        start = text.find(following, position) if following else position
        while start != -1 and len(found) < at_most:
            value = text[position:start]
            if values.get(name, value) == value:
                walk(start + len(following), index + 1, {**values, name: value})
            # adjacent placeholders (no text between): every split point; else the next place it occurs
            start = text.find(following, start + 1) if following else (start + 1 if start < len(text) else -1)

    walk(len(literals[0]), 0, {})
    return found


_WHOLE_MESSAGE_LETTERS = 4  # a whole saved message is never read as a bare "{low} to {high}" or "{label}: {problem}"


@cache
def message_templates() -> tuple[str, ...]:
    """The templates a saved flag, input error or refusal is read back with: every CoreMessage template of this
    version except the whole workings of the calculation steps (core/step_texts.py), which are read back only
    as a step of their own label (`record_step_text`): `{target} ÷ {concentration} = {exact}` fits almost any
    text."""
    from mscdose.core.step_texts import WORKING_TEMPLATES

    return tuple(template for template in core_templates() if template not in WORKING_TEMPLATES)


def recover(text: str, templates: tuple[str, ...] | None = None, typed: frozenset[str] | None = None,
            whole: bool = True, among: tuple[str, ...] | None = None, words: frozenset[str] = frozenset()) -> Any:
    """The core.messages.Message whose English is exactly `text`, found again from a saved English text, or None.

    Deterministic and strict: every template (this version's, `core_templates`) is matched anchored, its
    placeholders taking any text; the most specific matching template (the most literal characters) must be the
    only one of its length and match in exactly one split, and filling it back in must give `text` exactly (the
    round trip). Each value is found again in its turn (a word such as `Weight` is a template too) except what a
    person typed (core.messages.TYPED_PARAMS), which is kept as typed; a value found in no way, or in two, stays
    English. A whole message (`whole`) is read only by a template with words of its own (at least four letters),
    never by a joining template such as `{low} to {high}`. Anything else is None: the caller prints the English.
    `among`: the only templates the whole text may be (a step's, by its label); its values are still found
    again among `templates`. `words`: placeholders whose value must itself be a template (a step's `{basis}`),
    so `… = 32.25 mL (cells (all))` splits one way only."""
    from mscdose.core.messages import HINT_PARAMS, TYPED_PARAMS, Message

    templates = message_templates() if templates is None else templates
    typed = TYPED_PARAMS if typed is None else typed
    matches: list[tuple[int, str, list[dict[str, str]]]] = []
    for template in templates if among is None else among:
        pieces = _pieces(template)
        if pieces is None or (whole and among is None
                              and sum(c.isalpha() for c in "".join(pieces[0])) < _WHOLE_MESSAGE_LETTERS):
            continue
        splits = _splits(text, *pieces)
        if len(splits) >= _AT_MOST:
            splits = [{}, {}]  # too many ways: ambiguous
        elif any(name in HINT_PARAMS for name in pieces[1]):
            splits = _hinted(splits, templates, typed)
        if words & set(pieces[1]):
            splits = [values for values in splits if all(recover(values[name], templates, typed, False) is not None
                                                         for name in words & set(values))]
        if splits:
            matches.append((sum(map(len, pieces[0])), template, splits))
    if not matches:
        return None
    most = max(length for length, _, _ in matches)
    chosen = [match for match in matches if match[0] == most]
    if len(chosen) != 1 or len(chosen[0][2]) != 1:
        return None  # two templates, or two splits of one: ambiguous, the English is printed
    _, template, (values,) = chosen[0]
    params: dict[str, Any] = {}
    for name, value in values.items():
        inner = None if name in typed or not value else recover(value, templates, typed, whole=False)
        params[name] = inner if inner is not None else value
    message = Message(template, params)
    return message if message.text == text else None


def _hinted(splits: list[dict[str, str]], templates: tuple[str, ...], typed: frozenset[str]) -> list[dict[str, str]]:
    """The splits whose hint values (core.messages.HINT_PARAMS) are empty or one whole template, those that
    explain the most text by hints first (`{limit}{band}`: the band when the text ends with it)."""
    from mscdose.core.messages import HINT_PARAMS

    def hints(values: dict[str, str]) -> list[str]:
        return [value for name, value in values.items() if name in HINT_PARAMS]

    kept = [values for values in splits
            if all(not value or (value.startswith(" ") and recover(value, templates, typed, False) is not None)
                   for value in hints(values))]
    most = max((sum(map(len, hints(values))) for values in kept), default=0)
    return [values for values in kept if sum(map(len, hints(values))) == most]
