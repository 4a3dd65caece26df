"""What happens when something goes wrong that nobody planned for: log it, say so plainly, carry on.

A bedside tool must never fail silently nor vanish with a traceback and the entries lost. Every unexpected
exception is written with its traceback to the log file in the user's data folder, and a plain dialog says
what happened and where that file is; the window stays open with everything the user typed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from mscdose.logsetup import LOGGER_NAME, describe_log_location, log, setup_logging

__all__ = ["LOGGER_NAME", "describe_log_location", "log", "setup_logging"]

logger = logging.getLogger(__name__)


def unexpected_error_text(exc_type: type[BaseException], exc: BaseException) -> str:
    """The dialog text: what happened, that nothing typed was lost, and where the details are."""
    what = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
    from mscdose.gui.texts import translate

    return translate(
        "Messages",
        "Something unexpected went wrong inside mscdose.\n\n"
        "What happened: {what}\n\n"
        "Your entries are still on screen. Check the results again before using them; if this happens again, "
        "send the log file to your IT or pharmacy system contact.\n\n"
        "Log file: {log}").format(what=what, log=describe_log_location())


Shower = Callable[[str], None]


def _show_with_message_box(text: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "mscdose: unexpected error", text,
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setObjectName("unexpectedErrorDialog")
    box.exec()


class ExceptionHook:
    """Replacement for sys.excepthook: log, then show a dialog (never two at once for a burst of errors)."""

    def __init__(self, show: Shower = _show_with_message_box) -> None:
        self.show = show
        self._showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        setup_logging()  # at once if the error came before the first paint (does nothing if already done)
        logger.error("Unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if self._showing:
            return
        self._showing = True
        try:
            self.show(unexpected_error_text(exc_type, exc))
        except Exception:  # the dialog itself failing must not recurse into this hook
            logger.exception("Could not show the error dialog")
        finally:
            self._showing = False


def install_exception_hook(show: Shower = _show_with_message_box) -> ExceptionHook:
    hook = ExceptionHook(show)
    sys.excepthook = hook
    return hook
