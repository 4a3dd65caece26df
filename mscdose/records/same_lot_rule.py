"""The same-lot rule inside a save's transaction: a record of the same patient and lot (or DIN) saved today is
refused unless the document carries the REPEAT_INFUSION_SAME_LOT_DAY override.

Why in the save and not only in the window: the window raises the soft flag when the calculation is reviewed
(core/overrides.py, from records/same_lot.py), but another workstation or process may save a bag of the same
lot for the same patient between that review and this save. The check runs after the write lock is taken
(BEGIN IMMEDIATE in SQLite, the advisory lock in PostgreSQL), so two saves cannot both pass it. A document
without the override was reviewed with no such record standing: any found now was saved since.

Shared by the SQLite store (store_writing.py) and the PostgreSQL store (postgres/store.py): plain `?` SQL that
both connections accept. Corrections replace what they correct, so a superseded record and the record being
corrected do not count.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from mscdose.core.identifiers import canonical_key, lot_key
from mscdose.records.errors import NOTHING_SAVED, StoreError

SAME_LOT_FLAG = "REPEAT_INFUSION_SAME_LOT_DAY"


class PendingCheck(NamedTuple):
    patient_key: str
    lots: tuple[str, ...]
    supersedes: int | None


def pending_check(document: Any, lots: tuple[str, str], supersedes: int | None) -> PendingCheck | None:
    """What to check for this document (its lot number and DIN as schema.document_lots reads them), or None:
    no lot or DIN, no patient, or the preparer already saw the flag and overrode it with a reason."""
    if not isinstance(document, dict):
        return None
    overridden = {str(o.get("code")) for o in (document.get("overrides") or []) if isinstance(o, dict)}
    patient = document.get("patient") or {}
    if SAME_LOT_FLAG in overridden or not isinstance(patient, dict):
        return None
    keys = tuple(sorted({lot_key(value) for value in lots} - {""}))
    patient_key = canonical_key(str(patient.get("id") or ""))
    if not keys or not patient_key:
        return None
    return PendingCheck(patient_key, keys, supersedes)


def check_same_lot(conn: Any, pending: PendingCheck | None) -> None:
    """Raise StoreError naming today's standing same-lot records of the patient; call inside the write lock."""
    if pending is None:
        return
    marks = ", ".join("?" * len(pending.lots))
    rows = conn.execute(
        "SELECT r.id, r.created_at FROM records r JOIN record_keys k ON k.record_id = r.id "
        f"WHERE k.patient_key = ? AND (k.lot_key IN ({marks}) OR k.din_key IN ({marks})) AND r.id IS NOT ? "
        "AND NOT EXISTS (SELECT 1 FROM records s WHERE s.supersedes = r.id) ORDER BY r.id",
        (pending.patient_key, *pending.lots, *pending.lots, pending.supersedes)).fetchall()
    today = datetime.now().astimezone().date()
    same_day = [rid for rid, at in rows if datetime.fromisoformat(str(at)).astimezone().date() == today]
    if same_day:
        listed = ", ".join(f"#{rid}" for rid in same_day)
        raise StoreError(f"Cannot save: record(s) {listed} of this patient from the same lot were saved today "
                         f"(after this calculation was reviewed) ({SAME_LOT_FLAG}). {NOTHING_SAVED} Review it "
                         "again: a repeat infusion of the same lot on the same day needs an override with a reason.")
