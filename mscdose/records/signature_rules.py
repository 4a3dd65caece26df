"""What a signature of a record is, and the rules about who may sign it: no store, no SQL.

Why apart from users.py: these are the parts of electronic signing (21 CFR Part 11 §11.50) that need no
database: the meanings and which roles may sign each, the `Signature` value and the line it prints, the
hash that puts it in the ledger, and the refusal of a check by the person who prepared the record. users.py
keeps the account store and applies these inside its write transaction (`add_signature`), and verifies the
hashes (`ledger_items`); the service's check (mscdose.service.checking) words the same rules before asking,
through the names users.py re-exports. Kept pure, they read and test without a record store, and moving them
out keeps users.py, the account operations, under the house limit of about 400 lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mscdose.core.identifiers import canonical_key
from mscdose.records.canonical import canonical_json, sha256_text
from mscdose.records.errors import StoreError

MEANINGS = ("prepared", "checked", "mismatch")
# Who may sign what: a checker (pharmacist) or admin may also prepare; only a checker or admin may check.
MAY_SIGN = {"prepared": ("preparer", "checker", "admin"), "checked": ("checker", "admin"),
            "mismatch": ("checker", "admin")}
SIGNATURE_FIELDS = ("id", "record_id", "meaning", "user_id", "printed_name", "initials", "at", "detail")


@dataclass(frozen=True)
class Signature:
    """One signature entry. `user_id` is "" for a site without accounts (initials only, not an electronic
    signature); `detail` is e.g. "blind re-entry matched" or the fields that differed."""

    id: int
    record_id: int
    meaning: str
    user_id: str
    printed_name: str
    initials: str
    at: datetime
    detail: str

    @property
    def electronic(self) -> bool:
        return bool(self.user_id)

    def manifestation(self) -> str:
        """The line the worksheet and `show` print (Part 11 §11.50: name, date and time, meaning)."""
        who = (f"{self.printed_name} ({self.user_id})" if self.electronic
               else f"{self.printed_name} (initials only: no electronic signature)")
        when = self.at.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
        text = f"{self.meaning.capitalize()} by {who} at {when}"
        return f"{text}: {self.detail}" if self.detail else text


def initials_key(initials: str) -> str:
    """Initials compared as letters only ("A.B." is "AB", "ab" is "AB")."""
    return "".join(ch for ch in canonical_key(initials) if ch.isalnum()).upper()


def signature_hash(signature: dict[str, Any]) -> str:
    content = {key: signature[key] for key in SIGNATURE_FIELDS}
    content["kind"] = "signature"
    return sha256_text(canonical_json(content))


def refuse_self_check(record_id: int, prepared_by: str, earlier: list[tuple[str, str, str]], user_id: str,
                      initials: str) -> None:
    """StoreError when the one checking record `record_id` prepared it: by user id when the record has an
    electronic "prepared" signature and the checker signs with one, else by initials (the record's
    `prepared_by` and every "prepared" signature's). `earlier` is the record's (meaning, user id, initials)."""
    prepared = [(uid, ini) for meaning, uid, ini in earlier if meaning == "prepared"]
    electronic = [uid for uid, _ in prepared if uid]
    if electronic and user_id:
        same = canonical_key(electronic[0]) == canonical_key(user_id)
    else:
        preparer_initials = {initials_key(prepared_by), *(initials_key(ini) for _, ini in prepared)} - {""}
        same = initials_key(initials) in preparer_initials
    if same:
        raise StoreError(f"Cannot check record {record_id}: it was prepared by the same person "
                         f"({user_id or initials.upper()}). An independent check must be made by someone else.")
