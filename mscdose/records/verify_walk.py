"""The fast path of `verify()`'s walk over records (issue 18: 100,000 records in seconds, memory flat).

Where the time went: Python's `json.loads` of every 5 KB document (about 70 µs each), a new JSON encoder for
every hash (`json.dumps` with options builds one per call), Unicode normalisation of every identifier, and
turning every document into a Python string only to encode it back to UTF-8 for its SHA-256.

What this does instead, without changing what verify proves:
- the document's SHA-256 is taken over the stored UTF-8 bytes (`CAST(document AS BLOB)`): the same bytes
  `sha256_text` hashes, since SQLite stores the text as UTF-8;
- the canonical JSON texts of the record and ledger hashes are made by SQLite in the same statement
  (`json_object` escapes as `json.dumps(..., ensure_ascii=False)` does; FAST_SELECT, LEDGER_SELECT) when every
  value has the type mscdose writes; otherwise by ONE encoder made with exactly the options of
  `canonical.canonical_json` (what `json.dumps` builds on each call), so they are the same strings;
- the document facts repeat from record to record: each distinct text is judged once (`KeyCache.facts`);
- the few document fields the final-record rule reads (status, flags, lot number, DIN, and their JSON types)
  are read by SQLite's JSON functions in C, in the same statement;
- identifiers that are plain ASCII letters and digits get their canonical key as `lower()` (which is what
  NFKC + case folding + dropping separators gives them); every other identifier goes through
  `identifiers.canonical_key`.

The fast path can only ACCEPT a record. Whenever anything is not plainly as mscdose writes it (hash
mismatch, a value of an unexpected JSON type, an escape in the flags, keys that differ, a document that is
not text), verify.py re-reads that record and the original checks decide, with their own messages.
What SQLite's JSON reading cannot mirror is a document with a key written twice (Python keeps the last,
SQLite the first): mscdose never writes one (its canonical JSON has each key once), and a document rewritten
together with its hashes is what the chain's anchors catch, not this rule (docs/audit.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from mscdose.core.identifiers import canonical_key, lot_key
from mscdose.records.canonical import LEDGER_FIELDS, PRINT_FIELDS, RECORD_FIELDS

# json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False) is
# JSONEncoder(...same options...).encode(value): one encoder, the same text (tests/records/test_verify_walk.py)
_ENCODE = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode
_SHA256 = hashlib.sha256
sha256 = hashlib.sha256
# the string encoder JSONEncoder uses with ensure_ascii=False (C when available, as json.dumps uses it)
_STRING = json.encoder.encode_basestring  # type: ignore[attr-defined]

# ONE statement reads each record with what its checks need (issue 18: the per-record Python work was most of
# verify's time at 100,000 records):
# - the canonical JSON text of the record's hash, built by SQLite with an empty place for the document's SHA-256
#   (`_HEADER_OBJECT`, `record_text`; SQLite escapes exactly as Python's JSON encoder with ensure_ascii=False:
#   tests/records/test_verify_sql_text.py) when every header value has the type mscdose writes, else NULL;
# - the four document values the final-record rule and the keys read (status, flags, lot number, DIN) as ONE
#   JSON array (the text SQLite gives repeats from record to record: each distinct one is judged once by the
#   rule itself, `KeyCache.facts`), and the JSON type of `inputs`;
# - the record's stored keys.
# The document is read four times and parsed once per row (SQLite caches the parse within a row); each more
# use of the column in the statement copies it again, which is why the rule is not written in SQL.
_TEXT_HEADER = ("app_version", "checked_by", "correction_reason", "created_at", "patient_id", "patient_name",
                "prepared_by", "prev_sha256", "protocol_id", "protocol_sha256", "protocol_version", "status")
_TYPED = (" AND ".join(f"typeof({name}) = 'text'" for name in _TEXT_HEADER)
          + " AND typeof(id) = 'integer' AND typeof(supersedes) IN ('integer', 'null')")
# The record hash's canonical text with an empty document_sha256, made by ONE json_object (keys in sorted order;
# SQLite writes it compact and escapes each text as json_quote does, as Python's encoder with ensure_ascii=False
# does: tests/records/test_verify_sql_text.py). `record_text` puts the document's SHA-256 in its place. Issue 18:
# the same text built with twelve json_quote calls and 25 concatenations was 0.5 s of SQLite's 2.4 s at 100,000
# records, and this is half that.
_HEADER_OBJECT = ("json_object('app_version', app_version, 'checked_by', checked_by, 'correction_reason', "
                  "correction_reason, 'created_at', created_at, 'document_sha256', '', 'id', id, 'patient_id', "
                  "patient_id, 'patient_name', patient_name, 'prepared_by', prepared_by, 'prev_sha256', prev_sha256, "
                  "'protocol_id', protocol_id, 'protocol_sha256', protocol_sha256, 'protocol_version', "
                  "protocol_version, 'status', status, 'supersedes', supersedes)")
# Where the document's SHA-256 goes. `,"` never occurs inside a JSON string (a quote there is escaped), so the
# first occurrence of this text is the key itself, never a part of a value before it.
_SHA_SLOT = ',"document_sha256":"",'
FAST_SELECT = (
    f"SELECT records.id, prev_sha256, sha256, CAST(document AS BLOB), "
    f"CASE WHEN {_TYPED} THEN {_HEADER_OBJECT} END, "
    "CASE WHEN typeof(document) = 'text' THEN json_extract(document, '$.status', '$.flags', '$.lot_number', "
    "'$.inputs.din') END, "
    "CASE WHEN typeof(document) = 'text' THEN json_type(document, '$.inputs') END, "
    "status, patient_id, protocol_id, k.patient_key, k.protocol_key, k.lot_key, k.din_key "
    "FROM records LEFT JOIN record_keys k ON k.record_id = records.id ORDER BY records.id"
)
LEDGER_SELECT = (
    "SELECT seq, kind, ref, item_sha256, prev_sha256, sha256, CASE WHEN typeof(seq) = 'integer' AND typeof(ref) = "
    "'integer' AND typeof(kind) = 'text' AND typeof(item_sha256) = 'text' AND typeof(prev_sha256) = 'text' THEN "
    "json_object('item_sha256', item_sha256, 'kind', kind, 'prev_sha256', prev_sha256, 'ref', ref, 'seq', seq) END "
    "FROM ledger ORDER BY seq"
)


HEADER_COLUMNS = len(RECORD_FIELDS)


# The canonical JSON of the three hashed shapes when every value has the type mscdose writes (text, whole
# numbers, null), keys in sorted order: the text json.dumps(sort_keys=True, ...) gives, without building a dict
# and sorting it (proven equal by tests/records/test_verify_walk.py). Any other type goes through _ENCODE.
_RECORD_TEMPLATE = ('{"app_version":%s,"checked_by":%s,"correction_reason":%s,"created_at":%s,"document_sha256":"%s",'
                    '"id":%d,"patient_id":%s,"patient_name":%s,"prepared_by":%s,"prev_sha256":%s,"protocol_id":%s,'
                    '"protocol_sha256":%s,"protocol_version":%s,"status":%s,"supersedes":%s}')
_LEDGER_TEMPLATE = '{"item_sha256":%s,"kind":%s,"prev_sha256":%s,"ref":%d,"seq":%d}'
_PRINT_TEMPLATE = '{"at":%s,"detail":%s,"id":%d,"ok":%d,"prev_sha256":%s,"record_id":%d}'
_SIGNATURE_TEMPLATE = ('{"at":%s,"detail":%s,"id":%d,"initials":%s,"kind":"signature","meaning":%s,"printed_name":%s,'
                       '"record_id":%d,"user_id":%s}')
_TEXT_FIELDS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12)  # of RECORD_FIELDS: all but id (0) and supersedes (11)


def record_hash(header: tuple[Any, ...], document_utf8: bytes, prev_sha256: str) -> str:
    """canonical.record_hash of these header values (in RECORD_FIELDS order) and the document's UTF-8 bytes."""
    document_sha256 = _SHA256(document_utf8).hexdigest()
    (rid, created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name,
     prepared_by, checked_by, status, supersedes, correction_reason) = header
    if (type(rid) is int and (supersedes is None or type(supersedes) is int) and type(prev_sha256) is str
            and all(type(header[i]) is str for i in _TEXT_FIELDS)):
        text = _RECORD_TEMPLATE % (
            _STRING(app_version), _STRING(checked_by), _STRING(correction_reason), _STRING(created_at),
            document_sha256, rid, _STRING(patient_id), _STRING(patient_name), _STRING(prepared_by),
            _STRING(prev_sha256), _STRING(protocol_id), _STRING(protocol_sha256), _STRING(protocol_version),
            _STRING(status), "null" if supersedes is None else supersedes)
    else:
        content = dict(zip(RECORD_FIELDS, header, strict=True))
        content["document_sha256"] = document_sha256
        content["prev_sha256"] = prev_sha256
        text = _ENCODE(content)
    return _SHA256(text.encode("utf-8")).hexdigest()


