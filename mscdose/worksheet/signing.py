"""The record's electronic signatures as the worksheet prints them (issue 14), beside the paper boxes.

Why the worksheet is given plain values and not the store's `Signature`: the worksheet sits below the service
and reads nothing from the record store itself. The service (`service.outputs.worksheet_signatures`) reads a
record's signatures at the moment a copy is made and hands them over as `SignatureBlock`, so a reprint after
the check shows the check, and a first copy printed before it says the check is not signed yet.

What is printed for each signature is what 21 CFR Part 11 §11.50 asks of its manifestation: the printed
name, the user id, the date and time, and the meaning ("prepared", "checked", or a "mismatch" of a blind
re-entry, printed too so that a later match is seen to come after it), with the note of the check
("blind re-entry matched"). A store without accounts has no electronic signature: the worksheet says so,
prints any signature by initials as initials only, and keeps the paper boxes to sign by hand.

Pure Python (no Qt), like content.py; the words go through `translate("Worksheet", ...)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from mscdose.i18n import translate
from mscdose.worksheet.marking import moment_text

NO_SIGNATURE = "no electronic signature"  # the words of service.accounts.NO_SIGNATURE, printed translated
MEANINGS = ("prepared", "mismatch", "checked")


class _StoredSignature(Protocol):  # records.users.Signature (frozen: read-only), without importing the store
    @property
    def meaning(self) -> str: ...
    @property
    def user_id(self) -> str: ...
    @property
    def printed_name(self) -> str: ...
    @property
    def initials(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def detail(self) -> str: ...


@dataclass(frozen=True)
class SignatureMark:
    """One signature as printed. `user_id` "" is a signature by initials only (a store without accounts)."""

    meaning: str
    printed_name: str
    user_id: str
    at: datetime
    detail: str = ""
    initials: str = ""

    @property
    def electronic(self) -> bool:
        return bool(self.user_id)

    @classmethod
    def of(cls, signature: _StoredSignature) -> SignatureMark:
        return cls(signature.meaning, signature.printed_name, signature.user_id, signature.at, signature.detail,
                   signature.initials)


@dataclass(frozen=True)
class SignatureBlock:
    """What the worksheet knows of a saved record's signatures when the copy is made: whether the store has
    user accounts, and every signature of the record, oldest first."""

    accounts: bool
    entries: tuple[SignatureMark, ...] = ()

    @classmethod
    def of(cls, accounts: bool, signatures: Iterable[_StoredSignature | SignatureMark]) -> SignatureBlock:
        return cls(accounts, tuple(s if isinstance(s, SignatureMark) else SignatureMark.of(s) for s in signatures))

    def signed(self, meaning: str) -> SignatureMark | None:
        """The (last) signature of this meaning, or None."""
        found = [entry for entry in self.entries if entry.meaning == meaning]
        return found[-1] if found else None


def meaning_word(meaning: str) -> str:
    words = {"prepared": translate("Worksheet", "Prepared"), "checked": translate("Worksheet", "Checked"),
             "mismatch": translate("Worksheet", "Check mismatch")}
    return words.get(meaning, meaning)


def signer_text(mark: SignatureMark) -> str:
    """`Pat Preparer (pat)`, or `CD (initials only: no electronic signature)`."""
    if mark.electronic:
        return f"{mark.printed_name} ({mark.user_id})"
    return translate("Worksheet", "{initials} (initials only: no electronic signature)").format(
        initials=mark.printed_name or mark.initials)


def note_text(detail: str) -> str:
    """The check's note, its known opening words translated ("blind re-entry matched"); the rest as recorded."""
    known = (("blind re-entry matched", translate("Worksheet", "blind re-entry matched")),
             ("blind re-entry differed:", translate("Worksheet", "blind re-entry differed:")))
    for english, translated in known:
        if detail.startswith(english):
            return translated + detail[len(english):]
    return detail


def manifestation_rows(block: SignatureBlock) -> list[tuple[str, str, str, str]]:
    """(meaning, signed by, date and time, note) for every signature, and a row saying "no electronic
    signature" for a prepared or checked signature that is not there (yet)."""
    rows = [(meaning_word(e.meaning), signer_text(e), moment_text(e.at.astimezone()), note_text(e.detail))
            for e in block.entries if e.meaning in MEANINGS]
    missing = translate("Worksheet", "no electronic signature")
    if block.signed("prepared") is None:
        rows.insert(0, (meaning_word("prepared"), missing, "", ""))
    if block.signed("checked") is None:
        note = (translate("Worksheet", "not checked when this copy was made") if block.accounts else "")
        rows.append((meaning_word("checked"), missing, "", note))
    return rows


def paper_cells(block: SignatureBlock | None, meaning: str) -> tuple[str, str] | None:
    """(what goes in the paper table's signature cell, its date and time) when the record carries an
    electronic signature of this meaning; None to leave the box blank for a signature by hand."""
    mark = block.signed(meaning) if block is not None else None
    if mark is None or not mark.electronic:
        return None
    return translate("Worksheet", "signed electronically (above)"), moment_text(mark.at.astimezone())


def block_from(value: Any) -> SignatureBlock | None:
    """The renderer's `signatures` keyword as a block: a SignatureBlock, or None (not given: a preview or a
    caller that does not know the record's signatures; the electronic part is then left out)."""
    if value is None or isinstance(value, SignatureBlock):
        return value
    raise TypeError(f"signatures: {value!r} is not a SignatureBlock (service.outputs.worksheet_signatures)")
