"""One infusion means one infusion (issue 10 §3): the flag, from a count the record store makes.

A protocol says how many final infusions one patient may receive (`infusions = 1` for NCT03055078). The
store counts the patient's earlier final, not-superseded records under the protocol (any lot, any day, ids
compared in canonical form) inside the same transaction as the insert; this module turns that count into
the hard flag, so the rule and its wording live in the core with the other flags. A correction supersedes
a record instead of adding an infusion, so it is never blocked by the count.
"""

from __future__ import annotations

from mscdose.core.flags import Flag
from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.core.protocol import Protocol


def infusion_limit_flags(earlier_final_infusions: int, protocol: Protocol, is_correction: bool = False) -> list[Flag]:
    """[INFUSION_LIMIT_REACHED] (hard) when `earlier_final_infusions` already uses up `protocol.infusions`
    and this is not a correction; else []."""
    if is_correction or earlier_final_infusions < protocol.infusions:
        return []
    allowed = (said(QT_TRANSLATE_NOOP("CoreMessage", "1 infusion")) if protocol.infusions == 1 else
               said(QT_TRANSLATE_NOOP("CoreMessage", "{count} infusions"), count=protocol.infusions))
    records = (QT_TRANSLATE_NOOP("CoreMessage", "This patient already has {count} final infusion record under "
                                 "{protocol}, which allows {allowed} per patient. Another cannot be finalised. To "
                                 "change a saved record, make a correction of it (mscdose correct RECORD_ID, or "
                                 "Correct… in History), which supersedes it.") if earlier_final_infusions == 1 else
               QT_TRANSLATE_NOOP("CoreMessage", "This patient already has {count} final infusion records under "
                                 "{protocol}, which allows {allowed} per patient. Another cannot be finalised. To "
                                 "change a saved record, make a correction of it (mscdose correct RECORD_ID, or "
                                 "Correct… in History), which supersedes it."))
    return [Flag.raise_("INFUSION_LIMIT_REACHED", "patient_id",
                        said(records, count=earlier_final_infusions, protocol=protocol.id, allowed=allowed))]