def print_event_hash(event: tuple[Any, ...], prev_sha256: str) -> str:
    """canonical.print_event_hash of (id, record_id, at, ok, detail)."""
    event_id, record_id, at, ok, detail = event
    if type(event_id) is int and type(record_id) is int and type(ok) is int and type(at) is str \
            and type(detail) is str and type(prev_sha256) is str:
        text = _PRINT_TEMPLATE % (_STRING(at), _STRING(detail), event_id, ok, _STRING(prev_sha256), record_id)
    else:
        content = dict(zip(PRINT_FIELDS, event, strict=True))
        content["prev_sha256"] = prev_sha256
        text = _ENCODE(content)
    return _SHA256(text.encode("utf-8")).hexdigest()


def signature_hash(signature: tuple[Any, ...]) -> str:
    """signature_rules.signature_hash of (id, record_id, meaning, user_id, printed_name, initials, at, detail):
    issue 18, a site signs every record twice, and `json.dumps` of each was most of verify's signature time."""
    sid, record_id, meaning, user_id, printed_name, initials, at, detail = signature
    if type(sid) is int and type(record_id) is int and type(meaning) is str and type(user_id) is str \
            and type(printed_name) is str and type(initials) is str and type(at) is str and type(detail) is str:
        text = _SIGNATURE_TEMPLATE % (_STRING(at), _STRING(detail), sid, _STRING(initials), _STRING(meaning),
                                      _STRING(printed_name), record_id, _STRING(user_id))
        return _SHA256(text.encode("utf-8")).hexdigest()
    from mscdose.records import signature_rules

    return signature_rules.signature_hash(dict(zip(signature_rules.SIGNATURE_FIELDS, signature, strict=True)))


