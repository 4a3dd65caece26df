"""The machine-readable code on the label of a prepared infusion: which record, which patient, which donation.

Format (version 1), printable ASCII so that any keyboard-wedge scanner types it the same way:

    MSCDOSE1|R=<record id>|P=<patient id>|D=<DIN>

- `MSCDOSE1` names the format and its version; a reader refuses any other first field.
- `R` is the record id (digits), `P` the patient id exactly as saved, `D` the 13 characters of the DIN
  without its check character (empty when the record has no DIN). Fields come in this order, each once.
- In `P` (and any field) `%`, `|`, space and everything outside printable ASCII are written as `%XX` bytes
  of UTF-8, so an id like `AA 014|b` or `Müller-7` survives the round trip and never splits a field.

Example: `MSCDOSE1|R=12|P=AA-014|D=G123498654321`. The code only points at the record: the bedside check
compares its fields with the saved record, so a code that was altered or mis-read cannot make a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from mscdose.core.errors import InputError
from mscdose.core.isbt128 import parse_din
from mscdose.core.messages import QT_TRANSLATE_NOOP, said

PREFIX = "MSCDOSE1"
_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in "%|")
_DIN13 = re.compile(r"^[A-NP-Z1-9][0-9]{4}[0-9]{2}[0-9]{6}$")
_CODE = re.compile(r"^MSCDOSE1\|R=([0-9]{1,12})\|P=([^|]+)\|D=([^|]*)$")
ACCEPTED = QT_TRANSLATE_NOOP("CoreMessage",
                             "a bag label code printed by mscdose: MSCDOSE1|R=<record id>|P=<patient id>|D=<DIN>")


@dataclass(frozen=True)
class LabelCode:
    record_id: str
    patient_id: str
    din: str  # 13 characters, or "" when the record has no DIN

    def text(self) -> str:
        return encode_label_code(self.record_id, self.patient_id, self.din)


def din13(din: str | None) -> str:
    """The 13 characters of a DIN given as saved (`G1234 98 654321 H`), as 13 characters, or as barcode
    data; "" for none."""
    compact = re.sub(r"\s+", "", din or "").upper().lstrip("=")
    if not compact:
        return ""
    if len(compact) == 14:
        try:
            return parse_din(compact).code  # the check character must match before it is dropped
        except InputError as error:
            raise ValueError(error.message) from None
    if len(compact) == 15:
        compact = compact[:13]
    if not _DIN13.match(compact):
        raise ValueError(f"“{din}” is not a DIN of 13 characters (with or without its check character)")
    return compact


def encode_label_code(record_id: int | str, patient_id: str, din: str | None) -> str:
    """The code text for one record. Raises ValueError for a record id that is not digits, an empty patient
    id or a DIN that is not one (a label must never carry a code that does not identify its record)."""
    record = str(record_id).strip()
    if not record.isdigit() or not record.isascii():
        raise ValueError(f"record id “{record_id}” is not a number")
    if not (patient_id or "").strip():
        raise ValueError("a label needs the patient id")
    return f"{PREFIX}|R={record}|P={quote(patient_id, safe=_SAFE)}|D={din13(din)}"


def parse_label_code(text: str | None) -> LabelCode:
    """Read a scanned bag label code; InputError (field "bag_label") with the reason if it is not one."""
    given = "" if text is None else str(text)
    stripped = given.strip()
    if not stripped:
        raise InputError("bag_label", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "Bag label: nothing was scanned. Accepted: {accepted}."),
            accepted=said(ACCEPTED)))
    match = _CODE.match(stripped)
    if not match:
        hint: object = ""
        if stripped.upper().startswith(PREFIX) and not stripped.startswith(PREFIX):
            hint = said(QT_TRANSLATE_NOOP("CoreMessage", " The letters are in the wrong case: is Caps Lock on?"))
        elif not stripped.startswith(PREFIX + "|"):
            hint = said(QT_TRANSLATE_NOOP("CoreMessage", " This is not an mscdose bag label (a product label or a "
                                                         "wristband scanned here?)."))
        raise InputError("bag_label", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "Bag label: “{scanned_text}” cannot be read.{hint} Accepted: {accepted}."),
            scanned_text=stripped[:60], hint=hint, accepted=said(ACCEPTED)))
    record, patient, din = match.groups()
    try:
        patient_id = unquote(patient, errors="strict")
    except UnicodeDecodeError:
        patient_id = ""
    if not patient_id.strip() or (din and not _DIN13.match(din)):
        raise InputError("bag_label", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "Bag label: “{scanned_text}” has a damaged patient id or DIN. "
                                             "Accepted: {accepted}."),
            scanned_text=stripped[:60], accepted=said(ACCEPTED)))
    return LabelCode(record_id=record, patient_id=patient_id, din=din)
