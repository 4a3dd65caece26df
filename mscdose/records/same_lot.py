"""The soft check "a second infusion of the same lot on the same day" for the window to show.

Pure (reads the store, changes nothing) so the window can call it as the patient ID and lot are typed.
Lots are compared by lot number and by DIN, ignoring spaces, case, the barcode's leading `=` and the
trailing check/flag characters, so `G1234 98 654321 H` and `=G12349865432177` are the same unit.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from mscdose.records.store import RecordStore, SavedRecord

_DIN_CORE = re.compile(r"^[A-NP-Z1-9][0-9]{12}")


def lot_key(text: str) -> str:
    """Normalised identity of a lot number or DIN ("" when empty)."""
    squeezed = re.sub(r"[^0-9A-Z]", "", (text or "").upper())
    match = _DIN_CORE.match(squeezed)
    if match and len(squeezed) in (13, 14, 15):  # DIN alone, with check character, or with barcode flags
        return match.group(0)
    return squeezed


def record_lot_keys(record: SavedRecord) -> set[str]:
    return {key for key in (lot_key(record.lot_number), lot_key(record.din)) if key}


def same_day_same_lot(store: RecordStore, patient_id: str, lot_or_din: str,
                      day: date | datetime | None = None) -> list[SavedRecord]:
    """This patient's standing records (corrections replace what they correct) of the same lot or DIN saved
    on `day` (local calendar day; default today). Non-empty means: raise the soft flag."""
    key = lot_key(lot_or_din)
    if not key or not (patient_id or "").strip():
        return []
    if day is None:
        day = datetime.now().astimezone().date()
    elif isinstance(day, datetime):
        day = (day if day.tzinfo else day.astimezone()).astimezone().date()
    return [record for record in store.earlier_infusions(patient_id)
            if record.created_at.astimezone().date() == day and key in record_lot_keys(record)]
