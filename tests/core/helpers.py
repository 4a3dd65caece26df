"""Small builders shared by the core tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mscdose.core.engine import DoseResult
from mscdose.core.protocol import Protocol, load_protocol_file
from tests.worked_example import WORKED_TEXTS, compute_texts

PROTOCOLS = Path(__file__).parent / "protocols"

WORKED = {**WORKED_TEXTS, "age": "30"}


def protocol_file(name: str, approved: bool = True) -> Protocol:
    """A test protocol of tests/core/protocols/. Marked approved (as the service would after finding its
    SHA-256 in the store) unless asked not to, so the shape under test is not hidden by PROTOCOL_NOT_APPROVED."""
    return replace(load_protocol_file(PROTOCOLS / name), approved=approved)


def calc(protocol: Protocol | None = None, **changes: str | None) -> DoseResult:
    return compute_texts({**WORKED, **changes}, protocol)


def codes(result: DoseResult, severity: str | None = None) -> set[str]:
    return {f.code for f in result.flags if severity is None or f.severity == severity}
