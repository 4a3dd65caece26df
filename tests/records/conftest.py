"""Fixtures of the records tests: a fresh store in the isolated data folder (see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mscdose.records.store import RecordStore


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "records.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[RecordStore]:
    with RecordStore(store_path) as opened:
        yield opened