def ledger_hash(entry: tuple[Any, ...], prev_sha256: str) -> str:
    """canonical.ledger_hash of (seq, kind, ref, item_sha256)."""
    seq, kind, ref, item_sha256 = entry
    if type(seq) is int and type(ref) is int and type(kind) is str and type(item_sha256) is str \
            and type(prev_sha256) is str:
        text = _LEDGER_TEMPLATE % (_STRING(item_sha256), _STRING(kind), _STRING(prev_sha256), ref, seq)
    else:
        content = dict(zip(LEDGER_FIELDS, entry, strict=True))
        content["prev_sha256"] = prev_sha256
        text = _ENCODE(content)
    return _SHA256(text.encode("utf-8")).hexdigest()


def key(text: Any) -> str:
    """identifiers.canonical_key, with plain ASCII letters and digits (most patient ids) taken the short way."""
    if isinstance(text, str) and text.isascii() and text.isalnum():
        return text.lower()
    return canonical_key(text)


class KeyCache:
    """Protocol ids and lot numbers repeat across records: each distinct text is keyed once per walk; so are
    the document facts (status, flags, lot, DIN) of `FAST_SELECT`, judged by verify's own rule."""

    def __init__(self, problem_of: Callable[[Any, str], str | None]) -> None:
        self.protocols: dict[Any, str] = {}
        self.lots: dict[str, str] = {}
        self.judged: dict[tuple[str, Any], tuple[str, str] | None] = {}
        self.problem_of = problem_of

    def protocol(self, text: Any) -> str:
        found = self.protocols.get(text)
        if found is None:
            found = self.protocols[text] = canonical_key(text)
        return found

    def lot(self, text: str) -> str:
        found = self.lots.get(text)
        if found is None:
            found = self.lots[text] = lot_key(text)
        return found

    def facts(self, fields: str, status: Any) -> tuple[str, str] | None:
        """The lot and DIN keys of a record whose document facts pass the final-record rule (`problem_of`:
        verify._parsed_problem) for this header status; None when they do not plainly pass."""
        found = self.judged.get((fields, status), False)
        if found is False:
            if len(self.judged) > 50_000:  # a bound on memory, whatever the store holds
                self.judged.clear()
            said, flags, lot, din = json.loads(fields)
            found = None
            if isinstance(said, str) and not self.problem_of({"status": said, "flags": flags}, str(status)):
                found = (self.lot(str(lot or "")), self.lot(str(din or "")))
            self.judged[(fields, status)] = found
        return found  # type: ignore[return-value]


def record_text(header_object: str, document_sha256: str) -> str:
    """The canonical text of a record's hash: FAST_SELECT's header object with the document's SHA-256 in its place."""
    return header_object.replace(_SHA_SLOT, f',"document_sha256":"{document_sha256}",', 1)


def plainly_final(row: tuple[Any, ...], cache: KeyCache) -> bool:
    """True when the row (FAST_SELECT's) is plainly a final record, unchanged, whose keys are its own; False
    means: let verify.py's original checks decide (they may still accept it)."""
    (_, _, stored, document_utf8, header, fields, inputs_type, status, patient_id, protocol_id, patient_key,
     protocol_key, stored_lot_key, stored_din_key) = row
    if header is None or fields is None or inputs_type not in (None, "null", "object"):
        return False  # a header value of an unexpected type; not JSON text; `inputs` read differently
    keys = cache.facts(fields, status)
    return (keys is not None and keys[0] == stored_lot_key and keys[1] == stored_din_key
            and _SHA256(record_text(header, _SHA256(document_utf8).hexdigest()).encode()).hexdigest() == stored
            and patient_key == key(patient_id) and protocol_key == cache.protocol(protocol_id))
