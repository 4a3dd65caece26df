"""Reading a scan of an ISBT 128 product label: what a keyboard-wedge scanner types into the scan field.

A scanner types the barcode data fast and ends with Enter. One scan may hold several data structures
concatenated (a 2-D code, or a linear scanner that joins two barcodes), and several scans may be pasted
separated by new lines. Each data structure starts with its data identifier (`=` or `&` and one more
character) and has a fixed length, so the text is read structure by structure from the left.

Why refuse rather than guess: a scan is trusted more than typing, so a scan that cannot be read whole must
never fill a field with part of itself. A truncated DIN, an unknown identifier, a bad check character, a day
the year does not have or a time not on a clock is refused with the reason (InputError, field "scan").

Identifiers and layouts follow ICCBBA ST-001 (ISBT 128 Standard Technical Specification) Table 2 [RT003]:
001 DIN `=αppppyynnnnnnff`, 003 Product Code `=<αooootds`, 004 Expiration Date `=>cyyjjj`, 005 Expiration Date
and Time `&>cyyjjjhhmm`, 006 Collection Date `=*cyyjjj`, 007 Collection Date and Time `&*cyyjjjhhmm`.
Note that `=>` is the expiry date without a time (issue 13 called it the collection date; the standard's
collection date is `=*`). Other ICCBBA structures of known length are read and kept but fill no field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mscdose.core.errors import InputError
from mscdose.core.isbt128 import Din, check_character, checksum, ordinal_datetime
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said

ACCEPTED = QT_TRANSLATE_NOOP("CoreMessage",
                             "ISBT 128 barcode data from the product label, one or several data structures in one "
                             "scan: DIN (=αppppyynnnnnnff), product code (=<αooootds), expiry (&>cyyjjjhhmm or "
                             "=>cyyjjj), collection date (=*cyyjjj or &*cyyjjjhhmm)")

_DIN_START = re.compile(r"[A-NP-Z1-9]")
_DIN_BODY = re.compile(r"^[A-NP-Z1-9][0-9]{4}[0-9]{2}[0-9]{6}$")
_FLAGS = re.compile(r"^[0-9A-HJ-NPR-Y]{2}$")
_PRODUCT = re.compile(r"^[A-Z][A-Z0-9]{4}[A-Za-z0-9][A-Z0-9][a-z0-9]$")
# A scanner set to send the AIM symbology identifier puts `]` + a letter + a modifier before the data.
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")

# identifier -> (structure number, name, length of the content after the identifier)
_FIXED: dict[str, tuple[str, str, int]] = {
    "=%": ("002", "Blood Groups [ABO and RhD]", 4),
    "=<": ("003", "Product Code", 8),
    "=>": ("004", "Expiration Date", 6),
    "&>": ("005", "Expiration Date and Time", 10),
    "=*": ("006", "Collection Date", 6),
    "&*": ("007", "Collection Date and Time", 10),
    "=}": ("008", "Production Date", 6),
    "&}": ("009", "Production Date and Time", 10),
    "&(": ("010", "Special Testing: General", 5),
    "={": ("011", "Special Testing: Red Blood Cell Antigens (retired)", 18),
    "=\\": ("012", "Special Testing: Red Blood Cell Antigens - General", 18),
    "&\\": ("013", "Special Testing: Red Blood Cell Antigens - Finnish", 18),
    "&{": ("014", "Special Testing: Platelet HLA and Platelet Specific Antigens", 18),
    "=[": ("015", "Special Testing: HLA-A and -B Alleles (retired)", 18),
    '="': ("016", "Special Testing: HLA-DRB1 Alleles (retired)", 18),
    "=)": ("017", "Container Manufacturer and Catalog Number", 10),
    "&)": ("018", "Container Lot Number", 10),
    "=;": ("019", "Donor Identification Number", 21),
    "='": ("020", "Staff Member Identification Number", 11),
    "=-": ("021", "Manufacturer and Catalog Number: Items Other Than Containers", 10),
    "&-": ("022", "Lot Number: Items Other Than Containers", 10),
    "=+": ("023", "Compound Message", 5),
    "=#": ("024", "Patient Date of Birth", 10),
    "=]": ("026", "Expiration Month and Year", 6),
    '&"': ("027", "Transfusion Transmitted Infection Marker", 18),
    "=$": ("028", "Product Consignment", 16),
    "=(": ("031", "Flexible Date and Time", 16),
    "=,": ("032", "Product Divisions", 6),
    "&+": ("033", "Processing Facility Information Code", 11),
    "=/": ("034", "Processor Product Identification Code", 16),
    "&,1": ("035", "MPHO Lot Number", 18),
    "&,2": ("036", "MPHO Supplemental Identification Number", 18),
    "&,3": ("037", "Global Registration Identifier for Donors (retired)", 19),
    "&,4": ("038", "Single European Code", 40),
    "&:": ("039", "Global Registration Identifier for Donors", 19),
    "&/": ("040", "Chain of Identity Identifier", 15),
}
_DATES = {"=>", "&>", "=*", "&*", "=}", "&}"}


@dataclass(frozen=True)
class DataStructure:
    """One data structure as read: its identifier (`=` alone for a DIN), ST-001 number, name and content."""

    identifier: str
    number: str
    name: str
    content: str

    @property
    def data(self) -> str:
        return self.identifier + self.content


@dataclass(frozen=True)
class LabelScan:
    """What one scan of a product label says. Fields the scan did not carry are None.

    `expiry` and `collected_at` are the label's local wall-clock times (ISBT 128 carries no time zone);
    `expiry_time_given` is False when the label gave a date only, read as 23:59 of that day.
    `din_check_verified` is True when the DIN's flag characters carried its check character (60-96) and it
    matched; flags `00` (no check) or process-control flags leave it False.
    """

    text: str
    structures: tuple[DataStructure, ...]
    din: Din | None = None
    din_flags: str | None = None
    din_check_verified: bool = False
    product_code: str | None = None
    expiry: datetime | None = None
    expiry_time_given: bool = False
    collected_at: datetime | None = None
    collection_time_given: bool = False
    others: tuple[DataStructure, ...] = field(default=())

    @property
    def product_description_code(self) -> str | None:
        """The first five characters of the product code (`S1234`): the product, without collection type
        and division."""
        return self.product_code[:5] if self.product_code else None

    @property
    def is_cellular_therapy(self) -> bool:
        return bool(self.product_code) and self.product_code[0] == "S"  # type: ignore[index]

    @property
    def collection_date(self) -> date | None:
        return self.collected_at.date() if self.collected_at else None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the record: every value marked as scanned, with the scan text as read."""
        return {
            "source": "scan",
            "text": self.text,
            "din": self.din.display if self.din else None,
            "din_flags": self.din_flags,
            "din_check_verified": self.din_check_verified,
            "product_code": self.product_code,
            "expiry": self.expiry.isoformat(timespec="minutes") if self.expiry else None,
            "expiry_time_given": self.expiry_time_given,
            "collection_date": self.collection_date.isoformat() if self.collection_date else None,
            "structures": [s.data for s in self.structures],
        }


