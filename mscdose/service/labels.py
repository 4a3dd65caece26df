"""The prepared bag's label as a use case: refuse what must not be labelled, write the PDF, log the copy.

Chain of identity, issue 13. Moved here from the command line so that the window (File → Print bag label…)
and `mscdose label` take one road: the window may not import the command line (layer contract), and two
copies of the rules would drift apart.

The label is printed from the saved record only (never recomputed numbers) and logged like every output:
through the store's print events, with a detail starting "label", the first copy plain and every later one
marked REPRINT n. Label copies are counted apart from worksheet copies, so a label never makes the
worksheet a reprint, nor the reverse. Refused, with a message naming the record: a superseded record (its bag
was prepared from numbers a correction replaced), and, where the site requires it (CHECK_BEFORE_LABEL), a
record whose independent check is not yet in the chain.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.service.errors import InvalidInput, OutputFailed
from mscdose.service.outputs import log_output

LABEL_DETAIL = "label"  # every label print event's detail starts with this word


def label_copies_made(store: Any, record_id: int) -> int:
    """Label copies of this record written so far (print events whose detail starts with "label")."""
    return sum(1 for event in store.print_events(record_id) if event.ok and event.detail.startswith(LABEL_DETAIL))


def label_size_key(given: str | None) -> str:
    """The label size `given` ("100x50mm", "4x2in"), or the site setting when None, as its key; a size
    that is not known is refused (field "size") with the sizes accepted."""
    from mscdose.worksheet.label import label_size

    if given is None:
        from mscdose.settings import LABEL_SIZE, Settings

        given = Settings().get(LABEL_SIZE)
    try:
        return label_size(given).key
    except ValueError as error:
        raise InvalidInput(str(error), field="size", given=str(given)) from None


def check_required_by_site() -> bool:
    """Whether the site setting CHECK_BEFORE_LABEL asks for the independent check before any label."""
    from mscdose.settings import CHECK_BEFORE_LABEL, Settings

    return bool(Settings().get(CHECK_BEFORE_LABEL) == "yes")


def refuse_unchecked(store: Any, record: Any, check_required: bool | None = None) -> None:
    """Issue 14: where the site requires it, no label before the independent check of the record is in the
    chain. `check_required` None reads the site setting (the window passes its own settings' value)."""
    from mscdose.service.accounts import signatures

    required = check_required_by_site() if check_required is None else check_required
    if not required:
        return
    if not any(signature.meaning == "checked" for signature in signatures(store, record.id)):
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Record {record_id} has not been checked independently, and this site requires the check "
                           "before the bag is labelled: `mscdose check {record_id} ...` (or Check a record in the "
                           "window) first."),
            record_id=record.id), field="record_id", given=str(record.id))


def write_record_label(store: Any, record: Any, output: Path, size: str, *,
                       check_required: bool | None = None) -> int:
    """Write a saved record's bag label and log it; return the copy number (0 first, n for REPRINT n).

    Refuses a superseded record and (site setting, or `check_required`) an unchecked one: InvalidInput,
    nothing written or logged. A failure of the renderer is logged against the record, leaves no file, and
    raises OutputFailed."""
    from mscdose.worksheet.label import write_label_pdf

    if record.superseded_by is not None:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Record {record_id} was corrected by record {superseded_by}: no label is printed for a "
                           "superseded record. Print the label of record {superseded_by}."),
            record_id=record.id, superseded_by=record.superseded_by),
                           field="record_id", given=str(record.id))
    refuse_unchecked(store, record, check_required)
    copy = label_copies_made(store, record.id)
    kind = f"{LABEL_DETAIL} reprint {copy}" if copy else LABEL_DETAIL
    try:
        write_label_pdf(record.document, record.id, output, size=size, reprint=copy)
    except ValueError as error:  # a document that can never have a label (blocked, unresolved)
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Record {record_id}: {error}"),
            record_id=record.id, error=error), field="record_id", given=str(record.id)) from None
    except Exception as error:  # whatever the renderer met is logged against the record, then reported
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        log_output(store, record.id, False, f"{kind} PDF {output} ({size}) failed: {reason}")
        raise OutputFailed(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not write the bag label of record {record_id} to “{output}”: {reason}. The "
                           "failure is logged; nothing was left behind."),
            record_id=record.id, output=output, reason=reason), record.id, given=str(output)) from None
    log_output(store, record.id, True, f"{kind} PDF {output} ({size})")
    return copy
