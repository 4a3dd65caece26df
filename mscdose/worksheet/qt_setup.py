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


def _guard_against_none_refcount_leak() -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a method returning
    nothing (CPython 3.12+ makes None immortal, so there it is harmless). None starts with a few thousand
    references, so a process making a few thousand such calls (about 90 per worksheet) dies with "Fatal
    Python error: none_dealloc", at the latest when it exits. Until the dependency is pinned to a fixed
    release, None is given a million references that are never released (None is never freed anyway).
    On any other version this does nothing."""
    global _GUARDED
    if _GUARDED:
        return
    _GUARDED = True
    import ctypes
    import sys

    import PySide6

    if sys.version_info < (3, 12) and tuple(PySide6.__version_info__[:3]) == (6, 12, 0):
        ctypes.c_ssize_t.from_address(id(None)).value += 1_000_000


_GUARDED = False


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new one (fonts and QPdfWriter need one).

    A QApplication rather than a QGuiApplication, so that the window can still be opened in the same
    process. When the worksheet is the first to need Qt (the CLI, a test) no screen is needed: the
    offscreen platform is used unless the caller chose a platform.
    """
    _guard_against_none_refcount_leak()
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
