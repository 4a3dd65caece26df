"""A record's outputs: the worksheet PDF, its reprints and printed copies, each logged against the record.

Every copy of a final record, whichever front end made it, goes through here: written to a temporary file,
checked, renamed into place, and only then logged as printed; a failure is logged as a failure and leaves
nothing behind. Every copy after the first is marked REPRINT. Site name and paper size come from the
settings (`mscdose.settings`) unless the caller gives them, so the window, `mscdose worksheet` and
`mscdose reprint` print the same header on the same paper.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.service.errors import InvalidInput, OutputFailed
from mscdose.service.records import store_errors

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore, SavedRecord
    from mscdose.worksheet.signing import SignatureBlock

log = logging.getLogger(__name__)

PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class PrintOptions:
    page_size: str = "A4"
    site_name: str = ""


def print_options(page_size: str | None = None, site_name: str | None = None) -> PrintOptions:
    """The options given, the rest from the site's settings (A4 and no site name when unset)."""
    if page_size is None or site_name is None:
        from mscdose.settings import PAPER_SIZE, SITE_NAME, Settings

        settings = Settings()
        page_size = settings.get(PAPER_SIZE) if page_size is None else page_size
        site_name = settings.get(SITE_NAME) if site_name is None else site_name
    matched = next((size for size in PAGE_SIZES if size.lower() == page_size.strip().lower()), None)
    if matched is None:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Page size: “{page_size}” is not accepted. Accepted: A4 or Letter."),
            page_size=page_size),
                           field="page_size", given=page_size)
    return PrintOptions(matched, site_name)


def check_output_path(output: str | os.PathLike[str], *, force: bool = False, suffix: str = ".pdf") -> Path:
    """Refuse, before anything is saved, an output that cannot be written or would overwrite a file."""
    text = str(output)
    path = Path(output)
    accepted = said(QT_TRANSLATE_NOOP("CoreMessage", "Accepted: a file name ending in {suffix} in an existing folder."),
                    suffix=suffix)
    if path.suffix.lower() != suffix:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--output: “{text}” does not end in {suffix}. {accepted}"),
            text=text, suffix=suffix, accepted=accepted), field="output", given=text)
    try:
        name_max = os.pathconf(path.parent if str(path.parent) else ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        name_max = 255
    if len(os.fsencode(path.name)) + len(".part") > name_max or len(os.fsencode(text)) > 4000:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--output: the file name is too long for this file system ({count} characters). "
                           "{accepted}"),
            count=len(path.name), accepted=accepted), field="output", given=text[:80])
    try:
        folder_ok = path.resolve().parent.is_dir()
    except (OSError, RuntimeError):
        folder_ok = False
    if not folder_ok:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--output: the folder of “{text}” does not exist. {accepted}"),
            text=text, accepted=accepted), field="output",
                           given=text)
    if path.is_dir():
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--output: “{text}” is a folder. {accepted}"),
            text=text, accepted=accepted), field="output", given=text)
    if path.exists() and not force:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--output: “{text}” already exists and was not overwritten. Choose another name, or give "
                           "--force to replace it."),
            text=text), field="output", given=text)
    return path


def _failure_text(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return "the disk is full"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def copies_made(store: RecordStore, record_id: int) -> int:
    """How many copies of this record's worksheet were written or printed successfully so far (bag labels are
    counted apart: `mscdose.service.labels.label_copies_made`)."""
    with store_errors():
        return sum(1 for event in store.print_events(record_id) if event.ok and not event.detail.startswith("label"))


def log_output(store: RecordStore, record_id: int, ok: bool, detail: str) -> None:
    """Log one output of a record (a print, a PDF), success or failure, in the store and the log file."""
    log.info("Record %s output %s: %s", record_id, "ok" if ok else "FAILED", detail)
    with store_errors():
        store.mark_printed(record_id, ok, detail)


def refuse_if_expired(document: dict[str, Any], now: datetime | None = None) -> None:
    """The post-thaw limit checked again with the real clock before the first copy of a final worksheet is made
    (a record finalised in time may be printed too late); Blocked naming the flags. Reprints, marked as such,
    stay possible for the patient's file."""
    from mscdose.core.time_of_use import time_of_use_flags
    from mscdose.service.errors import Blocked

    flags = time_of_use_flags(document, now or datetime.now().astimezone())
    if flags:
        raise Blocked([said(QT_TRANSLATE_NOOP("CoreMessage",
                                              "{code}: {problem} (checked again at printing, with the real clock)"),
                            code=flag.code, problem=flag.said or flag.message) for flag in flags])


def write_preview(document: dict[str, Any], output: Path, options: PrintOptions, reason: str) -> None:
    """A worksheet marked NOT FOR ADMINISTRATION on every page; never logged, never a record."""
    from mscdose.worksheet.render import write_worksheet_pdf

    try:
        write_worksheet_pdf(document, output, page_size=options.page_size, site_name=options.site_name,
                            preview_reason=reason)
    except (OSError, ValueError) as error:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--output: cannot write “{output}”: {failure_text}"),
            output=output, failure_text=_failure_text(error)), field="output",
                           given=str(output)) from None


