"""Drawing the worksheet: to a PDF file (QPdfWriter), to a printer (QPrinter), or as HTML.

The body is a QTextDocument laid out in pages of the printable area; each page then gets a running
header (title, site, protocol id, title, version and short hash, patient, record id, times, page x of y),
a footer (program, version, "values checked against protocol <id> <hash>"; the record, its short hash, the
chain head after it and the command that checks them) and, when it applies, the "NOT FOR ADMINISTRATION" or
"REPRINT n" marking, drawn on every page by the same code for paper and PDF.

Only the document is read: a reprint shows the numbers that were saved, never recomputed ones.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from mscdose.i18n import translate, units_for, using
from mscdose.worksheet import content, marking
from mscdose.worksheet.pdf_marker import marker_text
from mscdose.worksheet.qt_setup import ensure_app, font_family
from mscdose.worksheet.signing import SignatureBlock, block_from

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(14, 11, 14, 11)
PDF_DPI = 600
HEADER_PT = 58.5  # title and times, site and record, protocol, patient line, rule

__all__ = ["page_size_id", "print_worksheet", "worksheet_html", "write_worksheet_pdf"]


def page_size_id(name: str) -> QPageSize.PageSizeId:
    """`A4` or `Letter` (any case) as Qt's page size; anything else is refused with what is accepted."""
    key = (name or "").strip().upper().replace("US LETTER", "LETTER")
    if key not in PAGE_SIZES:
        raise ValueError(f"Page size: “{name}” is not accepted. Accepted: A4 or Letter.")
    return PAGE_SIZES[key]


def _short_hex(name: str, value: str) -> str:
    text = (value or "").strip().lower()
    if text and not re.fullmatch(r"[0-9a-f]{12,64}", text):
        raise ValueError(f"{name}: “{value}” is not 12 to 64 hexadecimal digits (give SavedRecord.short_hash / "
                         "short_head)")
    return text[:12]


def _marking(document: Mapping[str, Any], record_id: int | str | None, site_name: str,
             preview_reason: str | None, reprint_at: datetime | None, copy_number: int = 0,
             record_hash: str = "", chain_head: str = "") -> content.Marking:
    if preview_reason is None:
        refusal = content.final_refusal(document)
        if refusal:
            raise ValueError(refusal)
    if isinstance(copy_number, bool) or not isinstance(copy_number, int) or copy_number < 0:
        raise ValueError(f"copy_number: {copy_number!r} is not a copy number (0 for the first copy, n for REPRINT n)")
    if copy_number and reprint_at is None:
        reprint_at = datetime.now().astimezone()
    generated = reprint_at or datetime.now().astimezone()
    return content.Marking(
        site_name=site_name or "",
        record_id="" if record_id is None else str(record_id),
        generated_at=content.moment_text(generated),
        preview_reason=None if preview_reason is None else (
            units_for(preview_reason.strip()) or translate("Worksheet", "preview only")),
        reprint_at=None if reprint_at is None else content.moment_text(reprint_at),
        copy_number=copy_number,
        record_hash=_short_hex("record_hash", record_hash),
        chain_head=_short_hex("chain_head", chain_head),
    )


