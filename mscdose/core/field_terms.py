"""What each typed field is called, what it accepts (in words), and the values it can hold at all.

Data, split from core/parsing.py (which does the reading): each text is a translatable template
(`QT_TRANSLATE_NOOP("CoreMessage", ...)`, issue 16) that an error message quotes to the person who typed,
so the wording lives in one place and a translator finds every one of them.
"""

from __future__ import annotations

from decimal import Decimal

from mscdose.core.messages import QT_TRANSLATE_NOOP
from mscdose.core.unit_table import FACTORS

LABELS: dict[str, str] = {
    "weight": QT_TRANSLATE_NOOP("CoreMessage", "Weight"),
    "dose": QT_TRANSLATE_NOOP("CoreMessage", "Dose"),
    "concentration": QT_TRANSLATE_NOOP("CoreMessage", "Concentration"),
    "viability": QT_TRANSLATE_NOOP("CoreMessage", "Viability"),
    "bag_volume": QT_TRANSLATE_NOOP("CoreMessage", "Bag volume"),
    "bags": QT_TRANSLATE_NOOP("CoreMessage", "Bags available"),
    "age": QT_TRANSLATE_NOOP("CoreMessage", "Age"),
    "final_volume": QT_TRANSLATE_NOOP("CoreMessage", "Final volume"),
    "duration": QT_TRANSLATE_NOOP("CoreMessage", "Duration"),
    "drop_factor": QT_TRANSLATE_NOOP("CoreMessage", "Drop factor"),
    "increment": QT_TRANSLATE_NOOP("CoreMessage", "Volume increment"),
    "thawed_at": QT_TRANSLATE_NOOP("CoreMessage", "Thaw time"),
    "now": QT_TRANSLATE_NOOP("CoreMessage", "Current time"),
    "din": QT_TRANSLATE_NOOP("CoreMessage", "Donation identification number"),
}

ACCEPTED: dict[str, str] = {
    "weight": QT_TRANSLATE_NOOP("CoreMessage", "a weight from 0.1 to 700 kg with its unit kg, g or lb, such as "
                                "62 kg, 62.5 kg or 136 lb"),
    "dose": QT_TRANSLATE_NOOP("CoreMessage", "a number of cells with its unit, such as 150 million cells, 1.5e8 "
                              "cells or 150 x 10^6 cells, or a dose per kg such as 2 million cells/kg"),
    "concentration": QT_TRANSLATE_NOOP("CoreMessage", "cells per volume with the volume unit, such as 5 million "
                                       "cells/mL or 5e6 cells/mL"),
    "viability": QT_TRANSLATE_NOOP("CoreMessage", "a percentage above 1 and at most 100, such as 92 % or 92"),
    "bag_volume": QT_TRANSLATE_NOOP("CoreMessage", "a volume from 0.01 to 5000 mL with its unit mL or L, such as "
                                    "20 mL or 0.02 L"),
    "final_volume": QT_TRANSLATE_NOOP("CoreMessage", "a volume from 0.01 to 5000 mL with its unit mL or L, such as "
                                      "100 mL"),
    "increment": QT_TRANSLATE_NOOP("CoreMessage", "a volume from 0.0001 to 100 mL with its unit, such as 0.1 mL"),
    "duration": QT_TRANSLATE_NOOP("CoreMessage", "a time from 1 s to 7 days with its unit s, min or h, such as "
                                  "60 min or 1 h"),
    "drop_factor": QT_TRANSLATE_NOOP("CoreMessage", "drops per mL, such as 20 gtt/mL or 20"),
    "bags": QT_TRANSLATE_NOOP("CoreMessage", "a whole number of bags from 1 to 99, such as 2"),
    "age": QT_TRANSLATE_NOOP("CoreMessage", "an age in years from 0 to 130, such as 45 or 45 years"),
    "thawed_at": QT_TRANSLATE_NOOP("CoreMessage", "a date and time from 2000 to 2100 such as 2026-11-25T09:30 or "
                                   "2026-11-25 09:30"),
    "now": QT_TRANSLATE_NOOP("CoreMessage", "a date and time from 2000 to 2100 such as 2026-11-25T09:30 or "
                             "2026-11-25 09:30"),
}

