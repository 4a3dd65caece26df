"""The independent double check, made blind: a second person re-enters the inputs and mscdose compares.

Why blind (ISMP): a checker shown the first person's numbers tends to confirm them; errors such as a value
typed into the wrong field or off by ten pass. So the checker opens a record by id (or scan) and is shown
only which record it is (patient, protocol, product), never its entries or results; they re-enter, from
the prescription and the product label, the weight, prescribed dose, lot concentration, viability and bag
volume. mscdose compares each with the record and recomputes the volume to draw from the re-entered values
with the same engine and the record's own protocol (same SHA-256). Any difference stops the check and both
values are shown side by side; the mismatch itself is kept in the chain (so a later match says it came
after one). A match appends the "checked" signature with "blind re-entry matched".

Who may check: never the preparer (by user id when the record carries an electronic "prepared" signature,
else by canonical initials; the record store enforces it again inside its transaction); with accounts on,
an authenticated checker or admin; without accounts, anyone giving initials other than the preparer's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.service.accounts import AccessRefused, accounts_enabled, sign, signatures
from mscdose.service.errors import InvalidInput
from mscdose.service.records import store_errors

if TYPE_CHECKING:
    from mscdose.core.protocol import Protocol
    from mscdose.core.request import DoseRequest
    from mscdose.records.store import RecordStore
    from mscdose.records.users import Signature, User

BLIND_FIELDS = ("weight", "dose", "concentration", "viability", "bag_volume")
LABELS = {"weight": "Weight", "dose": "Prescribed dose", "concentration": "Lot concentration",
          "viability": "Viability", "bag_volume": "Bag volume", "volume_to_draw": "Volume to draw"}
MATCHED = "blind re-entry matched"
_RELATIVE = Decimal("1e-9")  # stored numbers went through JSON floats: equal to 9 significant figures


@dataclass(frozen=True)
class Difference:
    """One field where the re-entry and the record disagree, both written the same way."""

    field: str
    entered: str
    recorded: str

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field)

    def line(self) -> str:
        return f"{self.label}: entered {self.entered}, record says {self.recorded}"


@dataclass(frozen=True)
class CheckSession:
    """A check under way: what the checker may see (which record), and the record kept out of sight."""

    record_id: int
    patient_id: str
    patient_name: str
    protocol: str
    product: str
    checker: User | None
    initials: str
    earlier_mismatches: int = 0
    _document: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class CheckOutcome:
    """The differences (empty: matched) and the signature appended ("checked" or "mismatch")."""

    differences: tuple[Difference, ...]
    signature: Signature

    @property
    def matched(self) -> bool:
        return not self.differences


def start_check(store: RecordStore, record_id: int, checker: User | None, *, initials: str = "") -> CheckSession:
    """Open a record for a blind check by `checker` (from `authenticate`; None without accounts, then
    `initials`). Refuses an unknown, corrected or already checked record, and the preparer."""
    from mscdose.records import users as records_users

    enabled = accounts_enabled(store)
    if enabled and checker is None:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "This record store has user accounts: checking needs your user id and password.")),
                            field="user")
    if enabled and checker is not None and checker.role not in records_users.MAY_SIGN["checked"]:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User {user_id} is a {role}; only a checker or admin may check."),
            user_id=checker.user_id, role=checker.role),
                            field="user", given=checker.user_id)
    if not enabled and not records_users.initials_key(initials):
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Checked by: give your initials (2 to 6 letters, e.g. JS).")), field="checked_by",
                           given=initials)
    from mscdose.records.store import StoreError

    try:
        record = store.get(record_id)
    except StoreError as error:
        raise InvalidInput(str(error), field="record", given=str(record_id)) from None
    if record.superseded_by is not None:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Record {record_id} was corrected by record {superseded_by}; check that one."),
            record_id=record_id, superseded_by=record.superseded_by),
                           field="record", given=str(record_id))
    signed = signatures(store, record_id)
    done = [s for s in signed if s.meaning == "checked"]
    if done:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Record {record_id} is already checked: {manifestation}."),
            record_id=record_id, manifestation=done[0].manifestation()), field="record",
                           given=str(record_id))
    prepared = [s for s in signed if s.meaning == "prepared"]
    if checker is not None and prepared and prepared[0].electronic:
        same = prepared[0].user_id.casefold() == checker.user_id.casefold()
        who = checker.user_id
    else:
        mine = records_users.initials_key(checker.initials if checker else initials)
        same = mine in {records_users.initials_key(record.prepared_by),
                        *(records_users.initials_key(s.initials) for s in prepared)}
        who = checker.initials if checker else initials.strip().upper()
    if same:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Record {record_id} was prepared by {who}: the preparer cannot check their own record. "
                           "Ask another person to check it."),
            record_id=record_id, who=who), field="user", given=who)
    document = record.document
    inputs = document.get("inputs") or {}
    product = " ".join(part for part in (f"lot {record.lot_number}" if record.lot_number else "",
                                         f"DIN {inputs['din']}" if inputs.get("din") else "") if part)
    protocol = document.get("protocol") or {}
    return CheckSession(record_id, record.patient_id, record.patient_name,
                        f"{protocol.get('id', '')} version {protocol.get('version', '')}", product or "not recorded",
                        checker, initials.strip().upper(), sum(s.meaning == "mismatch" for s in signed), document)


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= _RELATIVE * max(abs(a), abs(b))


def _recorded_number(inputs: Mapping[str, Any], key: str) -> Decimal | None:
    value = inputs.get(key)
    return None if value is None or isinstance(value, bool) else Decimal(str(value))


def _input_differences(request: DoseRequest, inputs: Mapping[str, Any]) -> list[Difference]:
    from mscdose.core import display

    found: list[Difference] = []
    weight = _recorded_number(inputs, "weight_kg")
    if weight is None or not _close(request.weight_kg, weight):
        found.append(Difference("weight", f"{request.weight_entered} ({display.kg(request.weight_kg)})",
                                f"{inputs.get('weight_entered', '')} ({display.kg(weight or 0)})"))
    dose_key = "dose_cells" if inputs.get("dose_mode") == "total" else "dose_cells_per_kg"
    dose = _recorded_number(inputs, dose_key)
    if request.dose_mode != inputs.get("dose_mode") or dose is None or not _close(request.dose_value, dose):
        found.append(Difference("dose", request.dose_entered, str(inputs.get("dose_entered", ""))))
    pairs = (("concentration", request.concentration_cells_per_ml, "concentration_cells_per_ml", display.concentration),
             ("viability", request.viability_percent, "viability_percent", display.percent),
             ("bag_volume", request.bag_volume_ml, "bag_volume_ml", display.ml))
    for name, entered, key, shown in pairs:
        recorded = _recorded_number(inputs, key)
        if recorded is None or not _close(entered, recorded):
            found.append(Difference(name, shown(entered), shown(recorded) if recorded is not None else "nothing"))
    return found


def record_protocol(document: Mapping[str, Any], protocol: Protocol | str | None = None) -> Protocol:
    """The protocol the record was made under: the given one or the shipped one of its id, and refused
    unless its SHA-256 is the record's (a recomputation under other rules is no check)."""
    from mscdose.service.calculation import load_protocol_for_use

    wanted = document.get("protocol") or {}
    loaded = protocol if protocol is not None and not isinstance(protocol, str) else \
        load_protocol_for_use(protocol or str(wanted.get("id") or ""))
    if loaded.sha256 != wanted.get("sha256"):
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Protocol: the record was made under {protocol_id} version {version} with SHA-256 "
                           "{wanted_sha256}, but the "
                           "protocol given has SHA-256 {sha256}. Accepted: the record's own protocol file "
                           "(--protocol FILE)."),
            protocol_id=wanted.get("id"), version=wanted.get("version"),
            wanted_sha256=wanted.get("sha256"), sha256=loaded.sha256),
                           field="protocol", given=loaded.sha256)
    return loaded


