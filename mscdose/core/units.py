"""The one pint registry of the program.

Magnitudes are `Decimal` so that a tie such as 12.25 mL is a tie, not 12.249999 in binary. The registry
is built from mscdose's own small definitions file (resources/units.txt) rather than pint's full default
set: it loads several times faster and cannot accept an exotic unit by accident.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pint

from mscdose.core.paths import resource


@cache
def registry() -> pint.UnitRegistry:
    definitions = resource("units.txt")
    ureg = pint.UnitRegistry(
        None,
        non_int_type=Decimal,
        autoconvert_offset_to_baseunit=False,
        cache_folder=None,
    )
    ureg.load_definitions(definitions.read_text(encoding="utf-8").splitlines())
    return ureg


def Q(value: Decimal | int | str, unit: str) -> pint.Quantity:
    """A quantity with a Decimal magnitude in the shared registry."""
    return registry().Quantity(Decimal(value), unit)
