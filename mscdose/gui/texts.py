"""The window's words in the application's language (issue 16), and the plain text of a label.

`translate("Context", "English text")` is QCoreApplication.translate under a name pyside6-lupdate reads:
the translators `app.py` installs (mscdose's and Qt's own, `i18n.qt_translators`) answer it, so the whole
window follows the language chosen at start-up. Literals only (lupdate reads no f-strings); numbers go in
through `{named}` placeholders filled with `.format` after translating, so a translator can move them.

Chinese labels carry their Alt letter after the text, "体重(&W)：", as Chinese software does; `plain` gives
the words a person reads (and a screen reader says) in either language: "Weight", "体重".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from mscdose.i18n import QT_TRANSLATE_NOOP

_CHINESE_MNEMONIC = re.compile(r"\s*\(&[^&\s]\)")


def translate(context: str, text: str) -> str:
    """`text` in the language of the installed translators (the text itself in English)."""
    return QCoreApplication.translate(context, text)


def plain(label: str) -> str:
    """A label's words without its Alt letter and trailing colon or ellipsis: "Patient &ID:" -> "Patient
    ID", "患者编号(&I)：" -> "患者编号"."""
    text = _CHINESE_MNEMONIC.sub("", label).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":：…").rstrip()


def install_translators(app: object, language: str) -> list[object]:
    """Install Qt's and mscdose's translators of `language` on `app`; returns them (keep them alive: a
    QTranslator that is garbage-collected is silently uninstalled)."""
    from mscdose import i18n

    found = i18n.qt_translators(language)
    for translator in found:
        app.installTranslator(translator)  # type: ignore[attr-defined]
    return found


def unit_text(unit: str) -> str:
    """A unit as the window shows it in its language (docs/chinese.md, `i18n.units_for`): `million cells/mL`
    -> `× 10⁶ 个细胞/mL`, `gtt/mL` -> `滴/mL` in Chinese; as it is in English."""
    from mscdose.i18n import units_for

    return units_for(f"1 {unit}").removeprefix("1 ").strip()


def unit_text_in(text: str) -> str:
    """A text the program wrote (a value with its unit: `33 gtt/min`, `149.96 million cells`) with its units
    in the window's language; the digits are never touched (`i18n.units_for`)."""
    from mscdose.i18n import units_for

    return units_for(text)


# The core's names of the fields required before finalising (core/required.py READABLE), shown translated
# where the window lists what is missing; the core keeps its English names (the record's wording).
REQUIRED_NAMES = (
    QT_TRANSLATE_NOOP("Required", "patient id"), QT_TRANSLATE_NOOP("Required", "patient name"),
    QT_TRANSLATE_NOOP("Required", "date of birth or age"), QT_TRANSLATE_NOOP("Required", "date of birth"),
    QT_TRANSLATE_NOOP("Required", "age"), QT_TRANSLATE_NOOP("Required", "order reference"),
    QT_TRANSLATE_NOOP("Required", "prescriber"), QT_TRANSLATE_NOOP("Required", "order date"),
    QT_TRANSLATE_NOOP("Required", "lot number"),
    QT_TRANSLATE_NOOP("Required", "DIN (donation identification number)"),
    QT_TRANSLATE_NOOP("Required", "thaw time"), QT_TRANSLATE_NOOP("Required", "prepared by"),
    QT_TRANSLATE_NOOP("Required", "checked by"),
)


def required_names(names: Sequence[str]) -> list[str]:
    """The core's names of missing required fields in the window's language."""
    return [translate("Required", name) for name in names]
