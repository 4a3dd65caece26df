"""Builders shared by the records tests: documents from real engine results, raw SQL access for tampering."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from mscdose.core.overrides import Override
from tests.worked_example import WORKED_TEXTS, build_document

# domain.md worked example: Cv 4.6 million/mL, V 32.6 mL, Dd 149.96 million cells, diluent 67.4 mL, 33 gtt/min
WORKED = dict(WORKED_TEXTS)


def document(patient_id: str = "P1", *, prepared_by: str = "AB", overrides: tuple[Override, ...] = (),
             lot_number: str = "", patient_name: str = "", **changes: str) -> dict[str, Any]:
    return build_document({**WORKED, **changes}, patient_id=patient_id, patient_name=patient_name,
                          prepared_by=prepared_by, lot_number=lot_number, overrides=overrides)


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection that bypasses the store (as someone editing the file would)."""
    return sqlite3.connect(path, isolation_level=None)


def drop_append_only_triggers(path: Path) -> None:
    """What a tamperer with the file in hand would do first; verify() must still catch what follows."""
    with closing(raw(path)) as conn:
        for table in ("records", "print_events"):
            conn.execute(f"DROP TRIGGER {table}_no_update")
            conn.execute(f"DROP TRIGGER {table}_no_delete")
