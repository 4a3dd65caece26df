"""Shared test set-up: Qt renders offscreen, and no test ever touches the real user data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English unless a test asks for another language: on a machine with a Chinese locale the worksheet would
# otherwise follow the system (issue 16), and the English expectations would fail for the wrong reason.
os.environ["MSCDOSE_LANGUAGE"] = "en"

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mscdose.records.store import RecordStore
from tests.cli_runner import Done, in_process


def pytest_configure(config: pytest.Config) -> None:
    """Temporary folders in memory (/dev/shm) when the machine has one and none was asked for (issue 9: suite
    time). Every test that makes a record store pays SQLite's fsyncs at each migration, commit and checkpoint;
    on this disk they were a tenth of the suite. A folder per run, so two runs never share one; removed at the
    end. Durability itself is not what these tests check (tests/records/test_reliability.py kills a real
    process and reopens the file, which holds on any file system)."""
    import tempfile

    shm = Path("/dev/shm")
    if config.option.basetemp or hasattr(config, "workerinput") or not (shm.is_dir() and os.access(shm, os.W_OK)):
        return
    config.option.basetemp = tempfile.mkdtemp(prefix="mscdose-tests-", dir=shm)
    config._mscdose_memory_basetemp = config.option.basetemp  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    folder = getattr(config, "_mscdose_memory_basetemp", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSCDOSE_DATA_DIR", str(tmp_path_factory.mktemp("mscdose-data")))


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    """`mscdose ARGS...` in-process: `run("calc", ...)` gives its exit status, stdout and stderr."""
    return in_process(capsys)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "records.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[RecordStore]:
    with RecordStore(store_path) as opened:
        yield opened


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at 2**10 instead of the shipped 2**17 (128 MiB, ~0.5 s a hash) in every test: the stored hash
    carries its cost, so verifying is the same code. Only
    tests/users/test_accounts.py::test_shipped_scrypt_parameters_are_owasp_minimum uses the shipped cost (it
    undoes this patch). Autouse since issue 9 (suite time): account tests outside tests/users spent 0.5-1 s a
    hash; programs run in a subprocess (the packaging test) keep the shipped cost."""
    from mscdose.records import passwords

    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)
    monkeypatch.setattr(passwords, "MIN_N", 2**10)
