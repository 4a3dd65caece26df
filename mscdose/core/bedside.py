"""The bedside check: is this bag, for this patient, still to be given now? MATCH or MISMATCH, with reasons.

The nurse scans the patient's wristband and the bag label mscdose printed; the record named by the label
is looked up (by the caller) and everything is compared here, as a pure function, so the command line and
the window say the same thing. The result is MISMATCH if anything at all is wrong, and it lists every
reason in words that cannot be misread (WRONG PATIENT, WRONG DONATION, ...), never only the first.

Identifiers are compared in canonical form (Unicode NFKC, case folded, white space, hyphens and dashes,
zero-width and other invisible characters removed): `AA-014` on a wristband and `aa 014` in the record are
one patient. The rule is the record store's `core.identifiers.canonical_key`.

What a wristband carries differs between hospitals, so the patient id is read through a site pattern such
as `MRN:{id}` or `{id}^H01` (prefix and suffix around `{id}`); the default `{id}` is a plain id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

from mscdose.core.errors import InputError
from mscdose.core.identifiers import canonical_key
from mscdose.core.label_code import LabelCode, din13, parse_label_code
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said
from mscdose.core.scan import LabelScan, parse_scan

# Issue 16: every reason and note is a template (core.messages), so the bedside window says it in its language;
# `reasons`/`notes` keep the English exactly (the chain entry, the CLI and the JSON never change).
NONE = QT_TRANSLATE_NOOP("CoreMessage", "none")

MATCH: Final = "MATCH"
MISMATCH: Final = "MISMATCH"
DEFAULT_WRISTBAND_PATTERN = "{id}"

def _canonical_key(text: str | None) -> str:
    """The record store's rule (core.identifiers.canonical_key), so the bedside and the store agree."""
    return canonical_key(text)


@dataclass(frozen=True)
class WristbandPattern:
    """`prefix{id}suffix`: what surrounds the patient id on the site's wristband barcode."""

    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_setting(cls, text: str | None) -> WristbandPattern:
        """Read the site setting (`{id}`, `MRN:{id}`, `{id}^H01`); refuse one without exactly one `{id}`."""
        pattern = DEFAULT_WRISTBAND_PATTERN if text is None or not text.strip() else text.strip()
        if pattern.count("{id}") != 1:
            raise InputError("wristband_pattern", text or "", said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage", "Wristband pattern: “{typed}” must contain {{id}} exactly once. "
                                                 "Accepted: {{id}} for a plain patient id, or text around it such as "
                                                 "MRN:{{id}} or {{id}}^H01."), typed=text))
        prefix, suffix = pattern.split("{id}")
        return cls(prefix, suffix)

    def patient_id(self, scan: str | None) -> str:
        """The patient id in a wristband scan; InputError (field "wristband") if the scan does not fit."""
        given = "" if scan is None else str(scan)
        text = given.strip()
        shown = f"{self.prefix}{{id}}{self.suffix}"
        if not text:
            raise InputError("wristband", given, said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage", "Wristband: nothing was scanned. Accepted: {form}."), form=shown))
        fits = (len(text) > len(self.prefix) + len(self.suffix)
                and text[:len(self.prefix)].casefold() == self.prefix.casefold()
                and text[len(text) - len(self.suffix):].casefold() == self.suffix.casefold())
        if not fits:
            raise InputError("wristband", given, said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage", "Wristband: “{scanned_text}” does not have this site's wristband "
                                                 "form {form}. Accepted: {form}."), scanned_text=text, form=shown))
        patient = text[len(self.prefix): len(text) - len(self.suffix)].strip()
        if patient.upper().startswith("MSCDOSE1|") or patient.startswith("="):
            raise InputError("wristband", given, said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage", "Wristband: “{scanned_text}” is a bag or product label, not a "
                                                 "wristband. Accepted: {form}."), scanned_text=text, form=shown))
        return patient


