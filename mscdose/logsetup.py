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

log = logging.getLogger(LOGGER_NAME)


def setup_logging() -> Path | None:
    """Log to `mscdose.datadir.log_path()`. Returns the file, or None when it cannot be opened (a read-only
    profile must not stop mscdose from working). Calling it again does nothing more, unless the data folder
    has changed (MSCDOSE_DATA_DIR), when the log follows it."""
    from logging.handlers import RotatingFileHandler

    try:
        path = log_path()
        for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
            if old.baseFilename != str(path.absolute()):
                log.removeHandler(old)
                old.close()
        if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
            handler = RotatingFileHandler(path, maxBytes=_LOG_BYTES, backupCount=3, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            log.addHandler(handler)
        log.setLevel(logging.INFO)
        return path
    except OSError:
        return None


def describe_log_location() -> str:
    try:
        return str(log_path())
    except OSError as error:
        return f"(the log file could not be opened: {error.strerror})"
