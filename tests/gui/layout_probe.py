"""Run in a subprocess by test_layout.py: one QApplication per screen size and scale (Qt reads
QT_SCALE_FACTOR and QT_FONT_DPI once, when the application starts). Opens the window as a user would,
types the worked example, then a blocked and a soft-flagged variant, and prints, as JSON, where the
parts that must stay in sight are, with a screenshot of each state in the given folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget


def placement(window: QWidget, widget: QWidget) -> dict[str, object]:
    """The widget's rectangle in window coordinates, and how much of it is actually unobscured."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    visible = widget.visibleRegion().boundingRect()
    return {"rect": [rect.x(), rect.y(), rect.width(), rect.height()], "shown": widget.isVisible(),
            "unobscured": [visible.width(), visible.height()]}


def main(folder: str) -> None:
    app = QApplication(sys.argv[:1])
    from mscdose.gui.main_window import MainWindow
    from mscdose.settings import Settings

    window = MainWindow(Settings(str(Path(folder) / "settings.ini")))
    window.questions.confirm_discard = lambda title, text: True  # type: ignore[method-assign]
    window.show()
    states = {"worked": {}, "blocked": {"bags": "1"}, "soft": {"bags": "2", "weight": "160"}}
    report: dict[str, object] = {}
    window.fill_demo()
    for state, changes in states.items():
        for key, text in changes.items():
            window.rows[key].edit.setText(text)
        for _ in range(6):  # wrapped labels settle over a few layout passes
            app.processEvents()
        frame = window.frameGeometry()
        area = window.screen().availableGeometry()
        report[state] = {
            "window": [window.width(), window.height()],
            "fits_screen": area.contains(frame),
            "screen": [area.width(), area.height()],
            "status": window.results.status.text(),
            "parts": {name: placement(window, widget) for name, widget in (
                ("results", window.results), ("status", window.results.status),
                ("volume", window.results.volume), ("finalize", window.actions.finalize_button),
                ("banners", window.flags.banners), ("flags", window.details))},
        }
        window.grab().save(str(Path(folder) / f"{state}.png"), "PNG")
    print(json.dumps(report))
    window.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