MAX_LENGTH = 64  # characters: "1.5 × 10⁸ million cells/kg" is 26; anything far longer is not a quantity

# (field, kind) -> (lowest, highest) value in the kind's canonical unit, and the same as people read them.
# These are the values a field can hold at all; the protocol's clinical ranges are checked after parsing.
_BOUNDS: dict[tuple[str, str], tuple[Decimal, Decimal, str, str]] = {
    ("weight", "mass"): (Decimal("0.1"), Decimal(700), "0.1 kg", "700 kg"),
    ("dose", "cells"): (Decimal("1e4"), Decimal("1e13"), "10,000 cells", "10 million million cells"),
    ("dose", "cells_per_mass"): (Decimal(100), Decimal("1e11"), "100 cells/kg", "100,000 million cells/kg"),
    ("concentration", "cells_per_volume"): (Decimal(1000), Decimal("1e11"), "1,000 cells/mL",
                                            "100,000 million cells/mL"),
    ("bag_volume", "volume"): (Decimal("0.01"), Decimal(5000), "0.01 mL", "5000 mL"),
    ("final_volume", "volume"): (Decimal("0.01"), Decimal(5000), "0.01 mL", "5000 mL"),
    ("increment", "volume"): (Decimal("0.0001"), Decimal(100), "0.0001 mL", "100 mL"),
    ("duration", "time"): (Decimal(FACTORS["s"][1]), Decimal(7 * 24 * 60), "1 s", "7 days"),
    ("drop_factor", "drops_per_volume"): (Decimal("0.001"), Decimal(100), "0.001 gtt/mL", "100 gtt/mL"),
    ("age", "age"): (Decimal(0), Decimal(130), "0 years", "130 years"),
    ("viability", "percent"): (Decimal(0), Decimal(100), "0 %", "100 %"),
}
_FIELD_KIND = {"weight": QT_TRANSLATE_NOOP("CoreMessage", "a weight"),
               "dose": QT_TRANSLATE_NOOP("CoreMessage", "a number of cells or cells per kg"),
               "concentration": QT_TRANSLATE_NOOP("CoreMessage", "a concentration"),
               "viability": QT_TRANSLATE_NOOP("CoreMessage", "a percentage"),
               "bag_volume": QT_TRANSLATE_NOOP("CoreMessage", "a volume"),
               "final_volume": QT_TRANSLATE_NOOP("CoreMessage", "a volume"),
               "increment": QT_TRANSLATE_NOOP("CoreMessage", "a volume"),
               "duration": QT_TRANSLATE_NOOP("CoreMessage", "a time"),
               "drop_factor": QT_TRANSLATE_NOOP("CoreMessage", "a drop factor"),
               "age": QT_TRANSLATE_NOOP("CoreMessage", "an age")}
# core/units.py SPELLINGS' names of the kinds, marked here for translation (the same English texts)
_KIND_NAMES = (QT_TRANSLATE_NOOP("CoreMessage", "a weight"), QT_TRANSLATE_NOOP("CoreMessage", "a volume"),
               QT_TRANSLATE_NOOP("CoreMessage", "a time"), QT_TRANSLATE_NOOP("CoreMessage", "an age in years"),
               QT_TRANSLATE_NOOP("CoreMessage", "a number of cells"),
               QT_TRANSLATE_NOOP("CoreMessage", "a concentration"), QT_TRANSLATE_NOOP("CoreMessage", "a dose per kg"),
               QT_TRANSLATE_NOOP("CoreMessage", "a drop factor"), QT_TRANSLATE_NOOP("CoreMessage", "a percentage"))
# How an accepted spelling is written back in the echo of what was entered.
_ECHO_SPELLING = {"lbs": "lb", "ml": "mL", "l": "L", "uL": "µL", "μL": "µL", "sec": "s", "mins": "min",
                  "minute": "min", "minutes": "min", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
                  "yr": "years", "yrs": "years", "year": "years", "percent": "%"}
