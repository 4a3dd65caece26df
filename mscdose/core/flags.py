"""Flags raised by the dose engine, modelled on smart-pump dose-error-reduction libraries.

hard: cannot be overridden; the worksheet cannot be finalised. soft: needs a recorded reason and initials.
info: shown quietly. Soft flags are kept few on purpose: too many teach people to click through them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from mscdose.core.messages import Message, Param, remember

Severity = Literal["hard", "soft", "info"]

# code -> (severity, why). Hard flags other than the five the domain names are documented here.
CATALOGUE: dict[str, tuple[Severity, str]] = {
    "DOSE_BELOW_RANGE": ("hard", "dose delivered below the protocol window"),
    "DOSE_ABOVE_RANGE": ("hard", "dose delivered above the protocol window"),
    "VIABILITY_BELOW_MINIMUM": ("hard", "post-thaw viability below the release minimum"),
    "INSUFFICIENT_PRODUCT": ("hard", "the bags available hold less than the volume to draw"),
    "POST_THAW_EXPIRED": ("hard", "more time has passed since thaw than the protocol allows"),
    # A real safety stop: a volume that rounds to zero would prepare an infusion with no cells in it.
    "VOLUME_ROUNDS_TO_ZERO": ("hard", "the volume to draw rounds to 0 mL at the measurable increment"),
    "AGE_OUTSIDE_ELIGIBILITY": ("soft", "age outside the protocol's eligibility window"),
    "WEIGHT_UNUSUAL": ("soft", "weight outside the usual adult range: often a unit or typing error"),
    # Raised at finalising, not by compute(): they depend on the checklist and the record history.
    "ELIGIBILITY_UNCONFIRMED": ("soft", "protocol eligibility criteria not all confirmed"),
    "REPEAT_INFUSION_SAME_LOT_DAY": ("soft", "this patient already had an infusion of this lot today"),
    "VOLUME_ROUNDED": ("info", "the volume was rounded to a measurable increment"),
    "FINAL_VOLUME_RAISED": ("info", "the cell volume exceeds the site final volume, so no diluent is added"),
    "AGE_NOT_ENTERED": ("info", "no age was entered, so age eligibility was not checked"),
    "THAW_TIME_NOT_ENTERED": ("info", "no thaw time was entered, so the post-thaw limit was not checked"),
    # --- issues 10 and 19 (engine): approved rules, time of use, one infusion, the screen agrees --------------
    "PROTOCOL_NOT_APPROVED": ("hard", "the protocol file is not approved at this site: preview only"),
    "INFUSION_ENDS_AFTER_LIMIT": ("hard", "an infusion started now would finish after the post-thaw limit"),
    "INFUSION_LIMIT_REACHED": ("hard", "the patient already has the protocol's number of final infusions"),
    "AGE_DOB_MISMATCH": ("hard", "the typed age disagrees with the date of birth: wrong patient or typing error"),
    "VOLUME_ROUNDED_INTO_WINDOW": ("info", "the volume was rounded the other way so the dose stays inside the window"),
    # --- issue 13: the scanned product labels (core/product_checks.py). Hard: no reason makes them right. ---
    "PRODUCT_NOT_IN_PROTOCOL": ("hard", "the scanned product is not one the protocol accepts (or not a cellular "
                                        "therapy product)"),
    "PRODUCT_EXPIRED": ("hard", "the product's expiry (from its label, scanned or typed) has passed"),
    "BAG_DIN_MISMATCH": ("hard", "the bags scanned for one infusion carry different DINs (two donations)"),
    "BAG_PRODUCT_MISMATCH": ("hard", "the bags scanned for one infusion carry different product codes"),
    "PRODUCT_CODE_NOT_LISTED": ("info", "the protocol lists no product codes: the scanned code was only checked "
                                        "to be a cellular therapy product"),
    # --- end issue 13 ---
    # issue 11: plausibility of the lot and the preparation (core/plausibility.py) and hard eligibility
    "CONCENTRATION_UNUSUAL": ("soft", "lot concentration outside the usual range for this product: often a ten-fold "
                                      "typing slip"),
    "LABEL_COUNT_MISMATCH": ("hard", "concentration × bag volume disagrees with the label's cells per bag"),
    "DURATION_OUTSIDE_RANGE": ("hard", "infusion duration outside the site range"),
    "DROP_FACTOR_NOT_IN_LIST": ("hard", "drop factor is not one of the site's giving sets"),
    "INCREMENT_NOT_IN_LIST": ("hard", "volume increment is not a step the site can measure"),
    "RATE_ABOVE_MAXIMUM": ("hard", "infusion rate above the site maximum"),
    "VOLUME_ABOVE_MAXIMUM_PER_KG": ("hard", "total infusion volume per kg above the site maximum"),
    "DMSO_ABOVE_LIMIT": ("hard", "DMSO delivered above the daily limit per kg"),
    "ELIGIBILITY_HARD_UNMET": ("hard", "a hard eligibility criterion (consent, age window) is not confirmed as met"),
}


@dataclass(frozen=True)
class Flag:
    """`message` is the English text the record keeps. Raised with a core.messages.Message (`said(...)`), the
    flag also keeps its `template` and `params` for a window or worksheet in another language
    (mscdose.i18n.message_text); they are not part of the record, nor of equality."""

    code: str
    severity: Severity
    field: str
    message: str
    template: str = dataclasses.field(default="", compare=False, repr=False)
    params: Mapping[str, Param] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.message, Message):
            said = self.message
            object.__setattr__(self, "message", remember(said))
            object.__setattr__(self, "template", said.template)
            object.__setattr__(self, "params", said.params)

    @property
    def said(self) -> Message | None:
        """The message as a template and its values (None when it was raised as plain text)."""
        return Message(self.template, self.params) if self.template else None

    @classmethod
    def raise_(cls, code: str, field: str, message: str | Message) -> Flag:
        return cls(code=code, severity=CATALOGUE[code][0], field=field, message=message)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity, "field": self.field, "message": self.message}


def status_of(flags: tuple[Flag, ...] | list[Flag]) -> str:
    """`blocked` on any hard flag, else `warning` on any soft flag, else `ok`."""
    severities = {flag.severity for flag in flags}
    if "hard" in severities:
        return "blocked"
    if "soft" in severities:
        return "warning"
    return "ok"