def worksheet_signatures(store: RecordStore, record_id: int) -> SignatureBlock:
    """The record's signatures as the worksheet prints them (issue 14), read now: a copy made after the check
    shows the check. Without accounts the worksheet says "no electronic signature" and keeps the paper boxes."""
    from mscdose.service.accounts import accounts_enabled, signatures
    from mscdose.worksheet.signing import SignatureBlock

    return SignatureBlock.of(accounts_enabled(store), signatures(store, record_id))


@dataclass(frozen=True)
class WorksheetCopy:
    """One copy about to be made: its number (0 the first, n for REPRINT n), and `render` — every keyword the
    renderer needs for it (`write_worksheet_pdf(document, path, **copy.render)`, `print_worksheet(document,
    printer, **copy.render)`, or the window's `print_worksheet_dialog(parent, document, **copy.render)`)."""

    number: int
    reprint_at: datetime | None
    render: dict[str, Any]

    @property
    def kind(self) -> str:
        """How the copy is logged: `worksheet` for the first, `reprint n` after."""
        return f"reprint {self.number}" if self.number else "worksheet"


Paint = Callable[[WorksheetCopy], "str | None"]


def produce_copy(store: RecordStore, record: SavedRecord, paint: Paint, options: PrintOptions, *,
                 as_reprint: bool = False, target: str = "") -> int | None:
    """Make one copy of a saved record's worksheet, PDF or paper, the one way every front end does it.

    Numbers the copy (0 the first; n for REPRINT n; `as_reprint` marks it REPRINT even when it is the first),
    checks a first copy against the post-thaw limit with the real clock (`refuse_if_expired`: Blocked, nothing
    logged), reads the record's signatures (issue 14), then calls `paint(copy)` which draws it with
    `copy.render` and returns what it made, in words for the log ("PDF /path/w.pdf", "printed on Ward 3"), or
    None when the person cancelled (nothing made, nothing logged: returns None). Whatever `paint` raises is
    logged against the record as a failure of `target` and raised as OutputFailed; a success is logged
    ("worksheet PDF ...", "reprint 2 printed on ..."). Returns the copy number."""
    copy_number = copies_made(store, record.id)
    if as_reprint:
        copy_number = max(copy_number, 1)
    if copy_number == 0:
        refuse_if_expired(record.document)
    reprint_at = datetime.now(UTC) if copy_number else None
    render = {"page_size": options.page_size, "site_name": options.site_name, "record_id": record.id,
              "reprint_at": reprint_at, "copy_number": copy_number, "record_hash": record.short_hash,
              "chain_head": record.short_head, "signatures": worksheet_signatures(store, record.id)}
    copy = WorksheetCopy(copy_number, reprint_at, render)
    try:
        made = paint(copy)
    except Exception as error:  # whatever the renderer or the printer met is logged against the record
        reason = _failure_text(error)
        log_output(store, record.id, False, f"{copy.kind} {target or 'output'} failed: {reason}")
        verb = said(QT_TRANSLATE_NOOP("CoreMessage", "reprint") if copy_number
                    else QT_TRANSLATE_NOOP("CoreMessage", "write the worksheet of"))
        where = f" ({target})" if target else ""
        raise OutputFailed(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Could not {verb} record {record_id}{where}: {reason}. The record is saved and the "
                           "failure is logged. Get the worksheet with `mscdose reprint {record_id} --output "
                           "FILE.pdf` (or Reprint in History)."),
            verb=verb, record_id=record.id, where=where, reason=reason), record.id,
                           given=target) from None
    if made is None:
        return None
    log_output(store, record.id, True, f"{copy.kind} {made}")
    return copy_number


def reported(run: Callable[[WorksheetCopy, Callable[[bool, str], None]], object]) -> Paint:
    """A `paint` for produce_copy from a drawing function that reports instead of raising (the window's
    print dialog calls `report(ok, detail)` once, or not at all when cancelled): its success detail is
    returned, its failure raised, its silence is a cancel."""
    def paint(copy: WorksheetCopy) -> str | None:
        said: list[tuple[bool, str]] = []
        run(copy, lambda ok, detail: said.append((ok, detail)))
        if not said:
            return None
        ok, detail = said[-1]
        if not ok:
            raise OSError(detail)
        return detail

    return paint


def write_record_worksheet(store: RecordStore, record: SavedRecord, output: Path, options: PrintOptions, *,
                           as_reprint: bool = False) -> int:
    """Write a saved record's worksheet PDF and log it (through produce_copy); return the copy number (0 for
    the first, n for REPRINT n). `as_reprint` marks it REPRINT even when no copy was made before (an explicit
    reprint). Raises OutputFailed, after logging the failure, when the file could not be written whole (the
    renderer writes beside the target and renames, so nothing is left behind)."""
    from mscdose.worksheet.render import write_worksheet_pdf

    def paint(copy: WorksheetCopy) -> str:
        # worksheet owner (issue 10 §5, 12, 14): REPRINT n, the short hash and chain head, the signatures
        write_worksheet_pdf(record.document, output, **copy.render)
        return f"PDF {output}"

    made = produce_copy(store, record, paint, options, as_reprint=as_reprint, target=f"PDF {output}")
    assert made is not None  # a PDF is never cancelled
    return made


def reprint(store: RecordStore, record_id: int, output: Path, options: PrintOptions) -> int:
    """Write a saved record's worksheet again (the saved numbers, never recomputed), marked REPRINT."""
    with store_errors():
        record = store.get(record_id)
    return write_record_worksheet(store, record, output, options, as_reprint=True)
