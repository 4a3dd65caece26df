"""Reading what people type into a field, and refusing clearly what cannot be read safely.

Every text either means exactly one thing or is refused with an `InputError` that names the field, echoes
the text and says what is accepted. Why so strict: each accepted-but-ambiguous form has a known slip behind
it (issue 11). So:
- only ASCII digits (a full-width `６２` is refused with a hint to switch to half-width input), no hidden
  characters (zero-width spaces, BOMs, bidi controls are refused, never dropped), no comma ("62,5 kg" must
  never become 625 kg), nothing after a `#`;
- one number, at most one multiplier (`e`, `× 10^n` or a word such as million), and one unit from the
  field's short list (core/units.py SPELLINGS): `62 % kg`, `100 mL*%` and `0.92 1` are refused;
- a unit typed in the box must be of the same kind as the unit the window shows beside it (a total typed
  into a per-kg dose box is refused, not silently made a total);
- every field has the range of values it can hold, and the text has a length cap, checked before any
  other work, so no input, however long or large, raises anything but `InputError`.
Units are converted with the factors pint computed for core/unit_table.py (exactly pint's answer; pint
itself is not imported here).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Literal

from mscdose.core import text as free_text
from mscdose.core.errors import InputError

# What each field is called, what it accepts and the values it can hold (core/field_terms.py, data only).
from mscdose.core.field_terms import _BOUNDS, _ECHO_SPELLING, _FIELD_KIND, ACCEPTED, LABELS, MAX_LENGTH
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said
from mscdose.core.unit_table import FACTORS
from mscdose.core.units import SPELLINGS

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,7})?"
_QUANTITY = re.compile(
    rf"""(?P<number>{_NUMBER})
    \ *(?:[x×*·]\ *10\ *(?:\^|\*\*)?\ *(?P<power>[+-]?[0-9]{{1,2}}))?
    \ *(?:(?P<word>million|billion|thousand)(?![A-Za-z]))?
    \ *(?P<unit>[^ ].*)?""",
    re.VERBOSE | re.IGNORECASE,
)
_WORDS = {"thousand": Decimal("1e3"), "million": Decimal("1e6"), "billion": Decimal("1e9")}
_NONFINITE = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)
_ALLOWED = re.compile(r"[A-Za-z0-9 .+\-/^*%×·µμ]")


def _fail(field: str, given: str, problem: str | Message) -> InputError:
    """The error of `field`: "{label}: {problem} Accepted: {accepted}." as a template of translated parts (a
    `problem` given as plain text, such as text.character_problem's, stays English inside it)."""
    label = said(LABELS[field]) if field in LABELS else field
    accepted = ACCEPTED.get(field)
    if accepted:
        return InputError(field, given[:200], said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "{label}: {problem} Accepted: {accepted}."),
            label=label, problem=problem, accepted=said(accepted)))
    return InputError(field, given[:200], said(QT_TRANSLATE_NOOP("CoreMessage", "{label}: {problem}"),  # type: ignore[arg-type]
                                               label=label, problem=problem))


def _kind(name: str) -> Message:
    return said(name)  # a name marked in _FIELD_KIND / _KIND_NAMES


def _units(kinds: tuple[str, ...]) -> Message | str:
    """_spellings(kinds) as a Message: the units, joined by a translated "or"."""
    parts = [said(_USUAL[kind]) for kind in kinds]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return said(QT_TRANSLATE_NOOP("CoreMessage", "{first} or {second}"), first=parts[0], second=parts[1])
    return _spellings(kinds)


def _screened(field: str, text: str | None) -> str:
    """The text, refused if empty, too long, or holding a character that is hidden or not plain ASCII."""
    given = "" if text is None else str(text)
    if not given.strip():
        raise _fail(field, given, said(QT_TRANSLATE_NOOP("CoreMessage", "nothing was entered.")))
    if len(given) > MAX_LENGTH:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "the entry is {length} characters long; at most {limit} are accepted."),
            length=f"{len(given):,}", limit=MAX_LENGTH))
    problem = free_text.character_problem(given, allowed_spaces=" \u00a0\u202f")
    if problem:
        raise _fail(field, given, problem)
    return given


def _normalise(text: str) -> str:
    text = text.replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    # "10⁶" becomes "10^6"
    text = re.sub(r"([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)", lambda m: "^" + m.group(1).translate(_SUPERSCRIPTS), text)
    return re.sub(r" +", " ", text).strip()


