"""Numbers as people must read them (ISMP): a leading zero (0.5 mL), no trailing zero (5 mL, not 5.0 mL),
cell counts in millions written out as a word, never `e` notation.

Everything shown on screen, in the CLI summary and on the worksheet goes through these functions, so the
rules live in one place.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, getcontext

MILLION = Decimal(1_000_000)


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(13)}  # issue 18: made once, not per call


def plain(value: Decimal | int, places: int = 4, grouping: bool = False) -> str:
    """`value` rounded half-up to at most `places` decimals, trailing zeros dropped, never in `e` notation."""
    try:
        return _plain_cached(value, places, grouping)
    except TypeError:  # unhashable (a signalling NaN): the same answer, uncached
        return _plain(value, places, grouping)


def _plain(value: Decimal | int, places: int, grouping: bool) -> str:
    number = Decimal(value)
    quantum = _QUANTA.get(places) or Decimal(1).scaleb(-places)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP) if places >= 0 else number
    text = f"{rounded:,f}" if grouping else f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


# Issue 18: a calculation writes about 40 numbers into its steps, many of them the protocol's own (100 mL,
# 60 min, 20 gtt/mL...). The text depends only on the value, not on how its Decimal is written (rounded to a
# fixed number of places, then trailing zeros dropped: tests/core/test_display_cache.py), so equal values share
# one entry.
_plain_cached = functools.lru_cache(maxsize=4096)(_plain)


def _millions(cells: Decimal | int, places: int, _precision: int = 0) -> str:
    return plain(Decimal(cells) / MILLION, places, grouping=True)


# Issue 18: the division by a million is rounded to the context's precision (50 digits in the engine, 28
# elsewhere), so the cached text is keyed on that precision too: the same text as uncached in every context.
_millions_cached = functools.lru_cache(maxsize=4096)(_millions)


def millions(cells: Decimal | int, places: int = 2) -> str:
    try:
        return _millions_cached(cells, places, getcontext().prec)
    except TypeError:  # unhashable (a signalling NaN): the same answer, uncached
        return _millions(cells, places)


def _with_unit(number: Callable[[Decimal | int, int], str], unit: str) -> Callable[[Decimal | int, int], str]:
    """`number(value, places)` followed by `unit`, cached by value like `plain` (issue 18: a calculation
    writes about 40 numbers into its steps; most repeat from one calculation to the next)."""
    def text(value: Decimal | int, places: int, _precision: int = 0) -> str:
        return f"{number(value, places)} {unit}"

    cached = functools.lru_cache(maxsize=4096)(text)

    def with_unit(value: Decimal | int, places: int) -> str:
        try:
            return cached(value, places, getcontext().prec)
        except TypeError:
            return text(value, places)

    return with_unit


_cells = _with_unit(_millions, "million cells")
_cells_per_kg = _with_unit(_millions, "million cells/kg")
_concentration = _with_unit(_millions, "million cells/mL")
_ml = _with_unit(plain, "mL")


def cells(count: Decimal | int, places: int = 2) -> str:
    """`149.96 million cells`."""
    return _cells(count, places)


def cells_per_kg(count: Decimal | int, places: int = 3) -> str:
    return _cells_per_kg(count, places)


def concentration(cells_per_ml: Decimal | int, places: int = 3) -> str:
    return _concentration(cells_per_ml, places)


def ml(volume: Decimal | int, places: int = 4) -> str:
    return _ml(volume, places)


def kg(weight: Decimal | int, places: int = 3) -> str:
    return f"{plain(weight, places)} kg"


def percent(value: Decimal | int, places: int = 2) -> str:
    return f"{plain(value, places)} %"


def ml_per_h(rate: Decimal | int, places: int = 2) -> str:
    return f"{plain(rate, places)} mL/h"


def gtt_per_min(rate: Decimal | int, places: int = 0) -> str:
    return f"{plain(rate, places)} gtt/min"


def minutes(value: Decimal | int) -> str:
    return f"{plain(value, 2)} min"


def years(value: Decimal | int) -> str:
    return f"{plain(value, 1)} years"


def moment(value: datetime) -> str:
    """`2026-11-25 11:00 (UTC+01:00)`: date and time as people read them, with the offset kept."""
    offset = value.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return f"{value:%Y-%m-%d %H:%M}{zone}"


# --- a value shown beside a limit (issue 10 §4) ------------------------------------------------------------
# A dose rounded for display must never read as inside a limit when it is outside (99.999 million cells
# shown as "100 million cells" beside "below the minimum of 100 million cells"). These functions add
# decimals until the value as written compares with every limit as written exactly as the true value does.

_MAX_EXTRA_PLACES = 30


def _compare(a: Decimal, b: Decimal) -> int:
    return (a > b) - (a < b)


def places_beside(value: Decimal | int, limits: Iterable[Decimal | int | None], places: int) -> int:
    """The fewest decimals, at least `places`, at which `value` and every limit, each rounded half-up to
    that many decimals, compare as the true numbers do (less, equal or greater)."""
    number = Decimal(value)
    bounds = [Decimal(limit) for limit in limits if limit is not None]
    for extra in range(_MAX_EXTRA_PLACES + 1):
        quantum = Decimal(1).scaleb(-(places + extra))
        shown = number.quantize(quantum, rounding=ROUND_HALF_UP)
        if all(_compare(shown, bound.quantize(quantum, rounding=ROUND_HALF_UP)) == _compare(number, bound)
               for bound in bounds):
            return places + extra
    return places + _MAX_EXTRA_PLACES


def cells_beside(count: Decimal | int, limits: Iterable[Decimal | int | None], places: int = 2) -> str:
    """`99.999 million cells` beside a minimum of 100 million cells; `150 million cells` when nothing is near."""
    bounds = [Decimal(limit) / MILLION for limit in limits if limit is not None]
    return cells(count, places_beside(Decimal(count) / MILLION, bounds, places))


def cells_per_kg_beside(count: Decimal | int, limits: Iterable[Decimal | int | None], places: int = 3) -> str:
    bounds = [Decimal(limit) / MILLION for limit in limits if limit is not None]
    return cells_per_kg(count, places_beside(Decimal(count) / MILLION, bounds, places))


# --- elapsed times and durations as people read them (issue 10 §2) -----------------------------------------


def elapsed(span: timedelta | Decimal | int) -> str:
    """`2 h 55 min`, `2 days 4 h`, `3 h 1 s`: a timedelta, or a number of minutes, in days, hours, minutes
    and (only when not whole) seconds. Part-seconds are rounded UP, so a time just past a limit never reads
    as the limit itself. Plain integer arithmetic: any size prints, nothing overflows, never "3630196 min"."""
    if isinstance(span, timedelta):
        micro = (span.days * 86_400 + span.seconds) * 1_000_000 + span.microseconds
        seconds = -((-micro) // 1_000_000)
    else:
        seconds = int((Decimal(span) * 60).to_integral_value(rounding=ROUND_CEILING))
    sign = "minus " if seconds < 0 else ""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    mins, secs = divmod(rest, 60)
    parts = [f"{days:,} day{'s' if days != 1 else ''}" if days else "", f"{hours} h" if hours else "",
             f"{mins} min" if mins else "", f"{secs} s" if secs else ""]
    return sign + (" ".join(part for part in parts if part) or "0 min")
