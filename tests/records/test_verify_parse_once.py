"""verify() parses each stored document once (issue 18); the lot keys it derives equal schema.document_lots."""

from __future__ import annotations

import json

import pytest

from mscdose.records.schema import document_lots
from mscdose.records.verify_records import _lots


@pytest.mark.parametrize("document", [
    {"lot_number": "L-7", "inputs": {"din": "G123498654321H"}},
    {"lot_number": None, "inputs": None},
    {"inputs": {"din": 5}},
    {"lot_number": 12, "inputs": []},
    {"lot_number": "L", "inputs": "text"},
    {},
])
def test_lots_of_a_parsed_document_equal_document_lots(document: dict) -> None:
    assert _lots(document) == document_lots(json.dumps(document))
