"""Issue 12: every damaged or unusable file gives one StoreError line, never a traceback.

A generated set of damaged copies of one small store (bytes flipped across the header and every page,
truncations, a page of zeros, a WAL without its database, a garbage WAL, a locked database) × every read
operation (open, history, get, print events, approvals, show text, export, verify, integrity check, anchor,
backup check, printed-worksheet check) and a writable open + save. Read-only operations must also leave the
file's bytes unchanged. Small enough for CI (about 100 files); benchmarks/ is the place for bigger sweeps.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mscdose.records import store as store_module
from mscdose.records.readable import record_text
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document

PAGE = 4096


def _template(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    with RecordStore(path) as store:
        for n in range(1, 5):
            store.save(document(f"P{n}", lot_number=f"L-{n}", patient_name=f"Name {n}"))
        store.mark_printed(1, True, "w.pdf")
        store.mark_printed(2, False, "jam")
        store.approve_protocol("c" * 64, "SITE-1", "1.0", "JS", "approved by the committee")
    assert path.stat().st_size % PAGE == 0 and not Path(f"{path}-wal").exists()
    return path


TEMPLATE_PAGES = 24  # checked in test_the_template_is_what_the_variants_assume


def _flip(offset: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        if offset < len(data):
            data[offset] ^= 0xFF
        path.write_bytes(bytes(data))
    return damage


def _truncate(size: int | None, fraction: float = 0.0) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: size if size is not None else int(len(data) * fraction)])
    return damage


def _zero_page(page: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[page * PAGE:(page + 1) * PAGE] = b"\x00" * PAGE
        path.write_bytes(bytes(data))
    return damage


def _wal_without_database(path: Path) -> None:
    Path(f"{path}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)
    path.unlink()


def _garbage_wal(path: Path) -> None:
    Path(f"{path}-wal").write_bytes(bytes(range(256)) * 20)


HEADER_OFFSETS = [0, 5, 15, 16, 17, 18, 19, 20, 21, 22, 23, 28, 31, 35, 44, 47, 52, 56, 60, 64, 68, 95, 97, 100, 103,
                  105, 107]
VARIANTS: dict[str, Callable[[Path], None]] = {f"flip-header-{o}": _flip(o) for o in HEADER_OFFSETS}
VARIANTS |= {f"flip-page{p}-{where}": _flip(p * PAGE + at) for p in range(1, TEMPLATE_PAGES)
             for where, at in (("head", 1), ("cells", PAGE - 60))}
VARIANTS |= {f"truncate-{n}": _truncate(n) for n in (1, 50, 100, 4095, 4096, 8192)}
VARIANTS |= {f"truncate-{int(f * 100)}pc": _truncate(None, f) for f in (0.25, 0.5, 0.75, 0.99)}
VARIANTS |= {f"zero-page{p}": _zero_page(p) for p in (0, 1, 2, 5, 10)}
VARIANTS |= {"wal-without-database": _wal_without_database, "garbage-wal": _garbage_wal}


def _read_operations(tmp: Path) -> dict[str, Callable[[RecordStore], Any]]:
    return {
        "history": lambda s: s.history(),
        "history-patient": lambda s: s.history("p 2"),
        "get": lambda s: s.get(1),
        "get-last": lambda s: s.get(4),
        "show": lambda s: record_text(s.get(3)),
        "print_events": lambda s: s.print_events(),
        "approvals": lambda s: s.approved_protocols(),
        "export_csv": lambda s: s.export_csv(tmp / "export.csv"),
        "verify": lambda s: s.verify(),
        "integrity": lambda s: s.integrity_problems(),
        "anchor": lambda s: s.anchor_line(),
        "verify_printed": lambda s: s.verify_printed(1, "0" * 12, "0" * 12),
        "earlier_infusions": lambda s: s.earlier_infusions("P1"),
    }


def _run(name: str, action: Callable[[], Any], failures: list[str], messages: list[str]) -> None:
    try:
        action()
    except StoreError as error:
        text = str(error)
        messages.append(text)
        if "\n" in text or not text.strip():
            failures.append(f"{name}: StoreError not one line: {text!r}")
    except Exception as error:  # the point of the test: nothing else may escape
        failures.append(f"{name}: {type(error).__name__}: {error}")


def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("template"))


def test_the_template_is_what_the_variants_assume(template: Path) -> None:
    # The variants are made before the template exists, for its first TEMPLATE_PAGES pages; a document that
    # grows (new keys) adds pages at the end, which the truncations still reach.
    assert template.stat().st_size % PAGE == 0 and template.stat().st_size >= TEMPLATE_PAGES * PAGE


def exercise(path: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    failures: list[str] = []
    messages: list[str] = []
    before = _sha(path)
    operations = _read_operations(tmp_path)
    _run("open", lambda: RecordStore.open_read_only(path).close(), failures, messages)
    for name, operation in operations.items():
        def once(operation: Callable[[RecordStore], Any] = operation) -> None:
            with RecordStore.open_read_only(path) as store:
                operation(store)
        _run(name, once, failures, messages)
    _run("check_backup", lambda: RecordStore.check_backup(path), failures, messages)
    if _sha(path) != before:
        failures.append("a read-only operation changed the file")
    writable = tmp_path / "writable" / path.name
    writable.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{path}{suffix}").exists():
            shutil.copy(f"{path}{suffix}", f"{writable}{suffix}")

    def open_and_save() -> None:
        with RecordStore(writable) as store:
            store.save(document("P9"))
            store.verify()
    if path.exists():
        _run("writable open + save", open_and_save, failures, messages)
    return failures, messages


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_damaged_file_never_gives_a_traceback(variant: str, template: Path, tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    shutil.copy(template, path)
    VARIANTS[variant](path)
    failures, _ = exercise(path, tmp_path)
    assert failures == []


def test_the_messages_say_what_to_do(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    shutil.copy(template, path)
    _truncate(8192)(path)
    _, messages = exercise(path, tmp_path)
    assert messages and all("restore the latest backup" in m for m in messages), messages


def test_a_locked_database_is_a_clear_busy_error(template: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    path = tmp_path / "records.sqlite3"
    shutil.copy(template, path)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE lock_holder (x)")
        failures, messages = exercise(path, tmp_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert failures == []
    assert messages and all("is busy" in m and "try again" in m for m in messages), messages
