"""The soft check "a second infusion of the same lot on the same day" for the window to show.

Pure (reads the store, changes nothing) so the window can call it as the patient ID and lot are typed.
Patients and lots are compared by canonical key (mscdose.core.identifiers: NFKC, case folded, spaces,
hyphens and zero-width characters removed), lots also ignoring punctuation, the barcode's leading `=` and a
DIN's trailing check/flag characters, so `G1234 98 654321 H` and `=G12349865432177` are the same unit and
`MRN 123`, `MRN-123` and `ｍｒｎ１２３` the same patient.
"""

from __future__ import annotations

from datetime import date, datetime

from mscdose.core.identifiers import lot_key
from mscdose.records.store import RecordStore, SavedRecord

__all__ = ["lot_key", "record_lot_keys", "same_day_same_lot"]


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
