"""The log file, set up once for every entry point (the window and the command line).

Every saved record, print and error must reach `mscdose.log` in the data folder whichever way it was made,
so the window and the CLI call `setup_logging()` here; modules log with `logging.getLogger(__name__)`,
whose names all sit under the `mscdose` logger that owns the file handler.

`logging.handlers` is imported inside the function: it costs about 6 ms (socket, pickle, queue), and the
window calls this only after its first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mscdose.datadir import log_path

LOGGER_NAME = "mscdose"
_LOG_BYTES = 1_000_000  # a megabyte of text is months of use; three old files are kept
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(LOGGER_NAME)


def setup_logging() -> Path | None:
    """Log to `mscdose.datadir.log_path()`. Returns the file, or None when it cannot be opened (a read-only
    profile must not stop mscdose from working). Calling it again does nothing more, unless the data folder
    has changed (MSCDOSE_DATA_DIR), when the log follows it."""
    from logging.handlers import RotatingFileHandler

    for waiting in [h for h in log.handlers if isinstance(h, OpenOnFirstRecord)]:
        log.removeHandler(waiting)
        waiting.close()
    try:
        path = log_path()
        for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
            if old.baseFilename != str(path.absolute()):
                log.removeHandler(old)
                old.close()
        if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
            handler = RotatingFileHandler(path, maxBytes=_LOG_BYTES, backupCount=3, encoding="utf-8")
            handler.setFormatter(logging.Formatter(_FORMAT))
            log.addHandler(handler)
        log.setLevel(logging.INFO)
        return path
    except OSError:
        return None


def log_on_first_record() -> None:
    """The command line's `setup_logging`: the same file, opened when the first record is logged. A command
    that logs nothing (a calculation) then never imports logging.handlers or platformdirs, nor touches the
    data folder: about 10 ms of every `mscdose calc` (issue 18). Every record still reaches the file."""
    if any(getattr(handler, "baseFilename", None) for handler in log.handlers):
        setup_logging()  # already open in this process: follow the data folder, as setup_logging does
        return
    for waiting in [h for h in log.handlers if isinstance(h, OpenOnFirstRecord)]:
        log.removeHandler(waiting)
        waiting.close()
    log.addHandler(OpenOnFirstRecord())
    log.setLevel(logging.INFO)


class OpenOnFirstRecord(logging.Handler):
    """Stands for the log file until a record comes, then opens it (as `setup_logging` would) and hands it
    that record and every later one. It never changes the logger's handlers while a record is being handed
    round (the file's handler is its own), so no record is lost or written twice."""

    def __init__(self) -> None:
        super().__init__()
        self.file: logging.Handler | None = None
        self.opened = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.opened:
            self.opened = True
            self.file = _file_handler()
        if self.file is not None:
            self.file.handle(record)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def _file_handler() -> logging.Handler | None:
    from logging.handlers import RotatingFileHandler

    try:
        handler = RotatingFileHandler(log_path(), maxBytes=_LOG_BYTES, backupCount=3, encoding="utf-8")
    except OSError:
        return None  # a read-only profile must not stop mscdose from working (as setup_logging)
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


def describe_log_location() -> str:
    try:
        return str(log_path())
    except OSError as error:
        return f"(the log file could not be opened: {error.strerror})"
