"""The inputs of one calculation, already parsed into canonical units, and how text becomes them.

`read_request` is the single road from what people type (CLI options or GUI fields) to a `DoseRequest`;
it reports every bad field at once so a window can mark each one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from mscdose.core import parsing, plausibility  # plausibility: issue 11
from mscdose.core.errors import InputError
from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.core.patient import parse_date_of_birth
from mscdose.core.text import shown

if TYPE_CHECKING:  # issue 18: ISBT 128 and the scan reader load when a DIN, scan or product code is given
    from mscdose.core.isbt128 import Din
    from mscdose.core.scan import LabelScan

CountBasis = Literal["total", "viable"]


@dataclass(frozen=True)
class DoseRequest:
    """One preparation. Optional preparation values left as None take the protocol's site defaults."""

    weight_kg: Decimal
    dose_mode: Literal["total", "per_kg"]
    dose_value: Decimal  # cells, or cells/kg
    concentration_cells_per_ml: Decimal
    viability_percent: Decimal
    bag_volume_ml: Decimal
    bags_available: int = 1
    count_basis: CountBasis = "total"
    age_years: Decimal | None = None
    final_volume_ml: Decimal | None = None
    duration_min: Decimal | None = None
    drop_factor_gtt_per_ml: Decimal | None = None
    increment_ml: Decimal | None = None
    din: Din | None = None
    thawed_at: datetime | None = None
    now: datetime | None = None
    weight_entered: str = ""
    dose_entered: str = ""
    # --- issue 19 (engine): the patient's second identifier; the age is computed from it -------------------
    date_of_birth: date | None = None
    # --- issue 11: plausibility inputs from the product label (core/plausibility.py) ---
    label_cells_per_bag: Decimal | None = None  # total cells per bag, as printed on the label
    dmso_percent: Decimal | None = None  # % v/v; None takes the protocol's default
    expires_at: datetime | None = None  # the product's expiry
    # --- end issue 11 ---
    # --- issue 13: the product labels scanned (one per bag or barcode), the product code, and where the DIN,
    # product code and expiry came from: ("din", "scan") / ("din", "typed") / ("din", "typed+scan") ---
    scans: tuple[LabelScan, ...] = ()
    product_code: str | None = None
    value_sources: tuple[tuple[str, str], ...] = ()
    # --- end issue 13 ---

    def source_of(self, field: str) -> str | None:
        """"scan", "typed" or "typed+scan" (typed and confirmed by a scan) for din, product_code and
        expires_at; None when the value is absent."""
        return dict(self.value_sources).get(field)


# Field order is the order errors are reported in (the order of the CLI options and of the window).
FIELDS = (
    "weight", "dose", "concentration", "viability", "bag_volume", "bags", "basis", "age", "final_volume",
    "duration", "drop_factor", "increment", "din", "thawed_at", "now",
    "date_of_birth",  # issue 19 (engine)
    "label_cells", "dmso", "expires_at",  # issue 11
    "scan", "product_code",  # issue 13
)
REQUIRED = ("weight", "dose", "concentration", "viability", "bag_volume")


def _basis(text: str) -> CountBasis:
    value = (text or "").strip().lower()
    if value in ("total", "viable"):
        return value  # type: ignore[return-value]
    raise InputError("basis", (text or "")[:200], said(  # type: ignore[arg-type]
        QT_TRANSLATE_NOOP("CoreMessage", "Counting basis: “{typed}” is not known. Accepted: total (the lot count is "
                                         "of all cells) or viable (the lot count is of viable cells only)."),
        typed=shown(text or "")))


def scan_texts(value: str | Sequence[str] | None) -> list[str]:
    """The scans in the "scan" field: a list (one scan each, as `--scan` given several times) or text with
    one scan per line (a scanner ends each read with Enter). Blank ones are dropped. A scan line may hold
    several data structures of one label (`=G1234...=<S1234A00`), read together by `parse_scan`."""
    if value is None:
        return []
    items = value.splitlines() if isinstance(value, str) else [str(item) for item in value]
    return [item for item in items if item.strip()]


def _parse_din(text: str) -> Din:
    from mscdose.core.isbt128 import parse_din

    return parse_din(text)


def _parse_product_code(text: str) -> str:
    from mscdose.core.scan import parse_product_code

    return parse_product_code(text)


def _read_scans(value: str | Sequence[str] | None, errors: dict[str, InputError]) -> tuple[LabelScan, ...]:
    texts = scan_texts(value)
    if not texts:
        return ()
    from mscdose.core.scan import parse_scan

    scans = []
    for number, text in enumerate(texts, 1):
        try:
            scans.append(parse_scan(text))
        except InputError as error:
            errors["scan"] = error if len(texts) < 2 else InputError("scan", error.given, said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage", "Scan {number} of {count}: {problem}"),
                number=number, count=len(texts), problem=error.said or error.message))
            return ()
    return tuple(scans)


