"""Hard flags from the scanned product labels: the wrong product, an expired product, bags of two donations.

These are checks of the product, not of the arithmetic, and they are hard because no reason makes them
right: a product the protocol does not list, a product past its label expiry, or bags that do not all come
from the same donation (the same DIN) must not be prepared into one infusion. The engine adds the flags this
module returns to the calculation's own (`product_flags(scans, protocol.product_codes, now)`).

Times: ISBT 128 carries the label's local wall-clock time and no time zone, so an aware `now` is turned into
this computer's local time before it is compared; a naive `now` is taken as local time already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mscdose.core.errors import ProtocolError
from mscdose.core.flags import Flag
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, joined, said
from mscdose.core.scan import LabelScan

# The codes are shared with the typed-expiry check (PRODUCT_EXPIRED) so that one product fault has one name.
PRODUCT_NOT_IN_PROTOCOL = "PRODUCT_NOT_IN_PROTOCOL"
PRODUCT_EXPIRED = "PRODUCT_EXPIRED"
BAG_DIN_MISMATCH = "BAG_DIN_MISMATCH"
BAG_PRODUCT_MISMATCH = "BAG_PRODUCT_MISMATCH"
PRODUCT_CODE_NOT_LISTED = "PRODUCT_CODE_NOT_LISTED"
FIELD = "scan"

# A protocol entry: a product description code (`S1234`, any collection type and division) or a whole
# product code (`S1234A00`). Upper case only, as ISBT 128 writes them, so that a file cannot hold two
# spellings of one code.
_DESCRIPTION_CODE = re.compile(r"^[A-Z][A-Z0-9]{4}$")
_WHOLE_CODE = re.compile(r"^[A-Z][A-Z0-9]{4}[A-Za-z0-9][A-Z0-9][a-z0-9]$")


@dataclass(frozen=True)
class ProductCodes:
    """The protocol's `product_codes`: the products it accepts, and whether the list is the protocol's own
    or a site choice (printed on the worksheet like every site value)."""

    codes: tuple[str, ...]
    source: str = "protocol"
    note: str = ""


def read_product_codes(raw: Any, file_name: str) -> ProductCodes | None:
    """The protocol file's `product_codes` key: a list of codes, or `{ value = [...], source = "site",
    note = "..." }`. Absent (None) means the protocol lists none: then only the cellular-therapy format rule
    applies and every scanned product gets the info flag PRODUCT_CODE_NOT_LISTED. An empty list is refused
    (it would block every product: leave the key out instead), and so is any entry that is not a code."""
    if raw is None:
        return None

    def error(key: str, message: str) -> ProtocolError:
        return ProtocolError(f"Protocol file {file_name}: key '{key}': {message}")

    source, note = "protocol", ""
    if isinstance(raw, dict):
        unknown = sorted(set(raw) - {"value", "source", "note"})
        if unknown:
            raise error(f"product_codes.{unknown[0]}", "unknown key (allowed: note, source, value)")
        if "value" not in raw:
            raise error("product_codes.value", "missing")
        source, note = raw.get("source", "protocol"), raw.get("note", "")
        if source not in ("protocol", "site"):
            raise error("product_codes.source", f"must be 'protocol' or 'site', found {source!r}")
        if not isinstance(note, str):
            raise error("product_codes.note", f"must be text, found {note!r}")
        raw = raw["value"]
    if not isinstance(raw, list) or not all(isinstance(entry, str) for entry in raw):
        raise error("product_codes", f"must be a list of ISBT 128 product codes such as [\"S1234\"], found {raw!r}")
    if not raw:
        raise error("product_codes", "is an empty list, which would refuse every product; list the accepted "
                                     "codes, or leave the key out to check only that a product is a cellular "
                                     "therapy product (S...)")
    for entry in raw:
        if not (_DESCRIPTION_CODE.match(entry) or _WHOLE_CODE.match(entry)):
            raise error("product_codes", f"{entry!r} is not an ISBT 128 product description code (a capital "
                                         "letter and 4 capitals or digits, such as \"S1234\") or a whole "
                                         "product code (8 characters, such as \"S1234A00\")")
    return ProductCodes(tuple(dict.fromkeys(raw)), source, note)


def _hard(code: str, message: str | Message) -> Flag:
    return Flag.raise_(code, FIELD, message)


def local_wall_time(moment: datetime) -> datetime:
    """`moment` as this computer's local wall-clock time without a zone, to compare with a label time."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def _bag(scans: Sequence[LabelScan], index: int) -> Message:
    scan = scans[index]
    name = (said(QT_TRANSLATE_NOOP("CoreMessage", "Bag {number}"), number=index + 1) if len(scans) > 1
            else said(QT_TRANSLATE_NOOP("CoreMessage", "The product")))
    return said(QT_TRANSLATE_NOOP("CoreMessage", "{bag} (DIN {din})"), bag=name, din=scan.din.display) if scan.din \
        else name


def _accepts(accepted: Sequence[str], product_code: str) -> bool:
    """A protocol entry of 5 characters is a product description code (`S1234`: any collection type and
    division); one of 8 characters is a whole product code and must match exactly."""
    for entry in accepted:
        entry = entry.strip()
        if (len(entry) == 5 and product_code[:5] == entry.upper()) or entry == product_code:
            return True
    return False


def product_code_flags(scans: Sequence[LabelScan], accepted: Sequence[str] | None) -> list[Flag]:
    """PRODUCT_NOT_IN_PROTOCOL for each scanned product code the protocol does not list. A code that is not a
    cellular therapy product (ISBT 128 codes starting with S) is flagged even when the protocol lists none."""
    flags = []
    for index, scan in enumerate(scans):
        code = scan.product_code
        if code is None:
            continue
        if accepted is not None and not _accepts(accepted, code):
            listed = ", ".join(accepted) if accepted else said(QT_TRANSLATE_NOOP("CoreMessage", "none"))
            flags.append(_hard(PRODUCT_NOT_IN_PROTOCOL, said(QT_TRANSLATE_NOOP(
                "CoreMessage", "{bag}: product code {code} is not one this protocol accepts (accepted: {accepted}). "
                "Do not prepare this product: use a product the protocol lists."),
                bag=_bag(scans, index), code=code, accepted=listed)))
        elif not scan.is_cellular_therapy:
            flags.append(_hard(PRODUCT_NOT_IN_PROTOCOL, said(QT_TRANSLATE_NOOP(
                "CoreMessage", "{bag}: product code {code} is not a cellular therapy product (ISBT 128 cellular "
                "therapy codes start with S). Do not prepare this product."), bag=_bag(scans, index), code=code)))
    return flags


def expiry_flags(scans: Sequence[LabelScan], now: datetime) -> list[Flag]:
    """PRODUCT_EXPIRED for each bag whose label expiry is now or past (a date without a time expires at
    23:59 of that day, as ISBT 128 reads it)."""
    wall = local_wall_time(now)
    flags = []
    for index, scan in enumerate(scans):
        if scan.expiry is not None and wall >= scan.expiry:
            given = "" if scan.expiry_time_given else said(QT_TRANSLATE_NOOP(
                "CoreMessage", " (the label gives a date only: 23:59 of that day)"))
            flags.append(_hard(PRODUCT_EXPIRED, said(QT_TRANSLATE_NOOP(
                "CoreMessage", "{bag} expired at {expiry}{date_only}; it is now {now}. Do not use this product."),
                bag=_bag(scans, index), expiry=f"{scan.expiry:%Y-%m-%d %H:%M}", date_only=given,
                now=f"{wall:%Y-%m-%d %H:%M}")))
    return flags


def din_flags(scans: Sequence[LabelScan]) -> list[Flag]:
    """BAG_DIN_MISMATCH when the bags scanned do not all carry the same DIN (one infusion, one donation)."""
    dins = [(index, scan.din) for index, scan in enumerate(scans) if scan.din is not None]
    if len({din.code for _, din in dins}) <= 1:
        return []
    listed = joined([said(QT_TRANSLATE_NOOP("CoreMessage", "bag {number}: {value}"), number=index + 1,
                          value=din.display) for index, din in dins], "; ")
    return [_hard(BAG_DIN_MISMATCH, said(QT_TRANSLATE_NOOP(
        "CoreMessage", "The bags scanned carry different DINs ({listed}). Every bag of one infusion must come from "
        "the same donation: set aside the bag that does not match."), listed=listed))]


def product_code_mismatch_flags(scans: Sequence[LabelScan]) -> list[Flag]:
    """BAG_PRODUCT_MISMATCH when the bags scanned carry different product codes: one infusion is one product."""
    found = [(index, scan.product_code) for index, scan in enumerate(scans) if scan.product_code]
    if len({code for _, code in found}) <= 1:
        return []
    listed = joined([said(QT_TRANSLATE_NOOP("CoreMessage", "bag {number}: {value}"), number=index + 1,
                          value=code) for index, code in found], "; ")
    return [_hard(BAG_PRODUCT_MISMATCH, said(QT_TRANSLATE_NOOP(
        "CoreMessage", "The bags scanned carry different product codes ({listed}). Every bag of one infusion must "
        "be the same product: set aside the bag that does not match."), listed=listed))]


def product_flags(scans: Sequence[LabelScan], accepted_product_codes: Sequence[str] | None,
                  now: datetime) -> list[Flag]:
    """All the hard flags of the scanned product labels, in the order: wrong product, expired, mismatch.

    `accepted_product_codes` is the protocol's `product_codes` (None when the protocol lists none: then only
    the cellular-therapy format is checked; an empty list accepts nothing). `now` is the real clock at the
    moment of the check."""
    return [*product_code_flags(scans, accepted_product_codes), *expiry_flags(scans, now), *din_flags(scans),
            *product_code_mismatch_flags(scans)]


def one_flag_per_code(flags: Sequence[Flag]) -> list[Flag]:
    """Flags of one code (two expired bags, two unlisted products) joined into one flag whose message names
    every bag, in first-seen order: one fault, one name, one line on the worksheet and in the window."""
    merged: dict[str, Flag] = {}
    for flag in flags:
        earlier = merged.get(flag.code)
        both = (joined([earlier.said, flag.said]) if earlier is not None and earlier.said and flag.said
                else None)
        merged[flag.code] = flag if earlier is None else Flag(
            earlier.code, earlier.severity, earlier.field,
            both if both is not None else f"{earlier.message} {flag.message}")  # type: ignore[arg-type]
    return list(merged.values())


def scan_flags(scans: Sequence[LabelScan], listed: ProductCodes | None, now: datetime) -> list[Flag]:
    """What the engine adds for the scans of a calculation: the hard product flags, one per code, and the
    info flag PRODUCT_CODE_NOT_LISTED when a product code was scanned but the protocol lists none (the code
    was then only checked to be a cellular therapy product: the worksheet says so)."""
    flags = one_flag_per_code(product_flags(scans, listed.codes if listed else None, now))
    scanned = sorted({scan.product_code for scan in scans if scan.product_code})
    if scanned and listed is None:
        flags.append(Flag.raise_(PRODUCT_CODE_NOT_LISTED, FIELD,
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "Product code {codes} was checked only as a "
                                                        "cellular therapy product (S...): this protocol file lists "
                                                        "no accepted product codes (key product_codes)."),
                                      codes=", ".join(scanned))))
    return flags
