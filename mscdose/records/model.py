"""The values the store hands out (records, print events, approvals, checks) and what a document must be to
be saved. Plain dataclasses without any database type, so a PostgreSQL back end can return the same ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from mscdose import __version__
from mscdose.core.identifiers import canonical_key
from mscdose.records.errors import StoreError

FINAL_STATUSES = ("ok", "warning")


@dataclass(frozen=True)
class PrintEvent:
    id: int
    record_id: int
    at: datetime
    ok: bool
    detail: str


@dataclass(frozen=True)
class SavedRecord:
    """One stored record. `printed` is True when at least one print event succeeded."""

    id: int
    created_at: datetime
    document: dict[str, Any]
    sha256: str
    prev_sha256: str
    status: str
    patient_id: str
    printed: bool
    supersedes: int | None
    patient_name: str = ""
    prepared_by: str = ""
    checked_by: str = ""
    correction_reason: str = ""
    app_version: str = ""
    superseded_by: int | None = None
    protocol_id: str = ""
    protocol_version: str = ""
    protocol_sha256: str = ""
    chain_head: str = ""  # the ledger head just after this record was saved: print it (short) on the worksheet

    @property
    def short_hash(self) -> str:
        """The record's SHA-256 as printed on the worksheet (12 hex digits)."""
        return self.sha256[:12]

    @property
    def short_head(self) -> str:
        return self.chain_head[:12]

    @property
    def lot_number(self) -> str:
        return str(self.document.get("lot_number") or "")

    @property
    def din(self) -> str:
        inputs = self.document.get("inputs") or {}
        return str(inputs.get("din") or "")


def header_from_document(document: dict[str, Any]) -> dict[str, Any]:
    """The searchable columns, taken from the document so they can never disagree with it."""
    patient = document.get("patient") or {}
    protocol = document.get("protocol") or {}
    if not isinstance(patient, dict) or not isinstance(protocol, dict):
        raise StoreError("Cannot save: the document's 'patient' and 'protocol' must be objects "
                         "(build it with mscdose.core.document.record_document).")
    return {
        "app_version": __version__,
        "protocol_id": str(protocol.get("id") or ""),
        "protocol_version": str(protocol.get("version") or ""),
        "protocol_sha256": str(protocol.get("sha256") or ""),
        "patient_id": str(patient.get("id") or "").strip(),
        "patient_name": str(patient.get("name") or "").strip(),
        "prepared_by": str(document.get("prepared_by") or "").strip(),
        "checked_by": str(document.get("checked_by") or "").strip(),
        "status": str(document.get("status") or ""),
    }


def refusal(document: Any) -> str | None:
    """Why this document cannot be finalised, or None."""
    if not isinstance(document, dict):
        return f"the document must be a dict from record_document(), not {type(document).__name__}"
    status = document.get("status")
    if status == "blocked":
        hard = [f.get("code", "?") for f in document.get("flags") or [] if f.get("severity") == "hard"]
        return ("the calculation is blocked by a hard limit (" + (", ".join(hard) or "hard flag")
                + ") and can never be finalised; change the prescription or the product")
    if status not in FINAL_STATUSES:
        return f"the document's status is {status!r}; only 'ok' or 'warning' calculations can be saved"
    patient = document.get("patient")
    if not isinstance(patient, dict) or not str(patient.get("id") or "").strip():
        return "the patient ID is empty; enter the patient ID before finalising"
    if not canonical_key(str(patient.get("id"))):
        return (f"the patient ID {patient.get('id')!r} has no letters or digits; enter the patient's real ID "
                "(it is how a second infusion is recognised)")
    from mscdose.core.overrides import override_problem

    overridden = {o.get("code") for o in document.get("overrides") or []
                  if override_problem(str(o.get("reason") or ""), str(o.get("initials") or "")) is None}
    missing = [f.get("code", "?") for f in document.get("flags") or []
               if f.get("severity") == "soft" and f.get("code") not in overridden]
    if missing:
        return ("soft limit " + ", ".join(missing) + " needs an override with a reason and initials "
                "before the calculation can be finalised")
    protocol = document.get("protocol")
    if not isinstance(protocol, dict) or not protocol.get("id") or not protocol.get("sha256"):
        return "the document does not name its protocol (id and SHA-256); build it with record_document()"
    return None


class ProtocolApproval(NamedTuple):
    """A site protocol approved for final calculations (a tuple: id, version, sha256, by, at, reason)."""

    protocol_id: str
    version: str
    sha256: str
    approved_by: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class PrintedCheck:
    """The answer of verify_printed(): does a printed worksheet's record and chain head match the store?"""

    ok: bool
    record_id: int
    problem: str = ""