@dataclass(frozen=True)
class Entry:
    """One quantity as read: `value` in the canonical unit of `kind`, and `entered`, the text as typed but
    written by the display rules ("1.50e8 cells" -> "150 million cells", "136.50 lb" -> "136.5 lb")."""

    value: Decimal
    kind: str
    entered: str

    @property
    def mode(self) -> Literal["total", "per_kg"]:
        return "per_kg" if self.kind == "cells_per_mass" else "total"


def _resolve(unit: str) -> tuple[Decimal, str, str] | None:
    """(multiplier, spelling, kind) for a unit text such as "million cells/mL", or None if not in the table."""
    unit = re.sub(r" */ *", "/", unit.strip())
    multiplier = Decimal(1)
    first, _, rest = unit.partition(" ")
    if first.lower() in _WORDS and rest:
        multiplier, unit = _WORDS[first.lower()], rest.removeprefix("of ").strip()
    if unit in FACTORS:
        return multiplier, unit, FACTORS[unit][0]
    return None


_USUAL = {"mass": QT_TRANSLATE_NOOP("CoreMessage", "kg, g or lb"),
          "volume": QT_TRANSLATE_NOOP("CoreMessage", "mL, L or µL"),
          "time": QT_TRANSLATE_NOOP("CoreMessage", "s, min or h"), "age": QT_TRANSLATE_NOOP("CoreMessage", "years"),
          "cells": QT_TRANSLATE_NOOP("CoreMessage", "cells"),
          "cells_per_volume": QT_TRANSLATE_NOOP("CoreMessage", "cells/mL (or cells/L, cells/µL)"),
          "cells_per_mass": QT_TRANSLATE_NOOP("CoreMessage", "cells/kg"),
          "drops_per_volume": "gtt/mL", "percent": "%"}


def to_canonical(number: Decimal, unit: str) -> tuple[str, Decimal] | None:
    """(kind, `number` in the kind's canonical unit) for an accepted unit text such as "million cells/mL",
    or None for a text outside the table. The same arithmetic as pint's conversion: number x factor."""
    resolved = _resolve(unit)
    if resolved is None:
        return None
    multiplier, spelling, kind = resolved
    return kind, number * multiplier * Decimal(FACTORS[spelling][1])


def _spellings(kinds: tuple[str, ...]) -> str:
    return " or ".join(_USUAL[kind] for kind in kinds)


def _exact(value: Decimal) -> str:
    """A number as written by the display rules, with every digit it has: no `e`, no trailing zero."""
    text = f"{value.normalize():f}"  # no thousands separator: the echo must read back as the same value
    return "0" if text in ("-0", "0") else text


def _echo(value: Decimal, kind: str, number: Decimal, spelling: str) -> str:
    if kind in ("cells", "cells_per_mass", "cells_per_volume"):
        suffix = SPELLINGS[kind][0].replace("cell", "cells").replace("/ml", "/mL")
        if value >= _WORDS["million"]:
            return f"{_exact(value / _WORDS['million'])} million {suffix}"
        return f"{_exact(value)} {suffix}"
    spelled = _ECHO_SPELLING.get(spelling, spelling)
    return f"{_exact(number)} %" if spelled == "%" else f"{_exact(number)} {spelled}"


def read_quantity(
    field: str,
    text: str | None,
    kinds: tuple[str, ...],
    *,
    default_unit: str | None = None,
    bare_unit: str | None = None,
    missing_unit: str | None = None,
    allow_zero: bool = False,
) -> Entry:
    """Read `text` as one quantity of one of `kinds` (core/units.py SPELLINGS) for `field`.

    `default_unit` is the unit a window shows beside the box: a bare number is read in it, and a unit
    typed in the box must be of the same kind. `bare_unit` is the unit a bare number always means in this
    field (viability: percent). With neither, a bare number is refused with `missing_unit`.
    """
    try:
        return _read_quantity_cached(field, text, kinds, default_unit, bare_unit, missing_unit, allow_zero)
    except TypeError:  # an unhashable argument: read it uncached (the same answer)
        return _read_quantity(field, text, kinds, default_unit, bare_unit, missing_unit, allow_zero)


