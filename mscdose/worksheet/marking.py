"""How a copy of the worksheet is marked: header and footer texts, times, REPRINT n, and the audit line.

Pure Python (no Qt), split from content.py so the body's wording and the running marks each stay readable.

Why the audit line: a hash chain inside the record file cannot catch someone who rewrites the whole file
(issue 12). Every final worksheet therefore prints its record's short hash and the chain head just after it
(12 hex digits each) and the command that checks them, so the paper copy in the patient's file is an anchor
kept outside the file. The same values go into the PDF's metadata in a fixed form (`pdf_marker.py`), so
`mscdose audit verify --worksheet FILE.pdf` reads them back without OCR.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mscdose.core import display as show
from mscdose.i18n import translate

TITLE = "UC-MSC dose worksheet"
PROGRAM = "mscdose"
WATERMARK = "NOT FOR ADMINISTRATION"
CHECK_COMMAND = "mscdose audit verify --worksheet FILE.pdf"
NONE = "—"


@dataclass(frozen=True)
class Marking:
    """How this copy is marked: the running header and footer drawn on every page.

    `copy_number` is 0 for the first copy of a record and n for REPRINT n (the service counts the copies
    logged in the store); `reprint_at` is set for every reprint. `record_hash` and `chain_head` are the
    record's short hash and the ledger head just after it (`SavedRecord.short_hash` / `short_head`)."""

    site_name: str
    record_id: str
    generated_at: str
    preview_reason: str | None
    reprint_at: str | None
    copy_number: int = 0
    record_hash: str = ""
    chain_head: str = ""

    @property
    def is_reprint(self) -> bool:
        return self.reprint_at is not None or self.copy_number > 0

    @property
    def reprint_word(self) -> str:
        """`REPRINT 2`; plain `REPRINT` for a reprint whose copy number was not given (older callers)."""
        if self.copy_number > 0:
            return translate("Worksheet", "REPRINT {n}").format(n=self.copy_number)
        return translate("Worksheet", "REPRINT")


def number(value: Any) -> Decimal:
    """A JSON number of the document as the Decimal it was saved from (str() keeps the shortest repr)."""
    return Decimal(str(value))


def when(iso: str | None) -> str:
    """An ISO 8601 time as people read it on a ward: `2026-11-25 09:30 (UTC+01:00)`."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    text = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.strftime("%z")
    return f"{text} (UTC{offset[:3]}:{offset[3:]})" if offset else text


def times_text(computed_at: str | None, generated: str) -> str:
    """`calculated 2026-11-25 09:40 · generated 2026-11-25 09:41 (UTC+01:00)`: the zone once when both share it."""
    calculated = when(computed_at)
    zone = generated[generated.rfind(" ("):] if generated.endswith(")") else ""
    if zone and calculated.endswith(zone):
        calculated = calculated[: -len(zone)]
    return translate("Worksheet", "calculated {calculated} · generated {generated}").format(
        calculated=calculated, generated=generated)


def title() -> str:
    """The worksheet's title (TITLE) in the current language."""
    return translate("Worksheet", "UC-MSC dose worksheet")


def watermark() -> str:
    """WATERMARK in the current language (the Chinese translation keeps the English words beside it)."""
    return translate("Worksheet", "NOT FOR ADMINISTRATION")


def moment_text(moment: datetime) -> str:
    return when(moment.isoformat(timespec="minutes"))


def short_hash(document: Mapping[str, Any]) -> str:
    """The protocol file's short hash, as `Protocol.short_hash` prints it (first 12 hex digits)."""
    return str(document["protocol"].get("sha256", ""))[:12]


def check_line(document: Mapping[str, Any]) -> str:
    protocol = document["protocol"]
    return translate("Worksheet", "values checked against protocol {id} {hash}").format(
        id=protocol["id"], hash=short_hash(document))


def footer_text(document: Mapping[str, Any]) -> str:
    return f"{PROGRAM} {document.get('app_version', '')} · {check_line(document)}"


def audit_text(marking: Marking) -> str:
    """The footer's second line: what this copy is in the record store and how to check it."""
    if marking.preview_reason is not None or not marking.record_id:
        return translate("Worksheet", "Not a saved record: this copy cannot be checked against the record store.")
    if not (marking.record_hash or marking.chain_head):
        return translate("Worksheet", "Record {id}").format(id=marking.record_id)
    return translate("Worksheet", "Record {id} · record hash {hash} · chain head {head} · check: {command}").format(
        id=marking.record_id, hash=marking.record_hash or NONE, head=marking.chain_head or NONE,
        command=CHECK_COMMAND)


def patient_line(document: Mapping[str, Any]) -> str:
    """Both patient identifiers, for the running header of every page: id, name and date of birth."""
    patient = document.get("patient") or {}
    parts = [translate("Worksheet", "Patient ID {id}").format(id=patient.get("id", ""))]
    if patient.get("name"):
        parts.append(str(patient["name"]))
    born = patient.get("date_of_birth")
    parts.append(translate("Worksheet", "born {date}").format(date=born) if born
                 else translate("Worksheet", "date of birth not recorded"))
    age = age_text(document)
    if age:
        parts.append(age)
    return " · ".join(parts)


def age_text(document: Mapping[str, Any]) -> str:
    """`36 years (age from date of birth)` / `34 years (age as typed)`; "" when no age is known.

    Documents saved before issue 19 carry only `inputs.age_years`, which could only have been typed."""
    patient = document.get("patient") or {}
    age = patient.get("age_years", document.get("age_years"))
    source = patient.get("age_source", document.get("age_source"))
    if age is None:
        age = (document.get("inputs") or {}).get("age_years")
        source = "typed" if age is not None else None
    if age is None:
        return ""
    origin = (translate("Worksheet", "age from date of birth") if source == "date_of_birth"
              else translate("Worksheet", "age as typed"))
    years = translate("Worksheet", "{years} years").format(years=show.plain(number(age), 1))
    return f"{years} ({origin})"
