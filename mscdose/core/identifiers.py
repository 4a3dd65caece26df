"""Canonical forms of identifiers typed by people: patient IDs, lot numbers, DINs, protocol ids.

Why: "MRN 123", "MRN-123", "mrn123", full-width "ＭＲＮ１２３" and "MRN\u200b123" (a zero-width space pasted
from an e-mail) are the same patient. If the one-infusion and same-lot checks compared the text as typed,
any of these would let a second infusion through. What was typed is always stored as typed; comparisons
use the key computed here.

Rule of `canonical_key` (fixed, so an auditor can recompute it): Unicode NFKC, case folded (and NFKC again,
as case folding can un-normalise), then every whitespace character, every dash/hyphen (Unicode category Pd,
plus the minus sign) and every invisible format character (category Cf: zero-width space/joiners, word
joiner, soft hyphen, byte-order mark, direction marks) and control character is removed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_key", "lot_key"]

_DROPPED_CATEGORIES = frozenset({"Pd", "Cf", "Cc", "Zs", "Zl", "Zp"})
_MINUS_SIGNS = frozenset("\u2212\u2796")
_DIN_CORE = re.compile(r"^[A-NP-Z1-9][0-9]{12}")


def canonical_key(text: str | None) -> str:
    """The form in which two identifiers are compared ("" for None or nothing but separators)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text or "").casefold())
    return "".join(ch for ch in folded
                   if not ch.isspace() and ch not in _MINUS_SIGNS
                   and unicodedata.category(ch) not in _DROPPED_CATEGORIES)


def lot_key(text: str | None) -> str:
    """Identity of a lot number or DIN: the canonical key upper-cased with all punctuation removed, and a
    DIN reduced to its 13 characters (a barcode's leading `=` and the check character or two flag digits
    dropped), so `G1234 98 654321 H` and `=G12349865432177` are the same unit. Letters of any script are
    kept (a lot number in another script is not reduced to nothing)."""
    squeezed = "".join(ch for ch in canonical_key(text) if ch.isalnum()).upper()
    match = _DIN_CORE.match(squeezed)
    if match and len(squeezed) in (13, 14, 15) and squeezed.isascii():
        return match.group(0)
    return squeezed
