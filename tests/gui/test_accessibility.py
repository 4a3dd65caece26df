"""Issue 15, accessibility: every input, result and flag has an accessible name and description; text stays
readable under a dark high-contrast palette (colours come from the palette, or come as a readable pair);
text scales with the system font."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow
from mscdose.settings import Settings

FLAG_AND_RESULT_LABELS = {"hardBanner", "softBannerText", "statusMark", "resultsNote", "protocolSummary",
                          "eligibilitySummary"}


def spoken(window: MainWindow) -> list[QWidget]:
    """Every input, result and flag of the window: what a screen reader must be able to name."""
    widgets: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, QAbstractButton, QListWidget, QPlainTextEdit):
        widgets += [w for w in window.findChildren(kind) if w.objectName()
                    and not w.objectName().startswith("qt_") and not isinstance(w.parent(), QTabBar)]
    widgets += [w for w in window.findChildren(QLabel)
                if w.objectName().endswith(("Value", "Meaning", "Message", "Note")) or
                w.objectName() in FLAG_AND_RESULT_LABELS]
    return widgets


def test_every_input_result_and_flag_has_an_accessible_name_and_description(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    type_into("bagsInput", "1")  # a hard flag, and field messages made
    type_into("viabilityInput", "92x")
    widgets = spoken(worked)
    names = {w.objectName() for w in widgets}
    assert {"weightInput", "weightUnit", "volumeToDrawValue", "statusValue", "flagsList", "hardBanner",
            "finalizeButton", "viabilityInputMessage", "deliveredDoseValue"} <= names
    missing = [w.objectName() for w in widgets if not w.accessibleName() or not w.accessibleDescription()]
    assert missing == []


def test_the_accessibility_walk_catches_a_missing_description(window: MainWindow) -> None:
    window.rows["age"].edit.setAccessibleDescription("")
    assert [w for w in spoken(window) if not w.accessibleDescription()] == [window.rows["age"].edit]


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(window: QImage, widget: QWidget, top: QWidget) -> float:
    """WCAG contrast, as the user sees it in the window, between the widget's background (its corner
    pixel) and its most different pixel (the text)."""
    origin = widget.mapTo(top, widget.rect().topLeft())
    ratio = window.width() / top.width()
    left, upper = int(origin.x() * ratio), int(origin.y() * ratio)
    width, height = int(widget.width() * ratio), int(widget.height() * ratio)
    background = luminance(window.pixelColor(left + 1, upper + 1))
    # each distinct colour once: a widget has a few hundred colours and up to 100,000 pixels (suite time)
    colours = {window.pixel(x, y) for x in range(left, left + width) for y in range(upper, upper + height)}
    extreme = max((luminance(QColor.fromRgba(colour)) for colour in colours),
                  key=lambda value: abs(value - background))
    light, dark = max(background, extreme), min(background, extreme)
    return (light + 0.05) / (dark + 0.05)


def dark_high_contrast() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#000000"), (QPalette.ColorRole.WindowText, "#ffffff"),
                        (QPalette.ColorRole.Base, "#000000"), (QPalette.ColorRole.Text, "#ffffff"),
                        (QPalette.ColorRole.Button, "#000000"), (QPalette.ColorRole.ButtonText, "#ffff00"),
                        (QPalette.ColorRole.PlaceholderText, "#c0c0c0")):
        palette.setColor(role, QColor(color))
    return palette


@pytest.fixture
def dark_palette() -> Iterator[None]:
    """A dark high-contrast theme as the system gives it: the application's palette, before the window."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QPalette(app.palette())
    app.setPalette(dark_high_contrast())
    yield
    app.setPalette(original)


@pytest.mark.parametrize("state", [{}, {"bags": "1"}, {"weight": "160"}, {"viability": "92x"}])
def test_text_stays_readable_under_a_dark_high_contrast_palette(
        qtbot: QtBot, settings: Settings, dark_palette: None, state: dict[str, str]) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.fill_demo()
    for key, text in state.items():
        window.rows[key].edit.setText(text)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    shown = [w for w in window.findChildren(QLabel) if w.isVisible() and w.text().strip() and w.width() > 4
             and w.visibleRegion().boundingRect().size() == w.size()]
    assert len(shown) > 20
    poor = {w.objectName() or w.text()[:30]: round(contrast(image, w, window), 1) for w in shown
            if contrast(image, w, window) < 4.5}
    assert poor == {}
    # the results follow the palette (no colour of their own): white on black here
    value = window.results.delivered
    assert value.palette().color(value.foregroundRole()) == QColor("#ffffff")
    assert contrast(image, value, window) > 15


def test_no_style_sets_a_text_colour_without_its_background(worked: MainWindow,
                                                            type_into: Callable[[str, str], None]) -> None:
    type_into("bagsInput", "1")
    type_into("viabilityInput", "92x")
    for widget in worked.findChildren(QWidget):
        style = widget.styleSheet().replace(" ", "")
        if "color:" in style.replace("background-color:", ""):
            assert "background" in style, widget.objectName()
        assert "font-size" not in style, widget.objectName()  # no fixed sizes: text follows the system font


def test_text_scales_with_the_system_font(qtbot: QtBot, settings: Settings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QFont(app.font())
    try:
        sizes = []
        for points in (9.0, 13.5):  # 100 % and 150 % text
            font = QFont(original)
            font.setPointSizeF(points)
            app.setFont(font)
            window = MainWindow(settings)
            qtbot.addWidget(window)
            sizes.append((window.rows["weight"].edit.font().pointSizeF(), window.results.volume.font().pointSizeF()))
        assert sizes[1][0] == pytest.approx(sizes[0][0] * 1.5)
        assert sizes[1][1] == pytest.approx(sizes[0][1] * 1.5)
    finally:
        app.setFont(original)
