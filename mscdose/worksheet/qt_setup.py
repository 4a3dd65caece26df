"""The Qt pieces the worksheet needs before it can draw: an application object and the bundled fonts.

Fonts come from `resources/fonts` (DejaVu Sans Condensed, Bitstream Vera licence) rather than the
system, so a worksheet looks the same, and breaks lines at the same places, on every machine; QPdfWriter
embeds them in the PDF.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from mscdose.core.paths import resource

FONT_FILES = ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans Condensed"


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
    return family
