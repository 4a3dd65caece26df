"""Translated texts of the protocol (title, criteria, notes, standard override reasons) for the worksheet.

A protocol file may carry a translation beside each English text (`title_zh`, `{ text, text_zh }` criteria
and reasons; see core/protocol.py). The worksheet prints from the saved document, which names its protocol
by id and holds the English texts; the translations are looked up by that English text, in the document's
own `protocol.translations` when it has them, else in the shipped protocol file of the same id. Keyed by
the English text, a translation can never be attached to another criterion: a criterion whose English
changed simply prints in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from mscdose.i18n import ENGLISH, current_language


@cache
def _shipped(protocol_id: str) -> Mapping[str, Mapping[str, str]]:
    from mscdose.core.protocol import ProtocolError, shipped_protocols

    try:
        for protocol in shipped_protocols():
            if protocol.id == protocol_id:
                return protocol.translations
    except ProtocolError:  # a broken shipped file is reported where protocols are loaded, not here
        pass
    return {}


def translations(document: Mapping[str, Any], language: str | None = None) -> Mapping[str, str]:
    """English text -> its translation into `language` (default: the current one) for this document."""
    language = language or current_language()
    if language == ENGLISH:
        return {}
    protocol = document.get("protocol") or {}
    own = (protocol.get("translations") or {}).get(language)
    if own:
        return own
    return _shipped(str(protocol.get("id", ""))).get(language, {})


def protocol_text(document: Mapping[str, Any], text: str) -> str:
    """`text` (an English text of the document's protocol) in the current language, or as it is."""
    return translations(document).get(text, text) if text else text