def _refuse(given: str, problem: Message) -> InputError:
    return InputError("scan", given, said(QT_TRANSLATE_NOOP("CoreMessage", "Scan: {problem} Accepted: {accepted}."),  # type: ignore[arg-type]
                                          problem=problem, accepted=said(ACCEPTED)))


def _clean(text: str) -> list[str]:
    """The scan without the Enter the scanner typed, split into pieces at any white space between scans."""
    pieces = []
    for piece in text.split():
        pieces.append(_AIM_PREFIX.sub("", piece, count=1))
    return [p for p in pieces if p]


def _caps_lock_hint(piece: str) -> Message | str:
    letters = [c for c in piece if c.isalpha()]
    if letters and sum(c.islower() for c in letters) > len(letters) / 2:
        return said(QT_TRANSLATE_NOOP("CoreMessage", " Most letters are lower case: is Caps Lock on, or the scanner "
                                                     "set to another keyboard layout?"))
    return ""


def _read_din(given: str, piece: str, at: int) -> tuple[DataStructure, int]:
    body = piece[at + 1: at + 16]
    stop = re.search(r"[=&]", body)
    if len(body) < 15 or stop:
        got = body[: stop.start()] if stop else body
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the DIN “={scanned_text}” is cut short ({count} of "
                                                                   "15 characters after =: 13 of the number and 2 "
                                                                   "flag characters). Scan the DIN barcode again."),
                                  scanned_text=got, count=len(got)))
    code, flags = body[:13], body[13:]
    if not _DIN_BODY.match(code):
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{code}” is not a DIN: a facility code (a letter "
                                                                   "other than O, or 1-9, then 4 digits), 2 digits of "
                                                                   "year and 6 digits of sequence."), code=code))
    if not _FLAGS.match(flags):
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the DIN flag characters “{flags}” are not ISBT "
                                                                   "128 flags."), flags=flags))
    return DataStructure("=", "001", "Donation Identification Number", body), at + 16


