"""Small builders shared by the core tests."""

from __future__ import annotations

from pathlib import Path

from mscdose.core.engine import DoseResult
from mscdose.core.protocol import Protocol, load_protocol_file
from tests.worked_example import WORKED_TEXTS, compute_texts

PROTOCOLS = Path(__file__).parent / "protocols"

WORKED = {**WORKED_TEXTS, "age": "30"}


def protocol_file(name: str) -> Protocol:
    return load_protocol_file(PROTOCOLS / name)


def calc(protocol: Protocol | None = None, **changes: str | None) -> DoseResult:
    return compute_texts({**WORKED, **changes}, protocol)


def codes(result: DoseResult, severity: str | None = None) -> set[str]:
    return {f.code for f in result.flags if severity is None or f.severity == severity}
