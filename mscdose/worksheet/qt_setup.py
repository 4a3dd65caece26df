"""The Qt pieces the worksheet needs before it can draw: an application object and the bundled fonts.

Fonts come from `resources/fonts` (DejaVu Sans Condensed, Bitstream Vera licence) rather than the
system, so a worksheet looks the same, and breaks lines at the same places, on every machine; QPdfWriter
embeds them in the PDF (only the glyphs used).

Chinese (issue 16): DejaVu has no CJK glyphs, so a subset of Noto Sans CJK SC (OFL; every GBK character, the
CJK Unified Ideographs block and Extension A: GB 18030 level 1; made by packaging/make_cjk_font.py) is
registered too and set as DejaVu's substitute: Qt takes any character DejaVu lacks from it, on a Chinese
worksheet and on an English one with a Chinese patient name alike, never from whatever the system has.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase

from mscdose.core.paths import resource

FONT_FILES = ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans Condensed"
CJK_FONT_FILE = "NotoSansSC-mscdose.otf"  # issue 16


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new one (fonts and QPdfWriter need one).

    A QApplication rather than a QGuiApplication, so that the window can still be opened in the same
    process. When the worksheet is the first to need Qt (the CLI, a test) no screen is needed: the
    offscreen platform is used unless the caller chose a platform.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["mscdose-worksheet"])


@cache
def font_family() -> str:
    """Register the bundled fonts once and return their family name."""
    ensure_app()
    family = FALLBACK_FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFontFromData(resource("fonts", name).read_bytes())
        if font_id < 0:
            raise RuntimeError(f"the bundled font {name} could not be loaded: the installation is incomplete")
        families = QFontDatabase.applicationFontFamilies(font_id)
        if FALLBACK_FAMILY not in families and families:
            family = families[-1]
    QFont.insertSubstitution(family, cjk_family())  # issue 16: CJK characters from the bundled font
    return family


@cache
def cjk_family() -> str:
    """Register the bundled CJK font once (issue 16) and return its family name."""
    ensure_app()
    font_id = QFontDatabase.addApplicationFontFromData(resource("fonts", CJK_FONT_FILE).read_bytes())
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"the bundled font {CJK_FONT_FILE} could not be loaded: the installation is incomplete")
    return families[0]