def compare_blind(record_document: Mapping[str, Any], entered_texts: Mapping[str, str | None], *,
                  units: Mapping[str, str] | None = None, protocol: Protocol | str | None = None
                  ) -> list[Difference]:
    """The differences between the checker's re-entered inputs and the record, and between the volume to
    draw recomputed from them (same engine, the record's protocol and preparation settings) and the
    record's. Empty when everything matches. InvalidInput for a re-entered text that cannot be read
    (naming the field), so a typing slip is never reported as a difference."""
    from mscdose.core import display
    from mscdose.service.calculation import calculate, read_texts

    inputs = record_document.get("inputs") or {}
    texts = {name: entered_texts.get(name) for name in BLIND_FIELDS}
    missing = [name for name in BLIND_FIELDS if not (texts[name] or "").strip()]
    if missing:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "{label}: nothing was entered. A blind check re-enters all five: {fields}."),
            label=LABELS[missing[0]], fields=", ".join(LABELS[n].lower() for n in BLIND_FIELDS)),
                           field=missing[0])
    request, errors = read_texts(texts, units)
    if errors:
        first = next(iter(errors.values()))
        raise InvalidInput(first.said or first.message, field=first.field, given=first.given)
    assert request is not None
    differences = _input_differences(request, inputs)
    loaded = record_protocol(record_document, protocol)
    settings = {"bags": str(inputs.get("bags_available") or 1), "basis": str(inputs.get("count_basis") or "total"),
                "increment": f"{inputs.get('increment_ml')} mL", "final_volume": f"{inputs.get('final_volume_ml')} mL",
                "duration": f"{inputs.get('duration_min')} min",
                "drop_factor": f"{inputs.get('drop_factor_gtt_per_ml')} gtt/mL"}
    recorded = _recorded_number(record_document, "volume_to_draw_ml")
    recorded_text = display.ml(recorded) if recorded is not None else "nothing"
    try:
        result = calculate({**texts, **settings}, loaded, units)
    except InvalidInput as error:
        differences.append(Difference("volume_to_draw", f"cannot be computed ({error})", recorded_text))
        return differences
    volume = result.volume_to_draw_ml
    if volume is None or recorded is None or Decimal(volume) != recorded:
        entered = display.ml(volume) if volume is not None else "cannot be computed (" + (
            "; ".join(f.message for f in result.hard_flags) or "no volume") + ")"
        differences.append(Difference("volume_to_draw", entered, recorded_text))
    return differences


def finish_check(store: RecordStore, session: CheckSession, entered_texts: Mapping[str, str | None], *,
                 units: Mapping[str, str] | None = None, protocol: Protocol | str | None = None) -> CheckOutcome:
    """Compare the re-entry and sign: "checked" (blind re-entry matched) or "mismatch" (the fields that
    differed), both in the chain. Bad re-entered text raises InvalidInput and signs nothing."""
    differences = tuple(compare_blind(session._document, entered_texts, units=units, protocol=protocol))
    if differences:
        meaning, detail = "mismatch", "blind re-entry differed: " + ", ".join(d.label.lower() for d in differences)
    else:
        meaning, detail = "checked", MATCHED
        if session.earlier_mismatches:
            detail += f" (after {session.earlier_mismatches} earlier mismatch(es), see the record's signatures)"
    with store_errors():
        signature = sign(store, session.record_id, session.checker, meaning, initials=session.initials,
                         detail=detail)
    return CheckOutcome(differences, signature)