class _Painter:
    """Draws one worksheet on a paged device: header, body pages, footer and marking on every page."""

    def __init__(self, device: QPagedPaintDevice, document: Mapping[str, Any], marking: content.Marking,
                 signatures: SignatureBlock | None = None) -> None:
        self.device, self.document, self.marking = device, document, marking
        self.signatures = block_from(signatures)
        self.family = font_family()
        self.dpi = device.logicalDpiY()
        self.width, self.height = float(device.width()), float(device.height())

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        # No ligatures: "fi" stays two letters, so the PDF can be searched and read back as typed.
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    # -- bands above the body: the marking notices, measured once so every page has the same body height
    def notices(self) -> list[tuple[str, bool]]:
        m, out = self.marking, []
        if m.preview_reason is not None:
            out.append((translate("Worksheet", "{watermark} – preview, not a worksheet to prepare or give from. "
                                               "Reason: {reason}").format(watermark=marking.watermark(),
                                                                          reason=m.preview_reason), True))
        if m.is_reprint:
            out.append((translate("Worksheet", "{reprint} · {at} – the numbers are those saved at {saved}, not "
                                               "recomputed.").format(
                reprint=m.reprint_word, at=m.reprint_at, saved=content.when(self.document.get("computed_at"))),
                False))
        return out

    def notice_height(self, text: str) -> float:
        metrics = QFontMetricsF(self.font(8.5, True), self.device)
        box = metrics.boundingRect(QRectF(0, 0, self.width - self.pt(8), 10_000),
                                   int(Qt.TextFlag.TextWordWrap), text)
        return box.height() + self.pt(6)

    def header_height(self) -> float:
        return self.pt(HEADER_PT) + sum(self.notice_height(text) + self.pt(3) for text, _ in self.notices())

    def footer_height(self) -> float:
        return self.pt(25)

    def text(self, painter: QPainter, rect: QRectF, flags: Qt.AlignmentFlag, text: str, font: QFont) -> None:
        painter.setFont(font)
        metrics = QFontMetricsF(font, self.device)
        painter.drawText(rect, int(flags), metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))

    def draw_header(self, painter: QPainter, page: int, pages: int) -> None:
        d, m, w = self.document, self.marking, self.width
        protocol = d["protocol"]
        left, right = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, (
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line = self.pt(12.5)
        painter.setPen(QPen(QColor("black")))
        self.text(painter, QRectF(0, 0, w * 0.4, self.pt(17)), left, marking.title(), self.font(14, True))
        # the page number is in the footer's corner; this corner says when the numbers were worked out
        self.text(painter, QRectF(w * 0.4, 0, w * 0.6, self.pt(17)), right,
                  content.times_text(d.get("computed_at"), m.generated_at), self.font(8))
        y = self.pt(17)
        self.text(painter, QRectF(0, y, w * 0.5, line), left, m.site_name or translate("Worksheet", "Site: not set"),
                  self.font(9, True))
        record = (translate("Worksheet", "Record {id}").format(id=m.record_id) if m.record_id
                  else translate("Worksheet", "Record: not saved"))
        self.text(painter, QRectF(w * 0.5, y, w * 0.5, line), right,
                  translate("Worksheet", "{record} · protocol file {hash}").format(
                      record=record, hash=content.short_hash(d)), self.font(8.5, True))
        y += line
        self.text(painter, QRectF(0, y, w, line), left,
                  translate("Worksheet", "Protocol {id} version {version} – {title}").format(
                      id=protocol["id"], version=protocol.get("version", ""),
                      title=content.protocol_text(d, protocol.get("title", ""))), self.font(8.5))
        y += line
        # Both patient identifiers (id and date of birth, with the name) on a line of their own on every page,
        # so the checker's page 2 identifies the patient on its own (issue 19).
        self.text(painter, QRectF(0, y, w, self.pt(13)), left, marking.patient_line(d), self.font(9.5, True))
        painter.setPen(QPen(QColor("black"), self.pt(1.2)))
        y = self.pt(HEADER_PT - 2)
        painter.drawLine(0, int(y), int(w), int(y))
        y += self.pt(3)
        for text, inverted in self.notices():
            height = self.notice_height(text)
            box = QRectF(0, y, w, height)
            if inverted:
                painter.fillRect(box, QColor("black"))
                painter.setPen(QPen(QColor("white")))
            else:
                painter.setPen(QPen(QColor("black"), self.pt(2)))
                painter.drawRect(box.adjusted(self.pt(1), self.pt(1), -self.pt(1), -self.pt(1)))
            painter.setFont(self.font(8.5, True))
            painter.drawText(box.adjusted(self.pt(4), self.pt(3), -self.pt(4), -self.pt(3)),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
                             text)
            painter.setPen(QPen(QColor("black")))
            y += height + self.pt(3)

    def draw_footer(self, painter: QPainter, page: int, pages: int) -> None:
        top = self.height - self.footer_height()
        painter.setPen(QPen(QColor("black"), self.pt(0.6)))
        painter.drawLine(0, int(top + self.pt(3)), int(self.width), int(top + self.pt(3)))
        line = self.pt(10)
        rect = QRectF(0, top + self.pt(4), self.width, line)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.text(painter, QRectF(rect.x(), rect.y(), rect.width() * 0.8, line), left,
                  content.footer_text(self.document), self.font(7.5))
        self.text(painter, rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                  translate("Worksheet", "Page {page} of {pages}").format(page=page, pages=pages),
                  self.font(7.5, True))
        self.text(painter, QRectF(0, rect.y() + line, self.width, line), left, marking.audit_text(self.marking),
                  self.font(7.5, True))

    def draw_watermark(self, painter: QPainter) -> None:
        """A large light diagonal word laid over the page: seen at a glance, on shaded cells too, while its
        translucent grey leaves every number under it black and legible. The banner under the header
        carries the same words as text."""
        if self.marking.preview_reason is not None:
            word = marking.watermark()
        elif self.marking.is_reprint:
            word = self.marking.reprint_word
        else:
            return
        font = self.font(10, True)
        font.setPixelSize(1000)  # a path is built in pixels of the font, whatever the device's resolution
        path = QPainterPath()
        path.addText(0, 0, font, word)
        diagonal = (self.width ** 2 + self.height ** 2) ** 0.5
        font.setPixelSize(max(1, int(1000 * diagonal * 0.75 / path.boundingRect().width())))
        path = QPainterPath()
        path.addText(0, 0, font, word)
        box = path.boundingRect()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(self.width / 2, self.height / 2)
        painter.rotate(-(math.degrees(math.atan2(self.height, self.width))))
        painter.translate(-box.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(path, QColor(0, 0, 0, 34))
        painter.restore()

    def run(self) -> int:
        """Draw every page; return how many were drawn (the written file is checked against it)."""
        body = QTextDocument()
        body.documentLayout().setPaintDevice(self.device)
        body.setDefaultFont(self.font(9))
        body.setDocumentMargin(0)
        body.setHtml(content.body_html(self.document, self.family, signatures=self.signatures))
        top = self.header_height() + self.pt(2)
        body_height = self.height - top - self.footer_height() - self.pt(2)
        body.setPageSize(QSizeF(self.width, body_height))
        pages = body.pageCount()
        painter = QPainter()
        if not painter.begin(self.device):
            raise OSError("the worksheet could not be opened for drawing (is the file or printer writable?)")
        try:
            for index in range(pages):
                if index and not self.device.newPage():
                    raise OSError("a new page could not be started on the printer or PDF file")
                painter.save()
                painter.translate(0, top - index * body_height)
                # Clipped a hair short of the page end: Qt draws the border of a table that goes on to the next
                # page on the boundary itself, which would print as a stray rule above the footer.
                body.drawContents(painter, QRectF(0, index * body_height, self.width, body_height - self.pt(1)))
                painter.restore()
                self.draw_watermark(painter)
                self.draw_header(painter, index + 1, pages)
                self.draw_footer(painter, index + 1, pages)
        finally:
            painter.end()
        return pages


def _setup_layout(device: QPagedPaintDevice, page_size: str | None) -> None:
    if page_size is not None:
        device.setPageSize(QPageSize(page_size_id(page_size)))
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def write_worksheet_pdf(document: Mapping[str, Any], path: str | os.PathLike[str], *, page_size: str = "A4",
                        record_id: int | str | None = None, site_name: str = "", preview_reason: str | None = None,
                        reprint_at: datetime | None = None, copy_number: int = 0, record_hash: str = "",
                        chain_head: str = "", language: str | None = None,
                        signatures: SignatureBlock | None = None) -> int:
    """Write the worksheet PDF (fonts embedded) and return its page count, in `language` (`zh_CN` or `en`;
    None: the application's language, mscdose.i18n). Refuses (ValueError) a final
    worksheet of a blocked document. The file appears whole or not at all: it is written beside the target,
    checked (not empty, a complete PDF, the pages drawn) and only then renamed; on a full disk QPdfWriter
    reports nothing and leaves a short file, which the check turns into OSError.

    `copy_number` n > 0 marks the copy REPRINT n (`reprint_at` alone still marks it REPRINT). `record_hash`
    and `chain_head` (the record's `short_hash` and `short_head`) are printed in the footer of every page and,
    with the record id, written to the PDF metadata (pdf_marker.py) for `mscdose audit verify --worksheet`.
    `signatures` (issue 14): the record's signatures when the copy is made (`service.outputs.
    worksheet_signatures`), printed in section 8 with "no electronic signature" where there is none; None
    (a preview) prints the paper boxes only."""
    with using(language):
        ensure_app()
        size = page_size_id(page_size)
        mark = _marking(document, record_id, site_name, preview_reason, reprint_at, copy_number, record_hash,
                        chain_head)
        target = Path(path)
        partial = target.with_name(target.name + ".part")
        writer = QPdfWriter(str(partial))
        writer.setResolution(PDF_DPI)
        writer.setPageSize(QPageSize(size))
        writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
        patient = document.get("patient", {}).get("id", "")
        writer.setTitle(f"{content.TITLE} – patient {patient}" + (f" – record {record_id}" if record_id else ""))
        writer.setCreator(_creator(document, mark))
        try:
            pages = _Painter(writer, document, mark, signatures).run()
            del writer  # flushes and closes the file
            check_pdf_file(partial, pages)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return pages


def _creator(document: Mapping[str, Any], mark: content.Marking) -> str:
    """The PDF's /Creator: the program, and for a saved record with its hashes the machine-readable marker
    `audit verify --worksheet` reads back (never on a preview: a preview proves nothing about the store)."""
    creator = f"{content.PROGRAM} {document.get('app_version', '')}"
    if mark.preview_reason is None and mark.record_id.isdigit() and mark.record_hash and mark.chain_head:
        creator += " · " + marker_text(mark.record_id, mark.record_hash, mark.chain_head)
    return creator


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def check_pdf_file(path: Path, pages: int) -> None:
    """Raise OSError unless `path` is a complete PDF with `pages` pages (QPdfWriter writes uncompressed
    object headers, so the page objects can be counted without a PDF library)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise OSError(f"the PDF could not be read back ({error.strerror or error})") from None
    if not data:
        raise OSError("the PDF file is empty (is the disk full?)")
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise OSError("the PDF file is incomplete (is the disk full?)")
    found = len(_PAGE_OBJECT.findall(data))
    if found != pages:
        raise OSError(f"the PDF file has {found} pages where {pages} were drawn")


def print_worksheet(document: Mapping[str, Any], printer: Any, *, page_size: str | None = None,
                    record_id: int | str | None = None, site_name: str = "", preview_reason: str | None = None,
                    reprint_at: datetime | None = None, copy_number: int = 0, record_hash: str = "",
                    chain_head: str = "", language: str | None = None,
                    signatures: SignatureBlock | None = None) -> None:
    """Print on a QPrinter set up by the caller (usually through the system print dialog). `page_size`
    None keeps the paper the printer or the user chose. The keywords are those of write_worksheet_pdf."""
    with using(language):
        ensure_app()
        mark = _marking(document, record_id, site_name, preview_reason, reprint_at, copy_number, record_hash,
                        chain_head)
        _setup_layout(printer, page_size)
        _Painter(printer, document, mark, signatures).run()


def worksheet_html(document: Mapping[str, Any], *, page_size: str = "A4", record_id: int | str | None = None,
                   site_name: str = "", preview_reason: str | None = None,
                   reprint_at: datetime | None = None, copy_number: int = 0, record_hash: str = "",
                   chain_head: str = "", language: str | None = None,
                   signatures: SignatureBlock | None = None) -> str:
    """The whole worksheet as one HTML page (header, body, footer; no page breaks), for an on-screen view.
    Same refusals and keywords as the PDF."""
    with using(language):
        page_size_id(page_size)
        m = _marking(document, record_id, site_name, preview_reason, reprint_at, copy_number, record_hash, chain_head)
        protocol = document["protocol"]
        e = content.html.escape
        notices = []
        if m.preview_reason is not None:
            notices.append('<p style="background-color: #000000; color: #ffffff; font-weight: bold">&nbsp;'
                           + e(translate("Worksheet", "{watermark} – preview, not a worksheet to prepare or give "
                                                      "from. Reason: {reason}").format(
                               watermark=marking.watermark(), reason=m.preview_reason)) + "</p>")
        if m.is_reprint:
            notices.append('<p style="font-weight: bold">' + e(translate(
                "Worksheet", "{reprint} · {at} – the numbers are those saved at {saved}, not recomputed.").format(
                reprint=m.reprint_word, at=m.reprint_at or "", saved=content.when(document.get("computed_at"))))
                + "</p>")
        record = (translate("Worksheet", "Record {id}").format(id=m.record_id) if m.record_id
                  else translate("Worksheet", "Record: not saved"))
        header = (f'<p style="font-size: 14pt; font-weight: bold">{e(marking.title())}</p>'
                  f'<p>{e(m.site_name + " · ") if m.site_name else ""}'
                  + e(translate("Worksheet", "Protocol {id} version {version} – {title}").format(
                      id=protocol["id"], version=protocol.get("version", ""),
                      title=content.protocol_text(document, protocol.get("title", ""))))
                  + " · " + e(translate("Worksheet", "{record} · protocol file {hash}").format(
                      record=record, hash=content.short_hash(document)))
                  + f'<br/><b>{e(marking.patient_line(document))}</b><br/>'
                  + e(content.times_text(document.get("computed_at"), m.generated_at)) + "</p>"
                  + "".join(notices))
        body = content.body_html(document, signatures=block_from(signatures))
        inner = body[body.index(">", body.index("<body")) + 1: body.rindex("</body>")]
        return (body[: body.index(">", body.index("<body")) + 1] + header + inner
                + f'<hr/><p style="font-size: 7.5pt">{e(content.footer_text(document))}<br/>'
                f'<b>{e(marking.audit_text(m))}</b></p></body></html>')
