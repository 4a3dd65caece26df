"""Where mscdose keeps its data (records, logs): the user's data folder, or MSCDOSE_DATA_DIR.

The environment variable lets tests use a temporary folder and lets a site keep data on a chosen drive.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MSCDOSE_DATA_DIR"


def data_dir(create: bool = True) -> Path:
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_path

        path = user_data_path("mscdose", appauthor=False)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return data_dir() / "mscdose.log"