def _read_quantity(field: str, text: str | None, kinds: tuple[str, ...], default_unit: str | None,
                   bare_unit: str | None, missing_unit: str | None, allow_zero: bool) -> Entry:
    given = _screened(field, text)
    shown = free_text.shown(given.strip())
    normal = _normalise(given)
    if _NONFINITE.search(normal):
        raise _fail(field, given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{given}” is not a finite number."),
                                        given=shown))
    if "," in normal:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” contains a comma. Write decimals with a point (62.5, not 62,5) and numbers "
            "without thousands separators."), given=shown))
    bad = next((char for char in normal if not _ALLOWED.fullmatch(char)), None)
    if bad is not None:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” contains “{typed}”, which cannot be part of a quantity: type one number and "
            "one unit only."), given=shown, typed=bad))
    match = _QUANTITY.fullmatch(normal)
    if not match:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "could not read “{given}” as a number with a unit."), given=shown))
    try:
        number = Decimal(match["number"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimal literals
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is not a usable number."), given=shown)) from None
    if number and abs(number.adjusted()) > 30:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is too large or too small to be a real value."), given=shown))
    multipliers = [bool(match["power"]), bool(match["word"]), "e" in match["number"].lower()]
    if match["power"]:
        number = number.scaleb(int(match["power"]))
    if match["word"]:
        number *= _WORDS[match["word"].lower()]
    unit_text = (match["unit"] or "").strip()
    typed = _resolve(unit_text) if unit_text else None
    if unit_text and typed is None:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is not a unit mscdose knows for {kind}; use {units}."),
            given=free_text.shown(unit_text),
            kind=_kind(_FIELD_KIND.get(field, QT_TRANSLATE_NOOP("CoreMessage", "this field"))),
            units=_units(kinds)))
    if typed is not None:
        if typed[0] != 1:
            multipliers.append(True)
        if sum(multipliers) > 1:
            raise _fail(field, given, said(QT_TRANSLATE_NOOP(
                "CoreMessage", "“{given}” has more than one multiplier; write for example 150 million cells or "
                "1.5e8 cells."), given=shown))
        multiplier, spelling, kind = typed
        if kind not in kinds:
            raise _fail(field, given, said(QT_TRANSLATE_NOOP(
                "CoreMessage", "“{given}” is {kind}, not {expected}."), given=shown, kind=_kind(SPELLINGS[kind][1]),
                expected=_kind(_FIELD_KIND[field]) if field in _FIELD_KIND else str(kinds)))
        if default_unit is not None:
            beside = _resolve(default_unit)
            if beside is not None and beside[2] != kind:
                raise _fail(field, given, said(QT_TRANSLATE_NOOP(
                    "CoreMessage", "“{given}” is {kind}, but the unit beside the box is {unit}. Change the unit "
                    "beside the box, or type the number alone."), given=shown, kind=_kind(SPELLINGS[kind][1]),
                    unit=default_unit))
    elif default_unit is not None or bare_unit is not None:
        resolved = _resolve(default_unit or bare_unit or "")
        if resolved is None or resolved[2] not in kinds:
            raise ValueError(f"{field}: the unit {default_unit or bare_unit!r} is not one this field accepts")
        multiplier, spelling, kind = resolved
        if any(multipliers):  # "5e6" in a "million cells/mL" box is 5e6 cells/mL, never 5e12
            multiplier = Decimal(1)
    else:
        raise _fail(field, given, missing_unit or said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” needs a unit: {units}."), given=shown, units=_units(kinds)))
    number *= multiplier
    value = number * Decimal(FACTORS[spelling][1])
    low, high, low_text, high_text = _BOUNDS[(field, kind)]
    if value < 0 or (value == 0 and not allow_zero):
        raise _fail(field, given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{given}” must be more than zero."),
                                        given=shown))
    if value < low:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is less than {low}, the least this field accepts: check the entry."),
            given=shown, low=low_text))
    if value > high:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is more than {high}: check the entry."), given=shown, high=high_text))
    return Entry(value, kind, _echo(value, kind, number, spelling))


# Issue 18: reading a quantity is a pure function of its arguments and an Entry cannot change, so a text read
# once (the window re-reads every field at each keystroke; `validate` repeats cases) is not read again. Only
# successful readings are kept: an InputError is raised afresh each time.
_read_quantity_cached = functools.lru_cache(maxsize=4096)(_read_quantity)


def read_weight(text: str | None, default_unit: str | None = None) -> Entry:
    """Weight in kg, with the echo of what was entered. A bare number needs the window's unit."""
    return read_quantity("weight", text, ("mass",), default_unit=default_unit, missing_unit=(
        "needs a unit: kg or lb. A weight in pounds read as kilograms would double the dose."))


def parse_weight(text: str, default_unit: str | None = None) -> Decimal:
    """Weight in kg. A bare number is refused unless the caller (a GUI unit selector) names the unit."""
    return read_weight(text, default_unit).value


DoseMode = Literal["total", "per_kg"]


def read_dose(text: str | None, default_unit: str | None = None) -> Entry:
    """A prescribed dose: total cells (kind "cells") or cells per kg ("cells_per_mass").

    A bare number is read in `default_unit` (the window's selector) or refused: "--dose 150" on the command
    line would otherwise be 150 cells, a million-fold slip.
    """
    return read_quantity("dose", text, ("cells", "cells_per_mass"), default_unit=default_unit, missing_unit=(
        f"“{free_text.shown(str(text).strip())}” needs a unit: cells for a total (150 million cells) "
        "or cells/kg for a dose per kg (2 million cells/kg)."))


