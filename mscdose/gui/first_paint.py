"""What the window leaves until just after it is first painted, and the application icon.

Start-up speed: a user judges the program by when its window appears, so whatever the first paint does
not need (the protocol files, the engine, the log file) runs just after it, each in its own turn of the
event loop so that input is not held up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ICON_FILE = "mscdose.png"  # a copy of packaging/icons/mscdose.png (the executable's icon)


class FirstPaint(QObject):
    """Runs callbacks once, in the order they were given, just after the window's next paint (the first:
    the moment a user sees it); `during` ones run at the paint itself, before the frame is shown (keep them
    tiny). The filter then takes itself off the window, so that later events do not pass through Python for
    it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.callbacks: list[Callable[[], None]] = []
        self.during: list[Callable[[], None]] = []
        self.watching = False

    def add(self, window: QObject, callback: Callable[[], None], *, during: bool = False) -> None:
        (self.during if during else self.callbacks).append(callback)
        if not self.watching:
            self.watching = True
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self.callbacks or self.during) and event.type() == QEvent.Type.Paint:
            (callbacks, self.callbacks), (during, self.during) = (self.callbacks, []), (self.during, [])
            watched.removeEventFilter(self)
            self.watching = False
            for callback in during:
                callback()
            for callback in callbacks:
                QTimer.singleShot(0, callback)
        return False


_INPUT = QEvent.Type
# What a person does: keys (and the shortcut check before a key), text from an input method, the mouse, the
# wheel, a touch, a tablet, a context menu, a drop.
INPUT_EVENTS = frozenset({
    _INPUT.KeyPress, _INPUT.KeyRelease, _INPUT.ShortcutOverride, _INPUT.InputMethod, _INPUT.MouseButtonPress,
    _INPUT.MouseButtonRelease, _INPUT.MouseButtonDblClick, _INPUT.Wheel, _INPUT.TouchBegin, _INPUT.TabletPress,
    _INPUT.ContextMenu, _INPUT.DragEnter, _INPUT.Drop,
})  # fmt: skip


class BeforeInput(QObject):
    """Runs a callback once, before the application delivers its next input event (`INPUT_EVENTS`) to any
    object, then takes itself off the application. Until then every event of the application passes through
    Python for it: PySide wraps each one, making the Python type of each kind of event on its first use
    (installed before the window was shown, it made the first paint 45 ms later), so keep it for moments."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback: Callable[[], None] | None = callback
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)

    def stop(self) -> None:
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)
        self.callback = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.callback is not None and event.type() in INPUT_EVENTS:
            callback = self.callback
            self.stop()
            callback()
        return False


def set_application_icon(window: QWidget | None = None) -> bool:
    """Give the application (every window and dialog) the mscdose icon from resources/icons. A missing or
    unreadable icon is not worth a message: the window works without it. Returns whether it was set."""
    from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

    from mscdose.core.paths import resource

    try:
        data = resource("icons", ICON_FILE).read_bytes()
    except OSError:
        return False
    pixmap = QPixmap()
    if not pixmap.loadFromData(data, "PNG"):
        return False
    icon = QIcon(pixmap)
    QGuiApplication.setWindowIcon(icon)
    if window is not None:
        window.setWindowIcon(icon)
    return True