def _read_one(given: str, piece: str, at: int) -> tuple[DataStructure, int]:
    """The data structure starting at `at` in `piece`, and where the next one starts."""
    first = piece[at]
    if first not in "=&":
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "“{token}” (character {position} of "
                                                                   "“{scanned_text}”) does not start an ISBT 128 data "
                                                                   "structure: each starts with = or &.{hint}"),
                                  token=piece[at:at + 12], position=at + 1, scanned_text=piece,
                                  hint=_caps_lock_hint(piece)))
    if first == "=" and at + 1 < len(piece) and _DIN_START.match(piece[at + 1]):
        return _read_din(given, piece, at)
    identifier = piece[at: at + 2]
    if identifier == "&,":
        identifier = piece[at: at + 3]
    if identifier not in _FIXED:
        if len(identifier) < 2:
            problem = said(QT_TRANSLATE_NOOP("CoreMessage", "“{token}” at the end of “{scanned_text}” is a data "
                                                            "identifier with nothing after it."),
                           token=identifier, scanned_text=piece)
        elif re.match(r"^&[a-z;!]", identifier):
            problem = said(QT_TRANSLATE_NOOP("CoreMessage", "“{token}” is a data structure defined nationally or by a "
                                                            "facility, whose length mscdose cannot know. Scan the ISBT "
                                                            "128 barcodes one at a time."), token=identifier)
        else:
            problem = said(QT_TRANSLATE_NOOP("CoreMessage", "“{token}” is not an ISBT 128 data identifier.{hint}"),
                           token=identifier, hint=_caps_lock_hint(piece))
        raise _refuse(given, problem)
    number, name, length = _FIXED[identifier]
    start = at + len(identifier)
    content = piece[start: start + length]
    if len(content) < length:
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the {name} “{scanned_text}” is cut short ({count} "
                                                                   "of {length} characters). Scan the barcode again."),
                                  name=name, scanned_text=identifier + content, count=len(content), length=length))
    return DataStructure(identifier, number, name, content), start + length


def _structures(given: str, piece: str) -> list[DataStructure]:
    found, at = [], 0
    while at < len(piece):
        structure, at = _read_one(given, piece, at)
        found.append(structure)
    compound = [s for s in found if s.identifier == "=+"]
    if compound:
        header = compound[0]
        if not header.content[:2].isdigit() or found[0] is not header or len(compound) > 1:
            raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the compound message “{scanned_text}” is not a "
                                                                       "single header at the start."),
                                      scanned_text=header.data))
        declared = int(header.content[:2])
        if declared != len(found) - 1:
            raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the compound message says it holds {declared} "
                                                                       "data structures but {read} were read: the scan "
                                                                       "is incomplete. Scan the code again."),
                                      declared=declared, read=len(found) - 1))
    return found


def _date(given: str, structure: DataStructure) -> tuple[datetime, bool]:
    try:
        return ordinal_datetime(structure.content)
    except ValueError as error:
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the {name} “{scanned_text}” is impossible: "
                                                                   "{reason}."),
                                  name=structure.name, scanned_text=structure.data, reason=error)) from None


def _one_value(given: str, kept: dict[str, DataStructure], structure: DataStructure) -> None:
    """Keep one structure per identifier: the same one twice is harmless, two different ones are refused
    (two bags in one scan must be scanned one at a time, so that each bag is checked)."""
    key = structure.identifier
    earlier = kept.get(key)
    if earlier is not None and earlier.content != structure.content:
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "two different values of {name} in one scan "
                                                                   "(“{token}” and “{scanned_text}”). Scan one label "
                                                                   "at a time."),
                                  name=structure.name, token=earlier.data, scanned_text=structure.data))
    kept[key] = structure