@dataclass(frozen=True)
class BedsideCheck:
    """The outcome of one bedside check, ready to be shown full screen and appended to the record chain."""

    result: Literal["MATCH", "MISMATCH"]
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    record_id: str
    wristband_scan: str
    bag_label_scan: str
    wristband_patient_id: str | None
    label: LabelCode | None
    checked_at: datetime
    product_scan: str = ""  # the ISBT 128 product label as scanned, when the site scans it too
    # the reasons and notes as templates (not in the chain entry nor in equality): `said_reason`
    said_reasons: tuple[Message, ...] = field(default=(), compare=False, repr=False)
    said_notes: tuple[Message, ...] = field(default=(), compare=False, repr=False)

    def said_reason(self, text: str) -> Message | None:
        """The template of the reason or note whose English is `text` (None: it was given as plain text)."""
        return next((m for m in (*self.said_reasons, *self.said_notes) if m.text == text), None)

    @property
    def headline_said(self) -> Message:
        if self.matched:
            return said(QT_TRANSLATE_NOOP("CoreMessage", "MATCH – right patient, right bag, in time. Give this bag "
                                                         "to this patient."))
        return said(QT_TRANSLATE_NOOP("CoreMessage", "MISMATCH – DO NOT GIVE THIS BAG. {count} problem(s) found."),
                    count=len(self.reasons))

    @property
    def matched(self) -> bool:
        return self.result == MATCH

    @property
    def headline(self) -> str:
        return self.headline_said.text

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the chain entry: the result, every reason, both scans as read, and the time."""
        return {
            "kind": "bedside_check",
            "result": self.result,
            "reasons": list(self.reasons),
            "notes": list(self.notes),
            "record_id": self.record_id,
            "wristband_scan": self.wristband_scan,
            "wristband_patient_id": self.wristband_patient_id,
            "bag_label_scan": self.bag_label_scan,
            "product_scan": self.product_scan,
            "checked_at": self.checked_at.isoformat(timespec="seconds"),
        }


def _instant(value: datetime) -> datetime:
    """An aware time; a naive one is taken as this computer's local time."""
    return value if value.tzinfo is not None else value.astimezone()


def _time(document: Mapping[str, Any], key: str) -> datetime | None:
    text = document.get(key)
    if not text:
        return None
    try:
        return _instant(datetime.fromisoformat(str(text)))
    except ValueError:
        return None


def _clock(moment: datetime) -> str:
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M}" + (f" (UTC{offset[:3]}:{offset[3:]})" if offset else "")


def _time_reasons(document: Mapping[str, Any], now: datetime) -> tuple[list[Message], list[Message]]:
    start_by, finish_by = _time(document, "start_by"), _time(document, "finish_by")
    if finish_by is None:
        finish_by = _time(document, "administer_before")  # records saved before start/finish by existed
    reasons, notes = [], []
    if start_by is not None and now > start_by:
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "TOO LATE TO START: the infusion had to start by {start}; it is now {now}. It could not "
                           "finish within the post-thaw limit. Call the pharmacy."),
            start=_clock(start_by), now=_clock(now)))
    if finish_by is not None and now > finish_by:
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "PAST FINISH BY: the infusion had to finish by {finish_by}; it is now {now}. The cells are "
                           "past their post-thaw limit. Call the pharmacy."),
            finish_by=_clock(finish_by), now=_clock(now)))
    if start_by is None and finish_by is None:
        notes.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "The record has no start-by or finish-by time (no thaw time was recorded): the time since "
                           "thaw was not checked. Check it against the product paperwork.")))
    return reasons, notes


def _product_reasons(document: Mapping[str, Any], product: LabelScan, record_din: str) -> list[Message]:
    reasons = []
    if product.din is not None and record_din and product.din.code != record_din:
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "WRONG DONATION: the product label says DIN {scanned_din}; the record was prepared from "
                           "DIN {record_din}."), scanned_din=product.din.display, record_din=record_din))
    recorded = document.get("product_code")
    if product.product_code and recorded and product.product_code != recorded:
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "WRONG PRODUCT: the product label says product {scanned_product}; the record was prepared "
                           "from product {record_product}."),
            scanned_product=product.product_code, record_product=recorded))
    return reasons


def _not_read(what: str, error: InputError) -> Message:
    """"WRISTBAND NOT READ: <the input error>" (what: WRISTBAND, BAG LABEL, PRODUCT LABEL), the error translated
    in its turn."""
    problem = error.said or error.message
    templates = {"WRISTBAND": QT_TRANSLATE_NOOP("CoreMessage", "WRISTBAND NOT READ: {problem}"),
                 "BAG LABEL": QT_TRANSLATE_NOOP("CoreMessage", "BAG LABEL NOT READ: {problem}"),
                 "PRODUCT LABEL": QT_TRANSLATE_NOOP("CoreMessage", "PRODUCT LABEL NOT READ: {problem}")}
    return said(templates[what], problem=problem)


def _checked(result: Literal["MATCH", "MISMATCH"], reasons: list[Message], notes: list[Message],
             **rest: Any) -> BedsideCheck:
    return BedsideCheck(result=result, reasons=tuple(m.text for m in reasons), notes=tuple(m.text for m in notes),
                        said_reasons=tuple(reasons), said_notes=tuple(notes), **rest)


