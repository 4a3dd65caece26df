"""From the window's fields to one engine result, without Qt: the window's only road to the engine.

The window hands over the texts and the units its selectors show; this module calls `read_request` and
`compute` and says which required fields are still empty (not yet an error: nothing has been typed).
It does no dose arithmetic: a unit switch converts with the shared pint registry, and preparation values
are compared with the protocol's to decide whether the protocol default is being used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from mscdose.core import display, parsing
from mscdose.core.engine import DoseResult, compute
from mscdose.core.errors import InputError
from mscdose.core.protocol import Protocol, Setting
from mscdose.core.request import REQUIRED, read_request

# The unit a bare number in each field is read in (the label or selector beside the box shows it).
FIXED_UNITS: dict[str, str] = {
    "concentration": "million cells/mL",
    "bag_volume": "mL",
    "final_volume": "mL",
    "duration": "min",
    "increment": "mL",
}

# Preparation field -> (protocol setting name, parser of a text into the setting's unit)
_PREPARATION: dict[str, tuple[str, Callable[[str], Decimal]]] = {
    "final_volume": ("final_volume", lambda t: parsing.parse_volume("final_volume", t, "mL")),
    "duration": ("duration", lambda t: parsing.parse_duration(t, "min")),
    "drop_factor": ("drop_factor", parsing.parse_drop_factor),
    "increment": ("volume_increment", lambda t: parsing.parse_volume("increment", t, "mL")),
}
PREPARATION_FIELDS = tuple(_PREPARATION)


@dataclass
class Reading:
    """What the window shows after one recompute."""

    result: DoseResult | None
    errors: dict[str, InputError] = field(default_factory=dict)  # fields with text that cannot be read
    missing: list[str] = field(default_factory=list)  # required fields still empty


def _setting(protocol: Protocol, name: str) -> Setting:
    return getattr(protocol, name)  # type: ignore[no-any-return]


def preparation_texts(protocol: Protocol) -> dict[str, str]:
    """The protocol's site values as the numbers to prefill (the unit is shown beside each box)."""
    return {name: display.plain(_setting(protocol, setting).value) for name, (setting, _) in _PREPARATION.items()}


def preparation_default_text(protocol: Protocol, name: str) -> str:
    """The protocol value with its unit, for the 'changed from protocol' marker."""
    setting = _setting(protocol, _PREPARATION[name][0])
    return setting.text


def is_protocol_value(protocol: Protocol, name: str, text: str) -> bool:
    """True when `text` reads as exactly the protocol's value (then the engine is told 'use the default',
    so the record says the site value was used rather than 'changed')."""
    setting_name, parse = _PREPARATION[name]
    try:
        return parse(text) == _setting(protocol, setting_name).value
    except InputError:
        return False


def _bare_number(parse: Callable[[], object]) -> bool:
    try:
        parse()
    except InputError:
        return True
    return False


# Free-text fields of the form -> the Preparation field the service checks them as (issue 11: text that
# cannot spoof what is printed). The rule itself is the service's (`service.finalise.check_texts`).
FREE_TEXTS = {"patient_id": "patient_id", "patient_name": "patient_name", "lot": "lot_number",
              "prescriber": "prescriber", "order_reference": "order_reference"}


def text_errors(texts: Mapping[str, str]) -> dict[str, InputError]:
    """The free-text fields that could spoof what is printed (control, bidi or hidden characters, over-long
    text), each with the service's message, so that the window marks them as the person types."""
    errors: dict[str, InputError] = {}
    for key, name in FREE_TEXTS.items():
        text = texts.get(key) or ""
        if not text:
            continue
        # (imported at the first text typed: not part of the time to a usable form, issue 18)
        from mscdose.service.errors import InvalidInput
        from mscdose.service.finalise import Preparation, check_texts

        fields = {"patient_id": ""} | {name: text}
        try:
            check_texts(Preparation(**fields))
        except InvalidInput as error:
            errors[key] = InputError(key, text[:200], str(error))
    return errors


def read_form(texts: Mapping[str, str], units: Mapping[str, str], protocol: Protocol,
              now: datetime | None = None) -> Reading:
    """Read every field and compute when all can be read. Empty required fields are `missing`, not errors.
    `now` is the window's clock (injectable, so a test can move time without sleeping): the post-thaw limit
    and the product expiry are checked against it."""
    sent: dict[str, str | None] = {name: (text or "") for name, text in texts.items()}
    for name in PREPARATION_FIELDS:
        text = (sent.get(name) or "").strip()
        if not text or is_protocol_value(protocol, name, text):
            sent[name] = ""
    if now is not None:
        sent["now"] = now.isoformat(timespec="seconds")
    request, errors = read_request(sent, {**FIXED_UNITS, **units})
    missing = [name for name in REQUIRED if not (sent.get(name) or "").strip()]
    shown = {name: error for name, error in errors.items() if name not in missing}
    shown.update(text_errors(texts))
    if request is None:
        return Reading(None, shown, missing)
    # read_request keeps what was entered, with its unit and by the display rules ("62 kg", "150 million
    # cells"): the record never holds a bare "62" of unknown unit.
    return Reading(compute(request, protocol), shown, [])


def parsing_has_unit(text: str) -> bool:
    """Whether a weight text names its own unit ("62 kg") rather than relying on the unit selector ("62")."""
    return not _bare_number(lambda: parsing.parse_weight(text))
