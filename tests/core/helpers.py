"""Small builders shared by the core tests."""

from __future__ import annotations

from pathlib import Path

from mscdose.core.engine import DoseResult, compute
from mscdose.core.protocol import Protocol, load_protocol, load_protocol_file
from mscdose.core.request import read_request
from tests.worked_example import WORKED_TEXTS

PROTOCOLS = Path(__file__).parent / "protocols"

WORKED = {**WORKED_TEXTS, "age": "30"}


def protocol_file(name: str) -> Protocol:
    return load_protocol_file(PROTOCOLS / name)


def calc(protocol: Protocol | None = None, **changes: str | None) -> DoseResult:
    texts = {**WORKED, **changes}
    request, errors = read_request({k: v for k, v in texts.items() if v is not None})
    assert not errors, errors
    assert request is not None
    return compute(request, protocol or load_protocol())


def codes(result: DoseResult, severity: str | None = None) -> set[str]:
    return {f.code for f in result.flags if severity is None or f.severity == severity}
