"""Run in a subprocess by test_pseudo_layout.py: the window under a pseudo-translation in which every
string is 40 % longer, at the screen size given, with the worked example typed; prints, as JSON, each
visible label and button whose text does not fit the room it was given."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget


class Longer(QTranslator):
    """Every source text 40 % longer (filler after the text, so Alt letters and {placeholders} survive)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source:
            return source
        lines = source.split("\n")
        return "\n".join(line + ("~" * math.ceil(len(line) * 0.4) if line.strip() else "") for line in lines)

    def isEmpty(self) -> bool:
        return False


def clipped(window: QWidget) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        room = label.contentsRect()
        if label.wordWrap():
            needed_height = label.heightForWidth(room.width())
            if needed_height > room.height() + 1:
                found.append({"label": label.text(), "need_height": needed_height, "height": room.height()})
        else:
            # the Alt letter's & is not drawn
            drawn = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            width = max(label.fontMetrics().horizontalAdvance(line) for line in drawn.split("\n"))
            if width > room.width() + 1:
                found.append({"label": label.text(), "need_width": width, "width": room.width()})
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text() and button.sizeHint().width() > button.width() + 1:
            found.append({"button": button.text(), "need_width": button.sizeHint().width(), "width": button.width()})
    return found


def main(folder: str) -> None:
    app = QApplication(sys.argv[:1])
    pseudo = Longer()
    app.installTranslator(pseudo)
    from mscdose.gui.main_window import MainWindow
    from mscdose.settings import Settings

    window = MainWindow(Settings(str(Path(folder) / "settings.ini")))
    window.questions.confirm_discard = lambda title, text: True  # type: ignore[method-assign]
    window.show()
    window.fill_demo()
    for _ in range(8):  # wrapped labels settle over a few layout passes
        app.processEvents()
    window.grab().save(str(Path(folder) / "pseudo.png"), "PNG")
    print(json.dumps({"window": [window.width(), window.height()], "clipped": clipped(window),
                      "sample": window.results.status_meaning.text()}))
    window.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
