"""Words the core writes in English that the worksheet prints translated: flag titles by code and the labels
of the calculation steps.

The core stays English and Qt-free (its messages are also the record's wording); the worksheet prints, in
Chinese, a title for each flag code followed by the core's detailed message in English, and each step's
label in Chinese followed by the core's working (numbers with the units of `i18n.units_for`). The strings
are marked with QT_TRANSLATE_NOOP so pyside6-lupdate puts them in translations/mscdose_zh_CN.ts; a test
checks that every flag code the core can raise and every step label has a title here.
"""

from __future__ import annotations

from mscdose.i18n import QT_TRANSLATE_NOOP, translate

FLAG_TITLES: dict[str, str] = {
    "DOSE_BELOW_RANGE": QT_TRANSLATE_NOOP("FlagTitle", "Dose below the protocol window"),
    "DOSE_ABOVE_RANGE": QT_TRANSLATE_NOOP("FlagTitle", "Dose above the protocol window"),
    "VIABILITY_BELOW_MINIMUM": QT_TRANSLATE_NOOP("FlagTitle", "Viability below the release minimum"),
    "INSUFFICIENT_PRODUCT": QT_TRANSLATE_NOOP("FlagTitle", "Not enough product"),
    "POST_THAW_EXPIRED": QT_TRANSLATE_NOOP("FlagTitle", "Post-thaw time limit passed"),
    "VOLUME_ROUNDS_TO_ZERO": QT_TRANSLATE_NOOP("FlagTitle", "Volume rounds to zero"),
    "AGE_OUTSIDE_ELIGIBILITY": QT_TRANSLATE_NOOP("FlagTitle", "Age outside the eligibility window"),
    "WEIGHT_UNUSUAL": QT_TRANSLATE_NOOP("FlagTitle", "Unusual weight"),
    "ELIGIBILITY_UNCONFIRMED": QT_TRANSLATE_NOOP("FlagTitle", "Eligibility not confirmed"),
    "ELIGIBILITY_HARD_UNMET": QT_TRANSLATE_NOOP("FlagTitle", "Mandatory eligibility criterion not met"),
    "REPEAT_INFUSION_SAME_LOT_DAY": QT_TRANSLATE_NOOP("FlagTitle", "Second infusion of this lot today"),
    "VOLUME_ROUNDED": QT_TRANSLATE_NOOP("FlagTitle", "Volume rounded"),
    "FINAL_VOLUME_RAISED": QT_TRANSLATE_NOOP("FlagTitle", "Final volume raised"),
    "AGE_NOT_ENTERED": QT_TRANSLATE_NOOP("FlagTitle", "Age not entered"),
    "THAW_TIME_NOT_ENTERED": QT_TRANSLATE_NOOP("FlagTitle", "Thaw time not entered"),
    "PROTOCOL_NOT_APPROVED": QT_TRANSLATE_NOOP("FlagTitle", "Protocol not approved"),
    "INFUSION_ENDS_AFTER_LIMIT": QT_TRANSLATE_NOOP("FlagTitle", "Infusion would end after the limit"),
    "INFUSION_LIMIT_REACHED": QT_TRANSLATE_NOOP("FlagTitle", "Number of infusions reached"),
    "AGE_DOB_MISMATCH": QT_TRANSLATE_NOOP("FlagTitle", "Age and date of birth disagree"),
    "VOLUME_ROUNDED_INTO_WINDOW": QT_TRANSLATE_NOOP("FlagTitle", "Volume rounded into the window"),
    "PRODUCT_NOT_IN_PROTOCOL": QT_TRANSLATE_NOOP("FlagTitle", "Product not accepted by the protocol"),
    "PRODUCT_EXPIRED": QT_TRANSLATE_NOOP("FlagTitle", "Product expired"),
    "BAG_DIN_MISMATCH": QT_TRANSLATE_NOOP("FlagTitle", "Bags from different donations"),
    "BAG_PRODUCT_MISMATCH": QT_TRANSLATE_NOOP("FlagTitle", "Bags with different product codes"),
    "PRODUCT_CODE_NOT_LISTED": QT_TRANSLATE_NOOP("FlagTitle", "Product code not listed"),
    "CONCENTRATION_UNUSUAL": QT_TRANSLATE_NOOP("FlagTitle", "Unusual concentration"),
    "LABEL_COUNT_MISMATCH": QT_TRANSLATE_NOOP("FlagTitle", "Label cell count disagrees"),
    "DURATION_OUTSIDE_RANGE": QT_TRANSLATE_NOOP("FlagTitle", "Duration outside the range"),
    "DROP_FACTOR_NOT_IN_LIST": QT_TRANSLATE_NOOP("FlagTitle", "Drop factor not stocked"),
    "INCREMENT_NOT_IN_LIST": QT_TRANSLATE_NOOP("FlagTitle", "Volume step not stocked"),
    "RATE_ABOVE_MAXIMUM": QT_TRANSLATE_NOOP("FlagTitle", "Rate above the maximum"),
    "VOLUME_ABOVE_MAXIMUM_PER_KG": QT_TRANSLATE_NOOP("FlagTitle", "Volume above the maximum per kg"),
    "DMSO_ABOVE_LIMIT": QT_TRANSLATE_NOOP("FlagTitle", "DMSO above the limit"),
}

STEP_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Step", "Weight"),
    QT_TRANSLATE_NOOP("Step", "Target dose"),
    QT_TRANSLATE_NOOP("Step", "Viable concentration"),
    QT_TRANSLATE_NOOP("Step", "Dose basis"),
    QT_TRANSLATE_NOOP("Step", "Exact volume"),
    QT_TRANSLATE_NOOP("Step", "Volume to draw"),
    QT_TRANSLATE_NOOP("Step", "Kept inside the window"),
    QT_TRANSLATE_NOOP("Step", "No measurable volume inside the window"),
    QT_TRANSLATE_NOOP("Step", "Dose delivered"),
    QT_TRANSLATE_NOOP("Step", "Dose delivered per kg"),
    QT_TRANSLATE_NOOP("Step", "Bags needed"),
    QT_TRANSLATE_NOOP("Step", "Final volume"),
    QT_TRANSLATE_NOOP("Step", "Infusion rate"),
    QT_TRANSLATE_NOOP("Step", "Drip rate"),
    QT_TRANSLATE_NOOP("Step", "Finish by"),
    QT_TRANSLATE_NOOP("Step", "Start by"),
    QT_TRANSLATE_NOOP("Step", "Label cross-check"),
    QT_TRANSLATE_NOOP("Step", "DMSO delivered"),
)


def flag_title(code: str) -> str:
    """The flag's title in the current language; "" for English (the code and message say it) or an unknown
    code (a newer core: its English message still prints)."""
    english = FLAG_TITLES.get(code)
    if not english:
        return ""
    title = translate("FlagTitle", english)
    return "" if title == english else title


def step_label(label: str) -> str:
    return translate("Step", label) if label in STEP_LABELS else label
