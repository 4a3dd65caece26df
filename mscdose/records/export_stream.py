"""CSV export of records streamed from the store: the rows of csv_export.write_csv, never all held at once.

Why a wrapper and not a second writer: the columns, the file's encoding and the write-then-rename stay
csv_export's alone, so the file stays byte-identical (tests/records/test_streaming.py compares them).
Streaming adds one risk the list did not have: a record that cannot be read is met halfway through the
file. write_csv renames the file into place only after its last row, so the requested name is never a
partial export; this removes the half-written temporary file as well, and the error stays the store's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from mscdose.records.errors import StoreError
from mscdose.records.store import SavedRecord


class _Counted:
    """An iterable that write_csv can take for its Sequence: it iterates once and `len()` is the rows seen."""

    def __init__(self, records: Iterable[SavedRecord]) -> None:
        self._records = records
        self.count = 0

    def __iter__(self) -> Iterator[SavedRecord]:
        for record in self._records:
            yield record
            self.count += 1

    def __len__(self) -> int:
        return self.count


def partial_path(path: Path) -> Path:
    """Where write_csv writes before renaming (csv_export.write_csv's temporary name)."""
    return path.with_name(f".{path.name}.partial")


def export_streamed(records: Iterable[SavedRecord], path: Path) -> int:
    """Write the records to `path` as csv_export.write_csv does; returns the rows written."""
    from mscdose.records.csv_export import write_csv

    counted = _Counted(records)
    try:
        write_csv(counted, path)  # type: ignore[arg-type]  # iterated once, then len(): see _Counted
    except StoreError:
        with contextlib.suppress(OSError):
            partial_path(path).unlink(missing_ok=True)
        raise
    return counted.count
