"""Hard flags from the scanned product labels: the wrong product, an expired product, bags of two donations.

These are checks of the product, not of the arithmetic, and they are hard because no reason makes them
right: a product the protocol does not list, a product past its label expiry, or bags that do not all come
from the same donation (the same DIN) must not be prepared into one infusion. The engine adds the flags this
module returns to the calculation's own (`product_flags(scans, protocol.product_codes, now)`).

Times: ISBT 128 carries the label's local wall-clock time and no time zone, so an aware `now` is turned into
this computer's local time before it is compared; a naive `now` is taken as local time already.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from mscdose.core.flags import Flag
from mscdose.core.scan import LabelScan

# The codes are shared with the typed-expiry check (PRODUCT_EXPIRED) so that one product fault has one name.
PRODUCT_NOT_IN_PROTOCOL = "PRODUCT_NOT_IN_PROTOCOL"
PRODUCT_EXPIRED = "PRODUCT_EXPIRED"
BAG_DIN_MISMATCH = "BAG_DIN_MISMATCH"
FIELD = "scan"


def _hard(code: str, message: str) -> Flag:
    return Flag(code=code, severity="hard", field=FIELD, message=message)


def local_wall_time(moment: datetime) -> datetime:
    """`moment` as this computer's local wall-clock time without a zone, to compare with a label time."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def _bag(scans: Sequence[LabelScan], index: int) -> str:
    scan = scans[index]
    name = f"Bag {index + 1}" if len(scans) > 1 else "The product"
    return f"{name} (DIN {scan.din.display})" if scan.din else name


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
            listed = ", ".join(accepted) if accepted else "none"
            flags.append(_hard(PRODUCT_NOT_IN_PROTOCOL, f"{_bag(scans, index)}: product code {code} is not one "
                               f"this protocol accepts (accepted: {listed}). Do not prepare this product: "
                               "use a product the protocol lists."))
        elif not scan.is_cellular_therapy:
            flags.append(_hard(PRODUCT_NOT_IN_PROTOCOL, f"{_bag(scans, index)}: product code {code} is not a "
                               "cellular therapy product (ISBT 128 cellular therapy codes start with S). "
                               "Do not prepare this product."))
    return flags


def expiry_flags(scans: Sequence[LabelScan], now: datetime) -> list[Flag]:
    """PRODUCT_EXPIRED for each bag whose label expiry is now or past (a date without a time expires at
    23:59 of that day, as ISBT 128 reads it)."""
    wall = local_wall_time(now)
    flags = []
    for index, scan in enumerate(scans):
        if scan.expiry is not None and wall >= scan.expiry:
            given = "" if scan.expiry_time_given else " (the label gives a date only: 23:59 of that day)"
            flags.append(_hard(PRODUCT_EXPIRED, f"{_bag(scans, index)} expired at "
                               f"{scan.expiry:%Y-%m-%d %H:%M}{given}; it is now {wall:%Y-%m-%d %H:%M}. "
                               "Do not use this product."))
    return flags


def din_flags(scans: Sequence[LabelScan]) -> list[Flag]:
    """BAG_DIN_MISMATCH when the bags scanned do not all carry the same DIN (one infusion, one donation)."""
    dins = [(index, scan.din) for index, scan in enumerate(scans) if scan.din is not None]
    if len({din.code for _, din in dins}) <= 1:
        return []
    listed = "; ".join(f"bag {index + 1}: {din.display}" for index, din in dins)
    return [_hard(BAG_DIN_MISMATCH, f"The bags scanned carry different DINs ({listed}). Every bag of one "
                  "infusion must come from the same donation: set aside the bag that does not match.")]


def product_flags(scans: Sequence[LabelScan], accepted_product_codes: Sequence[str] | None,
                  now: datetime) -> list[Flag]:
    """All the hard flags of the scanned product labels, in the order: wrong product, expired, mismatch.

    `accepted_product_codes` is the protocol's `product_codes` (None when the protocol lists none: then only
    the cellular-therapy format is checked; an empty list accepts nothing). `now` is the real clock at the
    moment of the check."""
    return [*product_code_flags(scans, accepted_product_codes), *expiry_flags(scans, now), *din_flags(scans)]