def _disagree(field: str, given: object, what: str, typed: str, scanned: str, accepted: str) -> InputError:
    """`what` and `accepted` are marked QT_TRANSLATE_NOOP("CoreMessage", ...) by the caller."""
    return InputError(field, str(given or ""), said(  # type: ignore[arg-type]
        QT_TRANSLATE_NOOP("CoreMessage", "{label}: typed {typed}, but the scanned label says {scanned}. Is this the "
                                         "bag being prepared? Scan it again, or correct the typed value (the scan and "
                                         "the typed value must agree). Accepted: {accepted}."),
        label=said(what), typed=typed, scanned=scanned, accepted=said(accepted)))


def _fill_from_scans(scans: tuple[LabelScan, ...], values: dict[str, object], errors: dict[str, InputError],
                     texts: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """Issue 13: the DIN, product code and expiry from the scans when they were not typed; a typed value that
    disagrees with a scanned one is refused naming both (the wrong bag, or a typing slip). Returns where each
    value came from. Several bags with different DINs or products are left to the engine's hard flags."""
    sources: dict[str, str] = {}
    for field in ("din", "product_code", "expires_at"):
        if values.get(field) is not None:
            sources[field] = "typed"
    if not scans:
        return tuple(sorted(sources.items()))
    from mscdose.core.isbt128 import Din
    from mscdose.core.product_checks import local_wall_time

    dins = [scan.din for scan in scans if scan.din is not None]
    typed_din = values.get("din")
    if dins and "din" not in errors:
        if isinstance(typed_din, Din):
            other = next((din for din in dins if din.code != typed_din.code), None)
            if other is not None:
                errors["din"] = _disagree("din", texts.get("din"), parsing.LABELS["din"], typed_din.display,
                                          other.display, QT_TRANSLATE_NOOP("CoreMessage",
                                                                           "the DIN of the bag being prepared"))
            sources["din"] = "typed+scan"
        else:
            values["din"], sources["din"] = dins[0], "scan"
    codes = [scan.product_code for scan in scans if scan.product_code]
    typed_code = values.get("product_code")
    if codes and "product_code" not in errors:
        if isinstance(typed_code, str):
            other_code = next((code for code in codes if code != typed_code), None)
            if other_code is not None:
                errors["product_code"] = _disagree("product_code", texts.get("product_code"),
                                                   QT_TRANSLATE_NOOP("CoreMessage", "Product code"), typed_code,
                                                   other_code, QT_TRANSLATE_NOOP(
                                                       "CoreMessage", "the product code of the bag being prepared"))
            sources["product_code"] = "typed+scan"
        else:
            values["product_code"], sources["product_code"] = codes[0], "scan"
    expiries = [scan.expiry for scan in scans if scan.expiry is not None]
    typed_expiry = values.get("expires_at")
    if expiries and "expires_at" not in errors:
        earliest = min(expiries)
        if isinstance(typed_expiry, datetime):
            wall = local_wall_time(typed_expiry).replace(second=0, microsecond=0)
            if wall != earliest:
                errors["expires_at"] = _disagree("expires_at", texts.get("expires_at"),
                                                 QT_TRANSLATE_NOOP("CoreMessage", "Expiry"),
                                                 f"{wall:%Y-%m-%d %H:%M}", f"{earliest:%Y-%m-%d %H:%M}",
                                                 QT_TRANSLATE_NOOP("CoreMessage", "the expiry on the label of the "
                                                                                  "bag being prepared"))
            sources["expires_at"] = "typed+scan"
        else:
            # ISBT 128 times are the label's local wall-clock time: read as this computer's local time
            values["expires_at"], sources["expires_at"] = earliest.astimezone(), "scan"
    return tuple(sorted(sources.items()))


def read_request(
    texts: Mapping[str, str | Sequence[str] | None],
    units: Mapping[str, str] | None = None,
) -> tuple[DoseRequest | None, dict[str, InputError]]:
    """Parse every field; return the request (None if any field failed) and the errors by field.

    `units` gives a unit to read a bare number in, for fields whose unit a window shows beside the box
    (for example {"weight": "kg", "concentration": "million cells/mL"}); a unit typed in such a box must be
    of the same kind as the one beside it. Without a unit for weight, dose, concentration or a volume or
    time (the command line), a bare number is refused: `--dose 150` never means 150 cells.
    """
    units = units or {}
    errors: dict[str, InputError] = {}
    values: dict[str, object] = {}

    def take(field: str, parse: Callable[[str], object], optional: bool = False) -> None:
        text = texts.get(field)
        if not isinstance(text, str | None):
            errors[field] = InputError(field, str(text)[:200], said(  # type: ignore[arg-type]
                QT_TRANSLATE_NOOP("CoreMessage", "{field}: one text was expected, not a list."), field=field))
            return
        if optional and (text is None or not str(text).strip()):
            return
        try:
            values[field] = parse(str(text) if text is not None else "")
        except InputError as error:
            errors[field] = error

    take("weight", lambda t: parsing.read_weight(t, units.get("weight")))
    take("dose", lambda t: parsing.read_dose(t, units.get("dose")))
    take("concentration", lambda t: parsing.parse_concentration(t, units.get("concentration")))
    take("viability", parsing.parse_viability)
    take("bag_volume", lambda t: parsing.parse_volume("bag_volume", t, units.get("bag_volume")))
    take("bags", parsing.parse_bags, optional=True)
    take("basis", _basis, optional=True)
    take("age", parsing.parse_age, optional=True)
    take("final_volume", lambda t: parsing.parse_volume("final_volume", t, units.get("final_volume")),
         optional=True)
    take("duration", lambda t: parsing.parse_duration(t, units.get("duration")), optional=True)
    take("drop_factor", parsing.parse_drop_factor, optional=True)
    take("increment", lambda t: parsing.parse_volume("increment", t, units.get("increment")), optional=True)
    take("din", _parse_din, optional=True)
    take("thawed_at", lambda t: parsing.parse_datetime("thawed_at", t), optional=True)
    take("now", lambda t: parsing.parse_datetime("now", t), optional=True)
    take("date_of_birth", parse_date_of_birth, optional=True)  # issue 19 (engine)
    # --- issue 11: plausibility inputs ---
    take("label_cells", plausibility.parse_label_cells, optional=True)
    take("dmso", plausibility.parse_dmso_percent, optional=True)
    take("expires_at", lambda t: parsing.parse_datetime("expires_at", t), optional=True)
    # --- end issue 11 ---
    # --- issue 13: product label scans fill the DIN, product code and expiry that were not typed ---
    take("product_code", _parse_product_code, optional=True)
    scans = _read_scans(texts.get("scan"), errors)
    sources = _fill_from_scans(scans, values, errors, texts)
    # --- end issue 13 ---

    thawed, now = values.get("thawed_at"), values.get("now")
    if isinstance(thawed, datetime) and "thawed_at" not in errors:
        reference = now if isinstance(now, datetime) else datetime.now().astimezone()
        if thawed > reference:
            errors["thawed_at"] = InputError(
                "thawed_at", str(texts.get("thawed_at")), said(  # type: ignore[arg-type]
                    QT_TRANSLATE_NOOP("CoreMessage", "Thaw time: “{typed}” is later than the current time ({now}). "
                                                     "Accepted: {accepted}, not in the future."),
                    typed=shown(str(texts.get("thawed_at"))), now=reference.isoformat(timespec="minutes"),
                    accepted=said(parsing.ACCEPTED["thawed_at"])))
    if errors:
        ordered = {field: errors[field] for field in FIELDS if field in errors}
        return None, ordered
    weight: parsing.Entry = values["weight"]  # type: ignore[assignment]
    dose: parsing.Entry = values["dose"]  # type: ignore[assignment]
    request = DoseRequest(
        weight_kg=weight.value,
        dose_mode=dose.mode,
        dose_value=dose.value,
        concentration_cells_per_ml=values["concentration"],  # type: ignore[arg-type]
        viability_percent=values["viability"],  # type: ignore[arg-type]
        bag_volume_ml=values["bag_volume"],  # type: ignore[arg-type]
        bags_available=values.get("bags", 1),  # type: ignore[arg-type]
        count_basis=values.get("basis", "total"),  # type: ignore[arg-type]
        age_years=values.get("age"),  # type: ignore[arg-type]
        final_volume_ml=values.get("final_volume"),  # type: ignore[arg-type]
        duration_min=values.get("duration"),  # type: ignore[arg-type]
        drop_factor_gtt_per_ml=values.get("drop_factor"),  # type: ignore[arg-type]
        increment_ml=values.get("increment"),  # type: ignore[arg-type]
        din=values.get("din"),  # type: ignore[arg-type]
        thawed_at=thawed,  # type: ignore[arg-type]
        now=now,  # type: ignore[arg-type]
        weight_entered=weight.entered,  # as entered, written by the display rules ("136.5 lb")
        dose_entered=dose.entered,  # "150 million cells", never "1.50e8 cells"
        date_of_birth=values.get("date_of_birth"),  # type: ignore[arg-type]
        label_cells_per_bag=values.get("label_cells"),  # type: ignore[arg-type]  # issue 11
        dmso_percent=values.get("dmso"),  # type: ignore[arg-type]  # issue 11
        expires_at=values.get("expires_at"),  # type: ignore[arg-type]  # issue 11
        scans=scans,  # issue 13
        product_code=values.get("product_code"),  # type: ignore[arg-type]  # issue 13
        value_sources=sources,  # issue 13
    )
    return request, {}