def bedside_check(wristband_scan: str, bag_label_scan: str, document: Mapping[str, Any], *,
                  record_id: int | str, superseded: bool, now: datetime,
                  wristband_pattern: WristbandPattern | None = None,
                  product_scan: LabelScan | str | None = None) -> BedsideCheck:
    """Compare a wristband scan and a bag label scan with the saved record `document` (record `record_id`).

    `superseded`: whether a correction replaced this record. `now`: the real clock. `product_scan`: the ISBT
    128 label of the product bag (as read, or as scanned text), when the site also scans it (then its DIN and
    product code are compared). Unreadable scans are a MISMATCH with the reason, never an exception: every
    attempt is logged."""
    pattern = wristband_pattern or WristbandPattern()
    moment = _instant(now)
    reasons: list[Message] = []
    product_text = product_scan.text if isinstance(product_scan, LabelScan) else str(product_scan or "")
    if isinstance(product_scan, str):
        product_scan = _read_product_scan(product_scan, reasons)
    patient = (document.get("patient") or {}).get("id") or ""
    din_text = (document.get("inputs") or {}).get("din")
    try:
        record_din = din13(din_text)
    except ValueError:
        record_din = ""
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "RECORD DIN UNREADABLE: the record's DIN “{given}” is not a DIN. Call the pharmacy."),
            given=din_text))

    wristband_id: str | None = None
    try:
        wristband_id = pattern.patient_id(wristband_scan)
    except InputError as error:
        reasons.append(_not_read("WRISTBAND", error))
    label: LabelCode | None = None
    try:
        label = parse_label_code(bag_label_scan)
    except InputError as error:
        reasons.append(_not_read("BAG LABEL", error))

    if wristband_id is not None and _canonical_key(wristband_id) != _canonical_key(patient):
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "WRONG PATIENT: the wristband says patient {wristband_patient}; this bag is for patient "
                           "{record_patient}."), wristband_patient=wristband_id, record_patient=patient))
    if label is not None:
        if label.record_id != str(record_id).strip():
            reasons.append(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "WRONG RECORD: the bag label is for record {label_record}, not record {record}."),
                label_record=label.record_id, record=record_id))
        if _canonical_key(label.patient_id) != _canonical_key(patient):
            reasons.append(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "WRONG PATIENT ON LABEL: the bag label says patient {label_patient}; record {record} is "
                               "for patient {record_patient}."),
                label_patient=label.patient_id, record=record_id, record_patient=patient))
        if label.din != record_din:
            reasons.append(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "WRONG DONATION: the bag label says DIN {label_din}; record {record} was prepared from "
                               "DIN {record_din}."),
                label_din=label.din or said(NONE), record=record_id, record_din=record_din or said(NONE)))
    if product_scan is not None:
        reasons += _product_reasons(document, product_scan, record_din)
    if superseded:
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "RECORD SUPERSEDED: record {record} was replaced by a correction. This bag was prepared "
                           "from the old numbers: do not give it. Call the pharmacy."), record=record_id))
    if document.get("status") == "blocked" or any(f.get("severity") == "hard" for f in document.get("flags", [])):
        reasons.append(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "RECORD BLOCKED: record {record} has a hard limit and was never a final preparation."),
            record=record_id))
    time_reasons, notes = _time_reasons(document, moment)
    reasons += time_reasons
    return _checked(MISMATCH if reasons else MATCH, reasons, notes, record_id=str(record_id),
                    wristband_scan=str(wristband_scan or ""), bag_label_scan=str(bag_label_scan or ""),
                    wristband_patient_id=wristband_id, label=label, checked_at=moment, product_scan=product_text)


def _read_product_scan(text: str, reasons: list[Message]) -> LabelScan | None:
    """A product label scanned at the bedside; blank is "not scanned", unreadable is a reason (never a pass)."""
    if not text.strip():
        return None
    try:
        return parse_scan(text)
    except InputError as error:
        reasons.append(_not_read("PRODUCT LABEL", error))
        return None


def unresolved_check(wristband_scan: str, bag_label_scan: str, reason: str | Message, *, now: datetime,
                     wristband_pattern: WristbandPattern | None = None, product_scan: str = "") -> BedsideCheck:
    """A MISMATCH for a bag label that names no record this store has (or cannot be read): there is nothing
    to compare with, so the bag must not be given. Logged like every other check."""
    pattern = wristband_pattern or WristbandPattern()
    reasons: list[Message] = []
    label: LabelCode | None = None
    try:
        label = parse_label_code(bag_label_scan)
    except InputError as error:
        reasons.append(_not_read("BAG LABEL", error))
    if reason:
        reasons.append(reason if isinstance(reason, Message) else said("{text}", text=reason))
    wristband_id: str | None = None
    try:
        wristband_id = pattern.patient_id(wristband_scan)
    except InputError as error:
        reasons.append(_not_read("WRISTBAND", error))
    if product_scan.strip():
        _read_product_scan(product_scan, reasons)
    if not reasons:  # a MISMATCH always says why
        reasons.append(said(QT_TRANSLATE_NOOP("CoreMessage", "NO RECORD TO COMPARE: the bag label could not be "
                                                             "matched to a record. Call the pharmacy.")))
    return _checked(MISMATCH, reasons, [], record_id=label.record_id if label else "",
                    wristband_scan=str(wristband_scan or ""), bag_label_scan=str(bag_label_scan or ""),
                    wristband_patient_id=wristband_id, label=label, checked_at=_instant(now), product_scan=product_scan)
