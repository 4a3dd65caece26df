"""From typed text to a computed dose under a protocol: the one road both front ends take.

The window reads as the person types (and marks every bad field); the command line stops at the first bad
option. Both read the same text the same way because both come through `read_texts`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mscdose.service.errors import InvalidInput

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.errors import InputError
    from mscdose.core.protocol import Protocol
    from mscdose.core.request import DoseRequest


def load_protocol_for_use(reference: str | None) -> Protocol:
    """The protocol a calculation is made under: a shipped or approved id (default NCT03055078) or a .toml
    file, approved only when its exact bytes are (`mscdose.service.protocols`)."""
    from mscdose.service.protocols import load_for_use

    return load_for_use(reference)


def read_texts(texts: Mapping[str, str | Sequence[str] | None], units: Mapping[str, str] | None = None
               ) -> tuple[DoseRequest | None, dict[str, InputError]]:
    """Every field read at once; the errors by field in the order people read the form."""
    from mscdose.core.request import read_request

    return read_request(texts, units)


def calculate(texts: Mapping[str, str | Sequence[str] | None], protocol: Protocol | str | None = None,
              units: Mapping[str, str] | None = None) -> DoseResult:
    """Compute, or raise InvalidInput for the first bad field (in the order of the form and the options)."""
    from mscdose.core.engine import compute

    if protocol is None or isinstance(protocol, str):
        protocol = load_protocol_for_use(protocol)
    request, errors = read_texts(texts, units)
    if errors:
        first = next(iter(errors.values()))
        raise InvalidInput(first.said or first.message, field=first.field, given=first.given)
    assert request is not None
    return compute(request, protocol)
