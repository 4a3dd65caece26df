"""Draw the mscdose application icon and write it in each platform's format.

The icons are generated rather than drawn by hand so that anyone can rebuild them with nothing but the
runtime dependencies (Qt writes .ico and .icns through its own image plugins), and so that the picture
is reviewable as code. Run from the repository root after changing the drawing:

    python packaging/make_icons.py

Outputs (committed, used by build.spec): packaging/icons/mscdose.ico (Windows executable),
mscdose.icns (macOS bundle), mscdose.png (Linux desktop entry and any window icon).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed to draw

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICON_DIR = Path(__file__).resolve().parent / "icons"
TEAL = QColor("#0b6e69")
DROP = QColor("#d7f2ef")


def draw(size: int) -> QImage:
    """A rounded teal square holding a white infusion drop with a cross, readable from 16 px up."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(TEAL))
    painter.drawRoundedRect(QRectF(0.04 * s, 0.04 * s, 0.92 * s, 0.92 * s), 0.2 * s, 0.2 * s)

    drop = QPainterPath()
    drop.moveTo(QPointF(0.5 * s, 0.14 * s))
    drop.cubicTo(QPointF(0.62 * s, 0.34 * s), QPointF(0.78 * s, 0.5 * s), QPointF(0.78 * s, 0.62 * s))
    drop.arcTo(QRectF(0.22 * s, 0.34 * s, 0.56 * s, 0.56 * s), 0.0, -180.0)
    drop.cubicTo(QPointF(0.22 * s, 0.5 * s), QPointF(0.38 * s, 0.34 * s), QPointF(0.5 * s, 0.14 * s))
    painter.setBrush(QBrush(DROP))
    painter.drawPath(drop)

    pen = QPen(TEAL, max(1.0, 0.07 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(0.5 * s, 0.5 * s), QPointF(0.5 * s, 0.76 * s))
    painter.drawLine(QPointF(0.37 * s, 0.63 * s), QPointF(0.63 * s, 0.63 * s))

    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - fonts need an application
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    written = {
        "mscdose.png": draw(256).save(str(ICON_DIR / "mscdose.png"), "PNG"),
        # Qt's ICO writer stores one image; 256 px is scaled down well by Windows for 16-48 px.
        "mscdose.ico": draw(256).save(str(ICON_DIR / "mscdose.ico"), "ICO"),
        "mscdose.icns": draw(512).save(str(ICON_DIR / "mscdose.icns"), "ICNS"),
    }
    for name, ok in written.items():
        print(f"{'wrote' if ok else 'FAILED'} {ICON_DIR / name}")
    return 0 if all(written.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
