"""Numbers as people must read them (ISMP): a leading zero (0.5 mL), no trailing zero (5 mL, not 5.0 mL),
cell counts in millions written out as a word, never `e` notation.

Everything shown on screen, in the CLI summary and on the worksheet goes through these functions, so the
rules live in one place.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

MILLION = Decimal(1_000_000)


def plain(value: Decimal | int, places: int = 4, grouping: bool = False) -> str:
    """`value` rounded half-up to at most `places` decimals, trailing zeros dropped, never in `e` notation."""
    number = Decimal(value)
    quantum = Decimal(1).scaleb(-places)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP) if places >= 0 else number
    text = f"{rounded:,f}" if grouping else f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def millions(cells: Decimal | int, places: int = 2) -> str:
    return plain(Decimal(cells) / MILLION, places, grouping=True)


def cells(count: Decimal | int, places: int = 2) -> str:
    """`149.96 million cells`."""
    return f"{millions(count, places)} million cells"


def cells_per_kg(count: Decimal | int, places: int = 3) -> str:
    return f"{millions(count, places)} million cells/kg"


def concentration(cells_per_ml: Decimal | int, places: int = 3) -> str:
    return f"{millions(cells_per_ml, places)} million cells/mL"


def ml(volume: Decimal | int, places: int = 4) -> str:
    return f"{plain(volume, places)} mL"


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
