"""The worked example of domain.md as typed into the form, and the one request builder every test package uses.

62 kg, 150 million cells, lot 5 million cells/mL at 92 % viability, two 20 mL bags. Worked by hand:
Cv = 4.6 million/mL; Vx = 32.6087 mL; V = 32.6 mL; Dd = 149.96 million cells (2.419 million/kg);
2 bags; diluent 67.4 mL to 100 mL; 100 mL/h; 33 gtt/min.

The core, records and worksheet helpers used to carry three near-identical copies of "read the texts,
assert no error, compute, build the document"; they now call `compute_texts` and `build_document`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.overrides import Override
    from mscdose.core.protocol import Protocol

WORKED_TEXTS: dict[str, str] = {
    "weight": "62 kg",
    "dose": "150 million cells",
    "concentration": "5 million cells/mL",
    "viability": "92 %",
    "bag_volume": "20 mL",
    "bags": "2",
}


def compute_texts(texts: Mapping[str, str | None], protocol: Protocol | None = None) -> DoseResult:
    """Read the field texts as the form would (None leaves a field out), assert they parse, and compute."""
    from mscdose.core.engine import compute
    from mscdose.core.protocol import load_protocol
    from mscdose.core.request import read_request

    request, errors = read_request({k: v for k, v in texts.items() if v is not None})
    assert not errors, errors
    assert request is not None
    return compute(request, protocol or load_protocol())


def build_document(texts: Mapping[str, str | None], *, patient_id: str, patient_name: str = "",
                   prepared_by: str = "", lot_number: str = "", overrides: Sequence[Override] = (),
                   eligibility: Mapping[str, bool | None] | None = None,
                   protocol: Protocol | None = None) -> dict[str, Any]:
    """The calculation document of these texts, as the record store keeps it and the worksheet prints it."""
    from mscdose.core.document import record_document

    return record_document(compute_texts(texts, protocol), patient_id=patient_id, patient_name=patient_name,
                           prepared_by=prepared_by, lot_number=lot_number, overrides=overrides,
                           eligibility=eligibility)