def parse_scan(text: str | None) -> LabelScan:
    """Read one scan of a product label into a LabelScan, or raise InputError (field "scan") with the
    reason. The Enter a scanner types, and white space between concatenated scans, are ignored."""
    given = "" if text is None else str(text)
    pieces = _clean(given)
    if not pieces:
        raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "nothing was scanned.")))
    kept: dict[str, DataStructure] = {}
    read: list[DataStructure] = []
    for piece in pieces:
        for structure in _structures(given, piece):
            read.append(structure)
            if structure.identifier in {"=", "=<", *_DATES}:
                _one_value(given, kept, structure)
    values: dict[str, Any] = {}
    if "=" in kept:
        body = kept["="].content
        code, flags = body[:13], body[13:]
        verified = False
        if flags.isdigit() and 60 <= int(flags) <= 96:
            if int(flags) != checksum(code) + 60:
                raise _refuse(given, said(QT_TRANSLATE_NOOP(
                    "CoreMessage", "the DIN {code} with flag characters {flags} fails its check (the flags should be "
                                   "{expected}): the barcode is damaged or not a DIN. Scan it again or type the DIN "
                                   "from the label."), code=code, flags=flags, expected=checksum(code) + 60))
            verified = True
        values.update(din=Din(code[:5], code[5:7], code[7:], check_character(code)), din_flags=flags,
                      din_check_verified=verified)
    if "=<" in kept:
        product = kept["=<"].content
        if not _PRODUCT.match(product):
            raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "the product code “=<{scanned_text}” is not "
                                                                       "αooootds (a letter, 4 letters or digits, then "
                                                                       "the collection type and the division)."),
                                      scanned_text=product))
        values["product_code"] = product
    expiries = [kept[k] for k in ("&>", "=>") if k in kept]
    dated = {s.identifier: _date(given, s) for s in kept.values() if s.identifier in _DATES}
    if expiries:
        if len(expiries) == 2 and dated["&>"][0].date() != dated["=>"][0].date():
            raise _refuse(given, said(QT_TRANSLATE_NOOP("CoreMessage", "two different expiry dates in one scan "
                                                                       "(“{token}” and “{scanned_text}”)."),
                                      token=expiries[0].data, scanned_text=expiries[1].data))
        values["expiry"], values["expiry_time_given"] = dated[expiries[0].identifier]
    collections = [k for k in ("&*", "=*") if k in kept]
    if collections:
        values["collected_at"], values["collection_time_given"] = dated[collections[0]]
    used = {"=", "=<", "&>", "=>", "&*", "=*"}
    return LabelScan(text=given.strip(), structures=tuple(read),
                     others=tuple(s for s in read if s.identifier not in used), **values)


def parse_scans(texts: list[str] | tuple[str, ...]) -> list[LabelScan]:
    """Several scans (one per bag, or `--scan` given more than once), each read with `parse_scan`."""
    return [parse_scan(text) for text in texts]


PRODUCT_CODE_ACCEPTED = QT_TRANSLATE_NOOP("CoreMessage", "the 8 characters of the ISBT 128 product code under its "
                                                         "barcode (such as S1234A00: a letter, 4 letters or digits, "
                                                         "collection type, division), with or without =<")


def parse_product_code(text: str | None) -> str:
    """A product code typed by hand (field "product_code"): `S1234A00` or the barcode data `=<S1234A00`."""
    given = "" if text is None else str(text)
    compact = re.sub(r"\s+", "", given)
    if compact.startswith("=<"):
        compact = compact[2:]
    if not _PRODUCT.match(compact):
        shown = compact[:40] if compact.isprintable() else "(unprintable characters)"
        raise InputError("product_code", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "Product code: “{typed}” is not an ISBT 128 product code. Accepted: "
                                             "{accepted}."), typed=shown, accepted=said(PRODUCT_CODE_ACCEPTED)))
    return compact
