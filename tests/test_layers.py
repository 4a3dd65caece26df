"""The layer contracts of pyproject.toml hold: imports point down, core and records never reach Qt.

Checked with import-linter over the real import graph. The second test proves the check can fail: the same
graph against the layers turned upside down must be refused (the front ends do import core).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _keep_loggers_enabled() -> Iterator[None]:
    """import-linter configures logging with `disable_existing_loggers`, which would silence mscdose's own
    loggers for every later test in this process (the log-file tests then fail)."""
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
    yield
    for logger in loggers:
        logger.disabled = False


def test_the_layer_contracts_of_pyproject_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_an_upward_import_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "upside-down.ini"
    config.write_text(
        "[importlinter]\nroot_package = mscdose\n\n"
        "[importlinter:contract:upside-down]\nname = core above the command line\ntype = layers\n"
        "layers =\n    mscdose.core\n    mscdose.cli\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(config), no_cache=True) == 1
