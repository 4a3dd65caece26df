"""Time of use (issue 10 §2): the infusion must FINISH within the post-thaw limit, checked with the clock.

finish by = thaw + post-thaw limit; start by = finish by − infusion duration. Starting later than "start
by" means the last of the product runs in after the limit (a 4 h infusion started 2 h 55 min after thaw
with a 3 h limit), so it is the hard flag INFUSION_ENDS_AFTER_LIMIT; past "finish by" it is
POST_THAW_EXPIRED. The engine raises these at calculation time; the service calls `time_of_use_flags`
again at finalising and at every print with the real clock, because the clock moves on after typing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from mscdose.core import display as show
from mscdose.core.flags import Flag
from mscdose.core.messages import QT_TRANSLATE_NOOP, said, word


@dataclass(frozen=True)
class TimeOfUse:
    thawed_at: datetime
    limit_min: Decimal
    duration_min: Decimal
    finish_by: datetime
    start_by: datetime | None  # None only when the duration is too long to represent at all
    limit_source: str = "site"


def _span(minutes: Decimal) -> timedelta | None:
    try:
        return timedelta(minutes=float(minutes))
    except OverflowError:
        return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


def window_of(thawed_at: datetime, limit_min: Decimal, duration_min: Decimal, limit_source: str = "site") -> TimeOfUse:
    """finish by and start by for a thaw time. The loader caps the limit at 72 h, so finish by exists."""
    limit = _span(limit_min)
    if limit is None:
        raise ValueError(f"post-thaw limit {limit_min} min cannot be represented")
    finish_by = _aware(thawed_at) + limit
    duration = _span(duration_min)
    try:
        start_by = finish_by - duration if duration is not None else None
    except OverflowError:
        start_by = None
    return TimeOfUse(_aware(thawed_at), limit_min, duration_min, finish_by, start_by, limit_source)


def flags_at(window: TimeOfUse, now: datetime) -> list[Flag]:
    """POST_THAW_EXPIRED past finish by; else INFUSION_ENDS_AFTER_LIMIT past start by; else none."""
    now = _aware(now)
    source = "site value" if window.limit_source == "site" else "protocol value"
    limit = said(QT_TRANSLATE_NOOP("CoreMessage", "{elapsed} ({source})"), elapsed=show.elapsed(window.limit_min),
                 source=word(source))
    if now > window.finish_by:
        return [Flag.raise_("POST_THAW_EXPIRED", "thawed_at",
                            said(QT_TRANSLATE_NOOP("CoreMessage", "{elapsed} have passed since thaw; the limit is "
                                                   "{limit}. Do not infuse this product."),
                                 elapsed=show.elapsed(now - window.thawed_at), limit=limit))]
    if window.start_by is None or now > window.start_by:
        late = "" if window.start_by is None else said(QT_TRANSLATE_NOOP("CoreMessage", " (start by {moment})"),
                                                        moment=show.moment(window.start_by))
        overrun = ("" if window.start_by is None
                   else said(QT_TRANSLATE_NOOP("CoreMessage", ", {elapsed} after the post-thaw limit"),
                             elapsed=show.elapsed(now - window.start_by)))
        return [Flag.raise_("INFUSION_ENDS_AFTER_LIMIT", "thawed_at",
                            said(QT_TRANSLATE_NOOP("CoreMessage", "An infusion of {duration} started now would "
                                                   "end{overrun}: it must finish by {finish_by} (thaw + {limit})"
                                                   "{late}. Shorten the infusion only if the protocol allows it; "
                                                   "otherwise do not infuse."),
                                 duration=show.elapsed(window.duration_min), overrun=overrun,
                                 finish_by=show.moment(window.finish_by), limit=limit, late=late))]
    return []


def time_of_use_flags(source: Any, now: datetime) -> list[Flag]:
    """The time-of-use flags of a DoseResult or a calculation document (as saved) at `now`, the real
    clock at finalising or printing. Empty when no thaw time was entered (the required-fields check says
    so). Old documents without start_by/finish_by are worked out from their thaw time and settings."""
    window = _window_of_document(source) if isinstance(source, Mapping) else _window_of_result(source)
    return [] if window is None else flags_at(window, now)


def _window_of_result(result: Any) -> TimeOfUse | None:
    thawed = result.request.thawed_at
    if thawed is None:
        return None
    limit = result.protocol.post_thaw_limit
    return window_of(thawed, limit.value, result.duration_min, limit.source)


def _window_of_document(document: Mapping[str, Any]) -> TimeOfUse | None:
    inputs = document.get("inputs") or {}
    if not inputs.get("thawed_at"):
        return None
    thawed = datetime.fromisoformat(inputs["thawed_at"])
    setting = (document.get("protocol_settings") or {}).get("post_thaw_limit") or {}
    duration = Decimal(str(inputs.get("duration_min")))
    if setting.get("value") is not None:
        return window_of(thawed, Decimal(str(setting["value"])), duration, setting.get("source", "site"))
    finish = document.get("finish_by") or document.get("administer_before")
    if not finish:
        return None
    limit_min = Decimal((_aware(datetime.fromisoformat(finish)) - _aware(thawed)).total_seconds()) / 60
    return window_of(thawed, limit_min, duration)