def parse_dose(text: str, default_unit: str | None = None) -> tuple[DoseMode, Decimal]:
    """A prescribed dose: ("total", cells) or ("per_kg", cells/kg)."""
    entry = read_dose(text, default_unit)
    return entry.mode, entry.value


def parse_concentration(text: str, default_unit: str | None = None) -> Decimal:
    """Cells per mL. The volume unit is required: "5 million" alone could be per mL or per bag."""
    return read_quantity("concentration", text, ("cells_per_volume",), default_unit=default_unit,
                         missing_unit="needs a volume unit, such as cells/mL.").value


def parse_viability(text: str) -> Decimal:
    """Viability in percent. Values of 1 or less are refused: 0.92 is far more likely a fraction than 0.92 %."""
    value = read_quantity("viability", text, ("percent",), bare_unit="percent").value
    if value <= 1:
        raise _fail("viability", str(text), said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” looks like a fraction; enter a percentage (92 %, not 0.92)."),
            given=free_text.shown(str(text).strip())))
    return value


def parse_volume(field: str, text: str, default_unit: str | None = None) -> Decimal:
    """A volume in mL for `field` (bag_volume, final_volume or increment)."""
    return read_quantity(field, text, ("volume",), default_unit=default_unit).value


def parse_duration(text: str, default_unit: str | None = None) -> Decimal:
    """Duration in minutes."""
    return read_quantity("duration", text, ("time",), default_unit=default_unit).value


def parse_drop_factor(text: str) -> Decimal:
    """Drops per mL; a bare number is drops per mL, the only way the number is ever quoted."""
    return read_quantity("drop_factor", text, ("drops_per_volume",), bare_unit="gtt/mL").value


def parse_bags(text: str) -> int:
    given = _screened("bags", text)
    stripped = given.strip()
    if not re.fullmatch(r"[0-9]{1,2}", stripped) or int(stripped) < 1:
        raise _fail("bags", given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is not a whole number of bags from 1 to 99."),
            given=free_text.shown(stripped)))
    return int(stripped)


def parse_age(text: str) -> Decimal:
    """Age in years. Zero is allowed (a newborn); the protocol's window is checked by the engine."""
    try:
        return read_quantity("age", text, ("age",), bare_unit="year", allow_zero=True).value
    except InputError as error:
        if "must be more than zero" in error.message or "check the entry" in error.message:
            raise _fail("age", str(text), said(QT_TRANSLATE_NOOP(
                "CoreMessage", "“{given}” is not an age from 0 to 130 years."),
                given=free_text.shown(str(text).strip()))) from None
        raise


_MOMENT = re.compile(r"(?P<year>[0-9]{4})-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
                     r"(?P<zone>Z|[+-][0-9]{2}:[0-9]{2})?")


def parse_datetime(field: str, text: str) -> datetime:
    """An ISO 8601 date and time from 2000 to 2100. Without a zone it is this workstation's local time."""
    given = _screened(field, text)
    stripped = given.strip()
    match = _MOMENT.fullmatch(stripped)
    if not match:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "could not read “{given}” as a date and time."), given=free_text.shown(stripped)))
    if not 2000 <= int(match["year"]) <= 2100:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is not between the years 2000 and 2100: check the entry."), given=stripped))
    try:
        moment = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.astimezone()
    except (ValueError, OverflowError, OSError):
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” is not a real date and time."), given=stripped)) from None
    offset = moment.utcoffset()
    if offset is not None and abs(offset.total_seconds()) > 14 * 3600:
        raise _fail(field, given, said(QT_TRANSLATE_NOOP(
            "CoreMessage", "“{given}” has a time zone offset beyond ±14:00."), given=stripped))
    return moment


def convert_weight_text(text: str, from_unit: str, to_unit: str) -> str | None:
    """The same weight written in `to_unit` (a bare number, at most two decimals), or None when the text
    cannot be read: then the window keeps the text and simply reads it in the new unit, showing its error.

    Two decimals change the weight by at most 5 g (0.005 kg or 0.005 lb), well inside any scale's precision,
    and a switch back gives the original text again (62 kg -> 136.69 lb -> 62 kg).
    """
    try:
        kilograms = parse_weight(text, from_unit)
    except InputError:
        return None
    from mscdose.core.display import plain

    if FACTORS.get(to_unit, ("", ""))[0] != "mass":
        return None
    return plain(kilograms / Decimal(FACTORS[to_unit][1]), 2)
