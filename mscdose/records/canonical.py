"""Canonical JSON and the hash chain: the exact bytes every record's SHA-256 is taken over.

An auditor must be able to recompute a hash months later with nothing but Python's json and hashlib,
so the rules are few and fixed: keys sorted, no spaces, UTF-8 kept as is, NaN refused.

A record's hash covers its header fields (id, time, who, status, ...), the SHA-256 of its document's
canonical JSON and the previous record's hash. Hashing the document separately keeps verification of
10,000 records fast (hashing bytes, not re-serialising every document) while still covering every byte.

Since schema version 3 every entry (record, print event, protocol approval, and later kinds) also has one
entry in the ledger: ONE chain in the order things happened, whose last hash (the head) is what anchors,
worksheets and the anchor file quote. A ledger entry's hash covers {seq, kind, ref, item_sha256,
prev_sha256}; item_sha256 is the entry's own hash (record_hash, print_event_hash, approval_hash).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first record and of the first print event


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


RECORD_FIELDS = (
    "id", "created_at", "app_version", "protocol_id", "protocol_version", "protocol_sha256",
    "patient_id", "patient_name", "prepared_by", "checked_by", "status", "supersedes", "correction_reason",
)
PRINT_FIELDS = ("id", "record_id", "at", "ok", "detail")


def record_hash(header: dict[str, Any], document_json: str, prev_sha256: str) -> str:
    """SHA-256 of {header fields, document_sha256, prev_sha256} as canonical JSON."""
    content = {key: header[key] for key in RECORD_FIELDS}
    content["document_sha256"] = sha256_text(document_json)
    content["prev_sha256"] = prev_sha256
    return sha256_text(canonical_json(content))


def print_event_hash(event: dict[str, Any], prev_sha256: str) -> str:
    content = {key: event[key] for key in PRINT_FIELDS}
    content["prev_sha256"] = prev_sha256
    return sha256_text(canonical_json(content))


APPROVAL_FIELDS = ("id", "protocol_id", "version", "protocol_sha256", "approved_by", "at", "reason")
LEDGER_FIELDS = ("seq", "kind", "ref", "item_sha256")


def approval_hash(approval: dict[str, Any]) -> str:
    """A protocol approval's own hash (its place in time is fixed by its ledger entry)."""
    content = {key: approval[key] for key in APPROVAL_FIELDS}
    content["kind"] = "protocol_approval"
    return sha256_text(canonical_json(content))


def ledger_hash(entry: dict[str, Any], prev_sha256: str) -> str:
    content = {key: entry[key] for key in LEDGER_FIELDS}
    content["prev_sha256"] = prev_sha256
    return sha256_text(canonical_json(content))
