"""The wording of every calculation step's working, as templates (issue 16), grouped by the step's label.

A step's `working` stays the English sentence it always was (the record keeps `"label: working"`, hashes, the
CLI and JSON never change); the template and its values travel beside it (`Step.of`), so the window and the
worksheet show the working in the reader's language with the very display texts of the English
(mscdose.i18n.step_working_text). The words are translated; the numbers and the operators (× ÷ = − ⌈ ⌉) stay
as the checker redoes them on a calculator.

Why grouped by label: a saved document keeps only the English, and many workings are pure arithmetic
(`{volume} ÷ {concentration} = {exact}`) that would fit almost any text. A saved step is therefore matched only
against the templates of ITS label (`TEMPLATES_BY_LABEL`, mscdose.i18n.record_step_text), never against the
flags' templates, and a flag's saved message is never matched against a step's template.

Only texts: nothing here decides anything, and nothing imports the engine (engine.py, plausibility.py and
engine_steps.py all take their wording from here).
"""

from __future__ import annotations

import re

from mscdose.core.messages import QT_TRANSLATE_NOOP

WEIGHT = QT_TRANSLATE_NOOP("CoreMessage", "{typed} = {weight}")
WEIGHT_POUNDS = QT_TRANSLATE_NOOP("CoreMessage", "{typed} = {weight} (1 lb = 0.45359237 kg)")
TARGET_PER_KG = QT_TRANSLATE_NOOP("CoreMessage", "{per_kg} × {weight} = {target}")
TARGET_TOTAL = QT_TRANSLATE_NOOP("CoreMessage", "{target} (prescribed as a total)")
VIABLE_FROM_TOTAL = QT_TRANSLATE_NOOP("CoreMessage", "{concentration} × {viability} ÷ 100 = {viable}")
VIABLE_COUNTED = QT_TRANSLATE_NOOP("CoreMessage", "{viable} (the lot count is of viable cells; viability "
                                   "{viability} is checked, not applied again)")
BASIS_TOTAL = QT_TRANSLATE_NOOP("CoreMessage", "the protocol counts all cells: {concentration}")
EXACT_VOLUME = QT_TRANSLATE_NOOP("CoreMessage", "{target} ÷ {concentration} = {exact}")
VOLUME_TO_DRAW = QT_TRANSLATE_NOOP("CoreMessage", "{exact} rounded to the nearest {increment} (ties up) = {rounded}")
KEPT_INSIDE = QT_TRANSLATE_NOOP("CoreMessage", "{volume} would deliver {value}, {limit}; the nearest measurable "
                                "volume that stays inside is {other}")
NONE_INSIDE_OTHER = QT_TRANSLATE_NOOP("CoreMessage", "{volume} would deliver {value}, {limit}, and {other} is "
                                      "outside the window too (multiples of {increment})")
NONE_INSIDE_ZERO = QT_TRANSLATE_NOOP("CoreMessage", "{volume} would deliver {value}, {limit}, and 0 mL delivers "
                                     "nothing (multiples of {increment})")
DELIVERED = QT_TRANSLATE_NOOP("CoreMessage", "{volume} × {concentration} = {delivered} ({basis})")
BASIS_VIABLE_WORD = QT_TRANSLATE_NOOP("CoreMessage", "viable cells")
BASIS_ALL_WORD = QT_TRANSLATE_NOOP("CoreMessage", "cells (all)")
DELIVERED_PER_KG = QT_TRANSLATE_NOOP("CoreMessage", "{delivered} ÷ {weight} = {per_kg}")
BAGS = QT_TRANSLATE_NOOP("CoreMessage", "⌈{volume} ÷ {bag}⌉ = {bags} ({available} available, {total} in all)")
FINAL_VOLUME = QT_TRANSLATE_NOOP("CoreMessage", "the larger of {site} (site) and {volume} = {final}; diluent "
                                 "{final} − {volume} = {diluent}")
RATE = QT_TRANSLATE_NOOP("CoreMessage", "{final} ÷ {duration} × 60 = {rate}")
RATE_SET = QT_TRANSLATE_NOOP("CoreMessage", "{final} ÷ {duration} × 60 = {exact}, set to the nearest 0.1 mL/h "
                             "= {rate}")
DRIP = QT_TRANSLATE_NOOP("CoreMessage", "{final} × {factor} gtt/mL ÷ {duration} = {exact}, rounded to whole drops "
                         "(ties up) = {drip}")
FINISH_BY = QT_TRANSLATE_NOOP("CoreMessage", "thawed {thawed} + {allowed} = {finish}")
START_BY = QT_TRANSLATE_NOOP("CoreMessage", "finish by {finish} − {duration} infusion = {start}")
START_NEVER = QT_TRANSLATE_NOOP("CoreMessage", "finish by {finish} − {duration} infusion = never")
LABEL_CHECK = QT_TRANSLATE_NOOP("CoreMessage", "{concentration} × {bag} = {counted} per bag; label {label}; "
                                "difference {difference}")
LABEL_CHECK_TOLERANCE = QT_TRANSLATE_NOOP("CoreMessage", "{concentration} × {bag} = {counted} per bag; label "
                                          "{label}; difference {difference} (tolerance {tolerance})")
DMSO = QT_TRANSLATE_NOOP("CoreMessage", "{volume} × {percent} ({origin}) × {density} g/mL = {grams} g; ÷ {weight} = "
                         "{per_kg} g/kg (limit {maximum} g/kg/day)")

# A step's label -> the templates its working can be written with (a saved step is read back only with these)
TEMPLATES_BY_LABEL: dict[str, tuple[str, ...]] = {
    "Weight": (WEIGHT, WEIGHT_POUNDS),
    "Target dose": (TARGET_PER_KG, TARGET_TOTAL),
    "Viable concentration": (VIABLE_FROM_TOTAL, VIABLE_COUNTED),
    "Dose basis": (BASIS_TOTAL,),
    "Exact volume": (EXACT_VOLUME,),
    "Volume to draw": (VOLUME_TO_DRAW,),
    "Kept inside the window": (KEPT_INSIDE,),
    "No measurable volume inside the window": (NONE_INSIDE_OTHER, NONE_INSIDE_ZERO),
    "Dose delivered": (DELIVERED,),
    "Dose delivered per kg": (DELIVERED_PER_KG,),
    "Bags needed": (BAGS,),
    "Final volume": (FINAL_VOLUME,),
    "Infusion rate": (RATE, RATE_SET),
    "Drip rate": (DRIP,),
    "Finish by": (FINISH_BY,),
    "Start by": (START_BY, START_NEVER),
    "Label cross-check": (LABEL_CHECK, LABEL_CHECK_TOLERANCE),
    "DMSO delivered": (DMSO,),
}

# Every template that is a whole working (not the words inside one): never used to read a flag's message
WORKING_TEMPLATES = frozenset(template for group in TEMPLATES_BY_LABEL.values() for template in group)

# The values of a working that are words (translated in their turn: the dose basis, where a value comes from, the
# limit a rounded volume would breach); every other value is a display text, read back from a saved step as it is
WORD_PARAMS = frozenset({"basis", "origin", "limit"})
DISPLAY_PARAMS = frozenset(re.findall(r"\{(\w+)\}", " ".join(WORKING_TEMPLATES))) - WORD_PARAMS
