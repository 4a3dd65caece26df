"""Shared test set-up: Qt renders offscreen, and no test ever touches the real user data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English unless a test asks for another language: on a machine with a Chinese locale the worksheet would
# otherwise follow the system (issue 16), and the English expectations would fail for the wrong reason.
os.environ["MSCDOSE_LANGUAGE"] = "en"

import pytest


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSCDOSE_DATA_DIR", str(tmp_path_factory.mktemp("mscdose-data")))
